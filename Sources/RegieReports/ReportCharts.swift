import RegieCore
import Foundation

/// The team report's charts as inline SVG, in black, grey and white only: a labelled row per
/// value, with the figure written next to each bar so nothing depends on reading a scale.
package struct ReportCharts {
    package struct Row {
        package var label: String
        /// The length of the bar; nil draws no bar (no data).
        package var value: Double?
        /// What is written next to the bar.
        package var text: String
        /// A figure to compare with (the Amsterdam pilot's), drawn as a dashed mark.
        package var reference: Double?

        package init(label: String, value: Double?, text: String, reference: Double? = nil) {
            (self.label, self.value, self.text, self.reference) = (label, value, text, reference)
        }
    }

    /// One range per row: a line from the lowest to the highest value with the median as a dot.
    package struct RangeRow {
        package var label: String
        package var minimum: Double?
        package var median: Double?
        package var maximum: Double?
        package var text: String
        /// A range to compare with (the Amsterdam pilot's), drawn as a grey band.
        package var reference: ClosedRange<Double>?

        package init(label: String, minimum: Double?, median: Double?, maximum: Double?, text: String,
                     reference: ClosedRange<Double>? = nil) {
            (self.label, self.minimum, self.median, self.maximum, self.text, self.reference) = (label, minimum, median, maximum, text, reference)
        }
    }

    package let l: L10n

    package init(l: L10n) { self.l = l }

    private let width = 720.0
    private let labelWidth = 230.0
    private let textWidth = 170.0
    private let rowHeight = 30.0

    /// Bars from the left, scaled so that `scale` fills the bar area, over an axis with
    /// `ticks` marked (the value and its label).
    package func bars(_ rows: [Row], scale: Double, ticks: [(Double, String)], id: String, title: String) -> String {
        let plot = width - labelWidth - textWidth
        let axis = Double(rows.count) * rowHeight + 8
        let referenced = rows.contains { $0.reference != nil }
        var svg = SVG.open(width: width, height: axis + 26 + (referenced ? 24 : 0), id: id, title: title)
        svg.append(SVG.line(x1: labelWidth, y1: 4, x2: labelWidth, y2: axis, width: 1.5))
        svg.append(SVG.line(x1: labelWidth, y1: axis, x2: labelWidth + plot, y2: axis, width: 1.5))
        for (value, label) in ticks where scale > 0 {
            let x = labelWidth + value / scale * plot
            svg.append(SVG.line(x1: x, y1: 4, x2: x, y2: axis, stroke: "#bbb", width: 1, dash: "3 3"))
            svg.append(SVG.text(label, x: x, y: axis + 18, size: 11))
        }
        for (index, row) in rows.enumerated() {
            let y = 6 + Double(index) * rowHeight
            svg.append(SVG.text(SVG.short(row.label, 34), x: labelWidth - 10, y: y + rowHeight / 2 + 3, size: 12, anchor: "end"))
            let length = scale > 0 ? (row.value ?? 0) / scale * plot : 0
            if row.value != nil {
                svg.append(SVG.rect(x: labelWidth, y: y + 5, width: max(length, 1.5), height: rowHeight - 12, fill: "#555", stroke: "#000"))
            }
            if let reference = row.reference, scale > 0 {
                svg += referenceMark(x: labelWidth + reference / scale * plot, from: y + 1, to: y + rowHeight - 1)
            }
            // Past the end of the bar, and of the mark when that reaches further.
            let reach = max(length, row.reference.map { scale > 0 ? $0 / scale * plot : 0 } ?? 0)
            svg.append(SVG.text(row.text, x: labelWidth + max(reach, 0) + 8, y: y + rowHeight / 2 + 3, size: 12, anchor: "start"))
        }
        if referenced {
            svg += referenceMark(x: labelWidth + 6, from: axis + 30, to: axis + 46)
            svg.append(SVG.text(pilotLegend, x: labelWidth + 16, y: axis + 42, size: 11, anchor: "start"))
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    private var pilotLegend: String {
        l("the Amsterdam pilot's figure (2018–2020)", "het cijfer van de Amsterdamse pilot (2018–2020)")
    }

    /// A dashed upright line with a white edge, so that it shows on a dark bar as on white.
    private func referenceMark(x: Double, from top: Double, to bottom: Double) -> [String] {
        [SVG.line(x1: x, y1: top, x2: x, y2: bottom, stroke: "#fff", width: 5),
         SVG.line(x1: x, y1: top, x2: x, y2: bottom, stroke: "#000", width: 2, dash: "4 2")]
    }

    /// Bars centred on one axis, widest at the top when the counts fall: the funnel through
    /// the phases.
    package func funnel(_ rows: [Row], id: String, title: String) -> String {
        let plot = width - labelWidth - textWidth
        let middle = labelWidth + plot / 2
        let largest = rows.compactMap(\.value).max() ?? 0
        var svg = SVG.open(width: width, height: Double(rows.count) * rowHeight + 12, id: id, title: title)
        for (index, row) in rows.enumerated() {
            let y = 6 + Double(index) * rowHeight
            let length = largest > 0 ? (row.value ?? 0) / largest * plot : 0
            svg.append(SVG.text(SVG.short(row.label, 34), x: labelWidth - 10, y: y + rowHeight / 2 + 3, size: 12, anchor: "end"))
            svg.append(SVG.rect(x: middle - max(length, 1.5) / 2, y: y + 3, width: max(length, 1.5), height: rowHeight - 6,
                                fill: index % 2 == 0 ? "#444" : "#777", stroke: "#000"))
            svg.append(SVG.text(row.text, x: labelWidth + plot + 8, y: y + rowHeight / 2 + 3, size: 12, anchor: "start"))
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    package func ranges(_ rows: [RangeRow], id: String, title: String) -> String {
        let plot = width - labelWidth - textWidth
        let scale = Self.roundScale((rows.compactMap(\.maximum) + rows.compactMap(\.reference?.upperBound)).max() ?? 0)
        func x(_ value: Double) -> Double { labelWidth + value / scale * plot }
        let axis = Double(rows.count) * rowHeight + 8
        let referenced = rows.contains { $0.reference != nil }
        var svg = SVG.open(width: width, height: axis + 26 + (referenced ? 24 : 0), id: id, title: title)
        for (index, row) in rows.enumerated() {
            let y = 6 + Double(index) * rowHeight + rowHeight / 2
            svg.append(SVG.text(SVG.short(row.label, 34), x: labelWidth - 10, y: y + 4, size: 12, anchor: "end"))
            if let reference = row.reference {
                svg.append(SVG.rect(x: x(reference.lowerBound), y: y - 11, width: x(reference.upperBound) - x(reference.lowerBound),
                                    height: 22, fill: "#d9d9d9"))
            }
            if let minimum = row.minimum, let maximum = row.maximum {
                svg.append(SVG.line(x1: x(minimum), y1: y, x2: x(maximum), y2: y, width: 2))
                for end in [minimum, maximum] { svg.append(SVG.line(x1: x(end), y1: y - 6, x2: x(end), y2: y + 6, width: 2)) }
            }
            if let median = row.median {
                svg.append("<circle cx=\"\(SVG.n(x(median)))\" cy=\"\(SVG.n(y))\" r=\"5\" fill=\"#000\"/>")
            }
            svg.append(SVG.text(row.text, x: labelWidth + plot + 8, y: y + 4, size: 12, anchor: "start"))
        }
        svg.append(SVG.line(x1: labelWidth, y1: axis, x2: labelWidth + plot, y2: axis, width: 1.5))
        for value in [0, scale / 2, scale] {
            svg.append(SVG.line(x1: x(value), y1: axis, x2: x(value), y2: axis + 4, width: 1.5))
            svg.append(SVG.text(l.scale(value), x: x(value), y: axis + 18, size: 11))
        }
        if referenced {
            svg.append(SVG.rect(x: labelWidth, y: axis + 30, width: 24, height: 14, fill: "#d9d9d9"))
            svg.append(SVG.text(l("the Amsterdam pilot's average (2018–2020)", "het gemiddelde van de Amsterdamse pilot (2018–2020)"),
                                x: labelWidth + 32, y: axis + 41, size: 11, anchor: "start"))
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// The smallest of 1, 2, 5, 10, 20, 50, … that is at least `value` (1 for nothing).
    package static func roundScale(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var step = 1.0
        while step < value / 10 { step *= 10 }
        while step > value * 10 { step /= 10 }
        for multiple in [1.0, 2, 5, 10, 20, 50, 100] where step * multiple >= value { return step * multiple }
        return value
    }
}
