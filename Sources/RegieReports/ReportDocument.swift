import RegieCore
/// A report's content as plain blocks, written once and rendered as Markdown or as an HTML
/// page. Every text is plain: the renderers escape it for their format.
package struct ReportDocument {
    package enum Block {
        case heading(String)
        case paragraph(String)
        /// A smaller explanatory line.
        case note(String)
        /// Said when a section has nothing in it yet.
        case empty(String)
        case list([String])
        /// A table; the columns in `numeric` are aligned right.
        case table(header: [String], rows: [[String]], numeric: Set<Int> = [])
        /// A drawing (inline SVG) with its caption and the same content as text: Markdown
        /// shows the text, HTML the drawing with the text folded away under it.
        indirect case figure(svg: String, caption: String, text: Block)
        /// Blocks side by side on a printed page (and on a wide screen), one after the other
        /// elsewhere.
        indirect case columns([[Block]])
    }

    package var title: String
    package var lead: String
    package var blocks: [Block] = []

    package mutating func add(_ block: Block) { blocks.append(block) }

    package func markdown() -> String {
        (["# \(Self.md(title))", "", Self.md(lead), ""] + blocks.flatMap(Self.markdown)).joined(separator: "\n")
    }

    package func html(language: String) -> String {
        let head = ["<h1>\(HTMLPage.escape(title))</h1>", "<p class=\"lead\">\(HTMLPage.escape(lead))</p>"]
        return HTMLPage.document(title: title, language: language, body: head + blocks.map { Self.html($0, language: language) })
    }

    private static func markdown(_ block: Block) -> [String] {
        switch block {
        case .heading(let text): ["## \(md(text))", ""]
        case .paragraph(let text): [md(text), ""]
        case .note(let text), .empty(let text): ["_\(md(text))_", ""]
        case .list(let items): items.map { "- \(md($0))" } + [""]
        case .table(let header, let rows, let numeric):
            ["| " + header.map(md).joined(separator: " | ") + " |",
             "|" + header.indices.map { numeric.contains($0) ? "---:|" : "---|" }.joined()]
                + rows.map { "| " + $0.map(md).joined(separator: " | ") + " |" } + [""]
        case .figure(_, _, let text): markdown(text)
        case .columns(let columns): columns.flatMap { $0.flatMap(markdown) }
        }
    }

    private static func html(_ block: Block, language: String) -> String {
        let e = HTMLPage.escape
        switch block {
        case .heading(let text): return "<h2>\(e(text))</h2>"
        case .paragraph(let text): return "<p>\(e(text))</p>"
        case .note(let text): return "<p class=\"note\">\(e(text))</p>"
        case .empty(let text): return "<p class=\"empty\">\(e(text))</p>"
        case .list(let items): return "<ul>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        case .table(let header, let rows, let numeric):
            let head = "<thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>"
            let body = rows.map { cells in
                "<tr>" + cells.enumerated().map { index, cell in
                    "<td\(numeric.contains(index) ? " class=\"n\"" : "")>\(e(cell))</td>"
                }.joined() + "</tr>"
            }
            return (["<table>", head, "<tbody>"] + body + ["</tbody>", "</table>"]).joined(separator: "\n")
        case .figure(let svg, let caption, let text):
            // The text version is folded away: on screen it opens with a click, in print it stays shut.
            let summary = language == "nl" ? "Als tekst" : "As text"
            return "<figure>\n\(svg)\n<figcaption>\(e(caption))</figcaption>\n</figure>\n"
                + "<details><summary>\(summary)</summary>\n\(html(text, language: language))\n</details>"
        case .columns(let columns):
            return "<div class=\"columns\">\n" + columns.map { blocks in
                "<section>\n" + blocks.map { html($0, language: language) }.joined(separator: "\n") + "\n</section>"
            }.joined(separator: "\n") + "\n</div>"
        }
    }

    /// Plain text made literal in Markdown: characters that would start emphasis, links,
    /// code, HTML or table cells are escaped, and line breaks become spaces.
    package static func md(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "*", "_", "[", "]", "<", ">", "|", "`", "#": out += "\\\(character)"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
