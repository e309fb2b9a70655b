import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RegieCore
import RegieReports

/// The few pages the server has before the support workers' pages arrive: log in, enrol a
/// local account, and your account. Plain HTML forms that work without JavaScript, after the
/// GOV.UK and NL Design System patterns: one question per field with its label and hint, an
/// error summary at the top that links to the field, and buttons that say what they do.
struct SignInPage {
    let l: L10n
    var title: String
    var body: [String] = []

    init(_ l: L10n, title: String) {
        self.l = l
        self.title = title
    }

    static func escape(_ text: String) -> String { HTMLPage.escape(text) }

    mutating func add(_ html: String) { body.append(html) }

    /// The error summary: what went wrong, linking to the field to correct.
    mutating func error(_ message: String, field: String?) {
        let link = field.map { "<a href=\"#\($0)\">\(Self.escape(message))</a>" } ?? Self.escape(message)
        add("""
            <div class="error-summary" role="alert" tabindex="-1"><h2>\(Self.escape(l("There is a problem", "Er is een probleem")))</h2>
            <p>\(link)</p></div>
            """)
    }

    /// One labelled field, with a hint if there is one.
    static func field(_ id: String, label: String, value: String? = nil, hint: String? = nil, type: String = "text", autocomplete: String,
                      extra: String = "") -> String {
        let hintHTML = hint.map { "<p class=\"hint\" id=\"\(id)-hint\">\(escape($0))</p>" } ?? ""
        let described = hint == nil ? "" : " aria-describedby=\"\(id)-hint\""
        let shown = value.map { " value=\"\(escape($0))\"" } ?? ""
        return """
            <div class="field"><label for="\(id)">\(escape(label))</label>\(hintHTML)
            <input id="\(id)" name="\(id)" type="\(type)" autocomplete="\(autocomplete)"\(shown)\(described) \(extra) required></div>
            """
    }

    /// - Parameter formAction: where the page's forms may send the browser (and their answers
    ///   redirect it); only the server itself unless a page needs more.
    func response(status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:], formAction: String = "'self'") -> Response {
        let html = """
            <!DOCTYPE html>
            <html lang="\(l.language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title)) – Regie</title><link rel="stylesheet" href="/assets/regie.css"></head>
            <body><header><p class="brand">Regie</p></header><main id="main"><h1>\(Self.escape(title))</h1>
            \(body.joined(separator: "\n"))
            </main></body></html>
            """
        var headers = extra
        headers[.contentType] = "text/html; charset=utf-8"
        // Pages may load their own stylesheet and post to their own forms; nothing else.
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'self'; img-src 'self'; form-action \(formAction); frame-ancestors 'none'; base-uri 'none'"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The pages' stylesheet: large enough type, visible focus, and contrast above WCAG's AA.
    static let stylesheet = """
        body { font-family: system-ui, sans-serif; font-size: 1.125rem; line-height: 1.5; color: #0b0c0c; margin: 0; }
        header { background: #0b0c0c; color: #fff; padding: 0.5rem 1rem; }
        .brand { margin: 0; font-weight: 700; }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        label { display: block; font-weight: 700; margin-top: 1rem; }
        .hint { color: #505a5f; margin: 0.25rem 0; }
        input { font: inherit; padding: 0.4rem; border: 2px solid #0b0c0c; width: 100%; max-width: 24rem; box-sizing: border-box; }
        input:focus, button:focus, a:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
        button { font: inherit; margin-top: 1.5rem; padding: 0.5rem 1rem; background: #00703c; color: #fff; border: 0;
                 box-shadow: 0 2px 0 #002d18; cursor: pointer; }
        a.button { display: inline-block; padding: 0.5rem 1rem; background: #1d70b8; color: #fff; text-decoration: none; }
        button.secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
        .error-summary { border: 4px solid #d4351c; padding: 1rem; margin-bottom: 1rem; }
        .error-summary a { color: #d4351c; font-weight: 700; }
        .secret { font-family: ui-monospace, monospace; font-size: 1.25rem; letter-spacing: 0.1em; word-break: break-all; }
        """
}
