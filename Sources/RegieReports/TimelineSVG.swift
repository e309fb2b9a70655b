import RegieCore

/// The case's course as inline SVG: a row per phase with the time spent in it, a row of
/// pauses (hatched) and a row of meetings (filled when held, open when planned), on a scale
/// of days from the opening to today.
package struct TimelineSVG {
    package let l: L10n

    private let width = 720.0
    private let left = 170.0
    private let right = 24.0
    private let row = 24.0
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
            let y = top + Double(stay.phase.number - 1) * row + 5
            let end = stay.to ?? today
            let start = x(stay.from)
            let barWidth = max(3, x(end) - start + (stay.to == nil ? dayWidth : 0))
            svg.append(stay.to == nil
                ? SVG.rect(x: start, y: y, width: barWidth, height: row - 10, fill: "#fff", stroke: "#000", strokeWidth: 2)
                : SVG.rect(x: start, y: y, width: barWidth, height: row - 10, fill: "#444"))
        }
        for pause in timeline.pauses {
            let y = top + Double(Phase.allCases.count) * row + 5
            let start = x(pause.from)
            let end = pause.to.map(x) ?? (x(today) + dayWidth)
            svg.append(SVG.rect(x: start, y: y, width: max(3, end - start), height: row - 10, fill: "url(#timeline-hatch)",
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
        let ticks = Self.ticks(from: timeline.opened, to: LocalDate(daysSinceEpoch: last))
        for (index, tick) in ticks.days.enumerated() {
            let tx = x(tick)
            // A label near the right edge leans inwards so that it stays on the drawing.
            let anchor = tx > width - right - 45 ? "end" : "middle"
            svg.append(SVG.line(x1: tx, y1: axis, x2: tx, y2: axis + 5, width: 1.5))
            svg.append(SVG.text(Self.label(tick, step: ticks.step, first: index == 0, l: l), x: tx, y: axis + 20, size: 11, anchor: anchor))
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// How far apart the axis's marks are.
    package enum TickStep: Equatable, Sendable {
        /// The first and the last day: a course of a few days.
        case ends
        /// The 1st and the 15th of each month.
        case halfMonth
        case month
        case quarter
        case year
    }

    /// Marks at natural steps between `first` and `last` (both included): the first days of
    /// months when that gives two to eight of them, else of quarters, else of years; for a
    /// short course the 1st and 15th, or else its first and last day.
    package static func ticks(from first: LocalDate, to last: LocalDate) -> (step: TickStep, days: [LocalDate]) {
        var monthStarts: [LocalDate] = []
        var (year, month) = (first.year, first.month)
        while let start = LocalDate(year: year, month: month, day: 1), start <= last {
            if start >= first { monthStarts.append(start) }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        if (2...8).contains(monthStarts.count) { return (.month, monthStarts) }
        if monthStarts.count > 8 {
            let quarters = monthStarts.filter { ($0.month - 1) % 3 == 0 }
            if quarters.count <= 8 { return (.quarter, quarters) }
            return (.year, monthStarts.filter { $0.month == 1 })
        }
        var halves: [LocalDate] = []
        (year, month) = (first.year, first.month)
        while let start = LocalDate(year: year, month: month, day: 1), start <= last {
            for day in [start, LocalDate(year: year, month: month, day: 15)].compactMap({ $0 }) where day >= first && day <= last {
                halves.append(day)
            }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        if halves.count >= 2 { return (.halfMonth, halves) }
        return (.ends, first == last ? [first] : [first, last])
    }

    /// A mark's words, as the page writes dates: a month by its name (with the year on the
    /// first mark and in January), a day as "15 September".
    package static func label(_ day: LocalDate, step: TickStep, first: Bool, l: L10n) -> String {
        switch step {
        case .ends, .halfMonth:
            return "\(day.day) \(LocalDate.monthName(day.month, l))"
        case .month, .quarter:
            let name = LocalDate.monthName(day.month, l)
            return first || day.month == 1 ? "\(name) \(day.year)" : name
        case .year:
            return "\(day.year)"
        }
    }
}
