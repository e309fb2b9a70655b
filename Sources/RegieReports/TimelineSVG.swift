import RegieCore

/// The case's course as inline SVG: a row per phase with the time spent in it, a row of
/// pauses (hatched) and a row of meetings (filled when held, open when planned), on a scale
/// of days from the opening to today.
package struct TimelineSVG {
    package let l: L10n

    private let width = 720.0
    private let left = 170.0
    private let right = 24.0
    private let row = 30.0
    private let top = 16.0

    package func render(_ timeline: CaseTimeline, today: LocalDate) -> String {
        let first = timeline.opened.daysSinceEpoch
        let last = timeline.lastDay(today: today).daysSinceEpoch
        let span = Double(max(1, last - first + 1))
        let plot = width - left - right
        func x(_ day: LocalDate) -> Double { left + Double(day.daysSinceEpoch - first) / span * plot }
        let dayWidth = plot / span
        let rows = Phase.allCases.count + 2
        let axis = top + Double(rows) * row + 6
        let height = axis + 34
        var svg = SVG.open(width: width, height: height, id: "timeline-title", title: l("The course of the case", "Het verloop van de casus"))
        svg.append(SVG.hatchPattern(id: "timeline-hatch"))
        let labels = Phase.allCases.map { "\($0.number). \($0.title(l))" } + [l("Pauses", "Pauzes"), l("Meetings", "Bijeenkomsten")]
        for (index, label) in labels.enumerated() {
            let y = top + Double(index) * row
            svg.append(SVG.line(x1: left, y1: y + row, x2: width - right, y2: y + row, stroke: "#ccc"))
            svg.append(SVG.text(label, x: left - 10, y: y + row / 2 + 5, size: 12, anchor: "end"))
        }
        for stay in timeline.stays {
            let y = top + Double(stay.phase.number - 1) * row + 6
            let end = stay.to ?? today
            let start = x(stay.from)
            let barWidth = max(3, x(end) - start + (stay.to == nil ? dayWidth : 0))
            svg.append(stay.to == nil
                ? SVG.rect(x: start, y: y, width: barWidth, height: row - 12, fill: "#fff", stroke: "#000", strokeWidth: 2)
                : SVG.rect(x: start, y: y, width: barWidth, height: row - 12, fill: "#444"))
        }
        for pause in timeline.pauses {
            let y = top + Double(Phase.allCases.count) * row + 6
            let start = x(pause.from)
            let end = pause.to.map(x) ?? (x(today) + dayWidth)
            svg.append(SVG.rect(x: start, y: y, width: max(3, end - start), height: row - 12, fill: "url(#timeline-hatch)",
                                stroke: "#000", strokeWidth: 1))
        }
        for meeting in timeline.meetings {
            let y = top + Double(Phase.allCases.count + 1) * row + row / 2
            let cx = x(meeting.on) + min(dayWidth, 12) / 2
            svg.append("<circle cx=\"\(SVG.n(cx))\" cy=\"\(SVG.n(y))\" r=\"6\" fill=\"\(meeting.held ? "#000" : "#fff")\" stroke=\"#000\" stroke-width=\"2\"/>")
        }
        if today.daysSinceEpoch >= first && today.daysSinceEpoch <= last {
            let tx = x(today) + dayWidth
            svg.append(SVG.line(x1: tx, y1: top, x2: tx, y2: axis, width: 1, dash: "4 3"))
            svg.append(SVG.text(l("today", "vandaag"), x: tx, y: top - 4, size: 11))
        }
        svg.append(SVG.line(x1: left, y1: axis, x2: width - right, y2: axis, width: 1.5))
        let ticks = Self.ticks(from: first, to: last)
        for (index, tick) in ticks.enumerated() {
            let tx = x(LocalDate(daysSinceEpoch: tick))
            // The outer labels lean inwards so that they stay on the drawing.
            let anchor = ticks.count > 1 && index == ticks.count - 1 ? "end" : (index == 0 ? "start" : "middle")
            svg.append(SVG.line(x1: tx, y1: axis, x2: tx, y2: axis + 5, width: 1.5))
            svg.append(SVG.text(LocalDate(daysSinceEpoch: tick).description, x: tx, y: axis + 20, size: 11, anchor: anchor))
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// Up to five evenly spaced days from the first to the last.
    package static func ticks(from first: Int, to last: Int) -> [Int] {
        let span = last - first
        guard span > 0 else { return [first] }
        let count = min(4, span)
        return (0...count).map { first + span * $0 / count }
    }
}
