import RegieCore
import Foundation

/// A self-contained HTML page for the reports: inline styles, no scripts, nothing fetched
/// (the content security policy forbids it), black and grey only so that it prints in black
/// and white.
package enum HTMLPage {
    /// Text made safe for HTML and SVG, in element content and in quoted attributes.
    package static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A number for an SVG coordinate: at most one decimal, no exponent.
    package static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    package static func document(title: String, language: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Regie">
        <title>\(escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        </body>
        </html>

        """
    }

    /// The stylesheet, inline; a server names its hash in the page's Content-Security-Policy.
    package static let style = """

        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #000; background: #fff; margin: 0; line-height: 1.45; }
        main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.15rem; margin: 1.8rem 0 .5rem; border-bottom: 2px solid #000; padding-bottom: .15rem; }
        p.lead { margin: 0 0 1rem; color: #333; }
        table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; }
        th, td { border: 1px solid #666; padding: .3rem .45rem; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        ul { padding-left: 1.3rem; }
        .note { color: #333; font-size: .9rem; }
        .empty { color: #444; font-style: italic; }
        figure { margin: .5rem 0 1rem; }
        figcaption { font-size: .9rem; color: #333; }
        svg { max-width: 100%; height: auto; }
        svg text { font-family: "DejaVu Sans", Arial, sans-serif; }
        @page { size: A4; margin: 12mm 14mm; }
        @media print {
          body { font-size: 8.5pt; line-height: 1.3; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 15pt; }
          p.lead { margin-bottom: 2mm; }
          h2 { font-size: 10.5pt; margin: 3.5mm 0 1mm; break-after: avoid; }
          table { margin: 1mm 0 1.5mm; }
          th, td { padding: .6mm 1.5mm; }
          ul { margin: 1mm 0; }
          figure { margin: 1mm 0; }
          figcaption { font-size: 7.5pt; }
          .columns { display: grid; grid-template-columns: 2fr 3fr; gap: 6mm; align-items: start; }
          .columns > section > h2:first-child { margin-top: 3.5mm; }
          figure svg { display: block; width: auto; max-width: 100%; max-height: 86mm; margin: 0 auto; }
          figure svg[aria-labelledby="timeline-title"] { max-height: 44mm; }
          figure, table, li { break-inside: avoid; }
          details { display: none; }
        }

        """
}
