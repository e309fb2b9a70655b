import Foundation
import Testing
@testable import RegieApp
@testable import RegieCLI
import RegieReports
import RegieCore

/// The pure pieces of the report drawings: layout, scales, ticks and escaping.
@Suite("Report drawings")
struct ReportDrawingTests {
    @Test("the ecomap's frames never overlap, stay on the drawing and off the client, up to 30 people with the widest labels",
          arguments: Array(1...30))
    func ecomapLayout(_ count: Int) {
        let width = EcomapSVG.widestFrame(people: count)
        let widths = Array(repeating: width, count: count)
        let center = (x: 360.0, y: 300.0), area = (width: 720.0, height: 564.0)
        let places = EcomapSVG.layout(widths: widths, center: center, area: area)
        let height = EcomapSVG.frameHeight
        #expect(places.count == count)
        for (i, p) in places.enumerated() {
            #expect(p.x - width / 2 >= 0 && p.x + width / 2 <= area.width, "frame \(i) leaves the drawing sideways")
            #expect(p.y - height / 2 >= 0 && p.y + height / 2 <= area.height, "frame \(i) leaves the drawing")
            #expect(abs(p.x - center.x) >= width / 2 + 48 || abs(p.y - center.y) >= height / 2 + 48, "frame \(i) covers the client")
            for j in (i + 1)..<max(count, i + 1) {
                let q = places[j]
                #expect(abs(p.x - q.x) >= width || abs(p.y - q.y) >= height, "frames \(i) and \(j) overlap")
            }
        }
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

    @Test("timeline ticks: both ends and evenly between, at most five")
    func ticks() {
        #expect(TimelineSVG.ticks(from: 10, to: 10) == [10])
        #expect(TimelineSVG.ticks(from: 10, to: 12) == [10, 11, 12])
        #expect(TimelineSVG.ticks(from: 0, to: 100) == [0, 25, 50, 75, 100])
    }

    @Test("user text stays literal in Markdown and HTML")
    func escaping() {
        #expect(ReportDocument.md("a*b_c [x](y) <i> | `z` #1\\n\nnext") == "a\\*b\\_c \\[x\\](y) \\<i\\> \\| \\`z\\` \\#1\\\\n next")
        #expect(HTMLPage.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLPage.number(3) == "3" && HTMLPage.number(2.25) == "2.3" && HTMLPage.number(-0.04) == "0")
    }
}
