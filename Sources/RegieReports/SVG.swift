import RegieCore
/// The few SVG elements the reports draw, written out as text. Every piece of user text
/// passes through ``HTMLPage/escape(_:)``.
package enum SVG {
    package static func n(_ value: Double) -> String { HTMLPage.number(value) }

    /// Text cut to `limit` characters, with an ellipsis when it was longer.
    package static func short(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    package static func text(_ content: String, x: Double, y: Double, size: Double, weight: String = "normal", anchor: String = "middle",
                     fill: String = "#000", style: String = "normal") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" font-weight=\"\(weight)\" font-style=\"\(style)\" text-anchor=\"\(anchor)\" fill=\"\(fill)\">\(HTMLPage.escape(content))</text>"
    }

    package static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String = "none",
                     strokeWidth: Double = 1, radius: Double = 0) -> String {
        "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(height))\" rx=\"\(n(radius))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(n(strokeWidth))\"/>"
    }

    package static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#000", width: Double = 1,
                     dash: String? = nil) -> String {
        "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\""
            + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
    }

    /// The opening tag of a drawing with its accessible title.
    package static func open(width: Double, height: Double, id: String, title: String) -> [String] {
        [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-labelledby=\"\(id)\">",
            "<title id=\"\(id)\">\(HTMLPage.escape(title))</title>",
            rect(x: 0, y: 0, width: width, height: height, fill: "#fff"),
        ]
    }

    /// Diagonal hatching, for paused time and for paused cases.
    package static func hatchPattern(id: String) -> String {
        "<defs><pattern id=\"\(id)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#000\" stroke-width=\"2\"/></pattern></defs>"
    }
}
