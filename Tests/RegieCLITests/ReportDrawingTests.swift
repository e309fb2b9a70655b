import Foundation
import Testing
@testable import RegieApp
@testable import RegieCLI
import RegieReports
import RegieCore

/// The pure pieces of the report drawings: layout, scales, ticks and escaping.
@Suite("Report drawings")
struct ReportDrawingTests {
    @Test("the ecomap's frames never overlap, stay on the drawing and off the client, up to 30 people with the widest labels, every third on two lines where labels may wrap",
          arguments: Array(1...30))
    func ecomapLayout(_ count: Int) {
        let width = EcomapSVG.widestFrame(people: count)
        let wraps = EcomapSVG.labelLines(people: count) > 1
        let frames = (0..<count).map { (width: width, height: wraps && $0 % 3 == 2 ? EcomapSVG.tallFrameHeight : EcomapSVG.frameHeight) }
        let canvas = EcomapSVG.canvas(people: count)
        let center = (x: canvas.width / 2, y: canvas.mapHeight / 2), area = (width: canvas.width, height: canvas.mapHeight - 36)
        let places = EcomapSVG.layout(frames: frames, center: center, area: area)
        #expect(places.count == count)
        for (i, p) in places.enumerated() {
            let height = frames[i].height
            #expect(p.x - width / 2 >= 0 && p.x + width / 2 <= area.width, "frame \(i) leaves the drawing sideways")
            #expect(p.y - height / 2 >= 0 && p.y + height / 2 <= area.height, "frame \(i) leaves the drawing")
            #expect(abs(p.x - center.x) >= width / 2 + 48 || abs(p.y - center.y) >= height / 2 + 48, "frame \(i) covers the client")
            for j in (i + 1)..<max(count, i + 1) {
                let q = places[j]
                #expect(abs(p.x - q.x) >= width || abs(p.y - q.y) >= (height + frames[j].height) / 2, "frames \(i) and \(j) overlap")
            }
        }
    }

    @Test("a label wraps between words (a word too long for the line with a hyphen) onto a second line before anything is cut")
    func wrapping() {
        #expect(EcomapSVG.wrap("Buurvrouw Ans", width: 20, lines: 2) == ["Buurvrouw Ans"])
        #expect(EcomapSVG.wrap("Wijkverpleegkundige van het team", width: 20, lines: 2) == ["Wijkverpleegkundige", "van het team"])
        #expect(EcomapSVG.wrap("Wijkverpleegkundige van het buurtteam Noord", width: 20, lines: 2)
            == ["Wijkverpleegkundige", "van het buurtteam N…"])
        #expect(EcomapSVG.wrap("Ervaringsdeskundigenteam", width: 10, lines: 2) == ["Ervarings-", "deskundig…"])
    }

    @Test("chart scales round up to 1, 2 or 5 times a power of ten")
    func scales() {
        #expect(ReportCharts.roundScale(0) == 1)
        #expect(ReportCharts.roundScale(0.3) == 1, "no scale below 1")
        #expect(ReportCharts.roundScale(4.2) == 5)
        #expect(ReportCharts.roundScale(8.5) == 10)
        #expect(ReportCharts.roundScale(16) == 20)
        #expect(ReportCharts.roundScale(100) == 100)
        #expect(ReportCharts.roundScale(101) == 200)
    }

    @Test("timeline marks fall on natural steps: months, quarters, years, or the 1st and 15th for a short course")
    func ticks() throws {
        func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso: text)) }
        let sample = TimelineSVG.ticks(from: try day("2026-09-01"), to: try day("2027-01-12"))
        #expect(sample.step == .month)
        #expect(sample.days.map(\.description) == ["2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01", "2027-01-01"])
        let l = L10n(language: .nl)
        #expect(sample.days.enumerated().map { TimelineSVG.label($1, step: sample.step, first: $0 == 0, l: l) }
            == ["september 2026", "oktober", "november", "december", "januari 2027"])
        let long = TimelineSVG.ticks(from: try day("2025-02-10"), to: try day("2026-11-20"))
        #expect(long.step == .quarter)
        #expect(long.days.map(\.description) == ["2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01", "2026-04-01",
                                                   "2026-07-01", "2026-10-01"])
        #expect(TimelineSVG.ticks(from: try day("2019-03-01"), to: try day("2026-11-20")).step == .year)
        let short = TimelineSVG.ticks(from: try day("2026-11-02"), to: try day("2026-11-20"))
        #expect(short.step == .ends && short.days.map(\.description) == ["2026-11-02", "2026-11-20"], "one 15th is not a scale")
        let weeks = TimelineSVG.ticks(from: try day("2026-10-20"), to: try day("2026-11-20"))
        #expect(weeks.step == .halfMonth && weeks.days.map(\.description) == ["2026-11-01", "2026-11-15"])
        #expect(TimelineSVG.label(try day("2026-11-15"), step: .halfMonth, first: false, l: l) == "15 november")
        #expect(TimelineSVG.ticks(from: try day("2026-11-20"), to: try day("2026-11-20")).days.map(\.description) == ["2026-11-20"])
    }

    @Test("user text stays literal in Markdown and HTML")
    func escaping() {
        #expect(ReportDocument.md("a*b_c [x](y) <i> | `z` #1\\n\nnext") == "a\\*b\\_c \\[x\\](y) \\<i\\> \\| \\`z\\` \\#1\\\\n next")
        #expect(HTMLPage.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLPage.number(3) == "3" && HTMLPage.number(2.25) == "2.3" && HTMLPage.number(-0.04) == "0")
    }
}
