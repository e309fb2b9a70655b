import Foundation
import Testing

/// The HTML reports in a real browser (Debian's chromium, installed by `make test`): the page
/// loads without a console message (the page's content security policy reports anything it
/// would fetch or run), its drawings are in the DOM, and a screenshot has ink on it.
/// With REGIE_UPDATE_GOLDEN=1 the screenshots are also copied to docs/images/.
@Suite("HTML reports in headless chromium")
struct ReportBrowserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let pages: [(name: String, arguments: [String], title: String, drawings: Int)] = [
        ("report-case", ["report", "case", "1", "--format", "html"], "Het plan van R.", 2),
        ("report-team", ["report", "team", "--format", "html"], "Teamrapport: Buurtteam West, FACT Oost", 4),
    ]

    static func chromium(_ arguments: [String]) throws -> Regie.Result {
        try Regie.tool(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                        "--disable-extensions", "--enable-logging=stderr", "--v=0"] + arguments)
    }

    @Test("renders without errors, with its drawings, and a screenshot that is not blank", arguments: pages.map(\.name))
    func renders(_ name: String) throws {
        let page = try #require(Self.pages.first { $0.name == name })
        let report = try ReportSample.report(page.arguments)
        try #require(report.status == 0, "\(report.err)")
        let folder = try Regie.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("\(name).html")
        try report.out.write(to: html, atomically: true, encoding: .utf8)

        let dom = try Self.chromium(["--dump-dom", html.absoluteString])
        try #require(dom.status == 0, "chromium could not run (is it installed? `make test` installs it): \(dom.err.suffix(400))")
        let console = dom.err.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "the page logged to the console: \(console)")
        #expect(dom.out.contains("<h1>\(page.title)</h1>"))
        #expect(dom.out.components(separatedBy: "<svg").count - 1 == page.drawings)

        let png = folder.appendingPathComponent("\(name).png")
        let shot = try Self.chromium(["--window-size=900,2400", "--screenshot=\(png.path)", html.absoluteString])
        try #require(shot.status == 0 && FileManager.default.fileExists(atPath: png.path), "no screenshot: \(shot.err.suffix(400))")
        let ink = try Regie.tool(["python3", Self.repository.appendingPathComponent("scripts/png-ink.py").path, png.path])
        try #require(ink.status == 0, "\(ink.err)")
        let figures = ink.out.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(figures.count == 4, "png-ink.py said: \(ink.out)")
        #expect(figures[0] == 900 && figures[1] == 2400)
        // A blank page has no ink at all; text, tables and drawings cover several percent.
        #expect(figures[2] > 0.02, "only \(figures[2]) of the screenshot is not white")
        #expect(figures[3] > 0.01, "only \(figures[3]) of the screenshot is dark")

        if ProcessInfo.processInfo.environment["REGIE_UPDATE_GOLDEN"] == "1" {
            let images = Self.repository.appendingPathComponent("docs/images")
            try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
            let target = images.appendingPathComponent("\(name).png")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: png, to: target)
        }
    }

    /// The sample's four cases: one in follow-up with a crisis pause, one closed, one setting
    /// goals, one paused after its meeting.
    @Test("the client's plan prints on one A4 page", arguments: [1, 2, 3, 4])
    func planPrintsOnOnePage(_ caseID: Int) throws {
        let report = try ReportSample.report(["report", "case", "\(caseID)", "--format", "html"])
        try #require(report.status == 0, "\(report.err)")
        let folder = try Regie.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("plan-\(caseID).html")
        try report.out.write(to: html, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("plan-\(caseID).pdf")
        let print = try Self.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString])
        try #require(print.status == 0 && FileManager.default.fileExists(atPath: pdf.path), "no PDF: \(print.err.suffix(400))")
        let info = try Regie.tool(["pdfinfo", pdf.path])
        try #require(info.status == 0, "pdfinfo could not read the PDF (is poppler-utils installed? `make test` installs it): \(info.err)")
        let fields = Dictionary(info.out.split(separator: "\n").compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }, uniquingKeysWith: { first, _ in first })
        #expect(fields["Pages"] == "1", "case \(caseID) prints on \(fields["Pages"] ?? "?") pages")
        #expect(fields["Page size"]?.hasSuffix("(A4)") == true, "page size \(fields["Page size"] ?? "?")")
    }

    @Test("a plan too long for one page is measured as more than one, so the page count can fail")
    func longPlanCountsMorePages() throws {
        let report = try ReportSample.report(["report", "case", "1", "--format", "html"])
        try #require(report.status == 0, "\(report.err)")
        // The same page with its goals repeated forty times.
        let goals = try #require(report.out.range(of: "<ul><li>Lange termijn"))
        let padded = report.out.replacingCharacters(in: goals, with: String(repeating: "<p>Nog een doel.</p>", count: 40) + "<ul><li>Lange termijn")
        let folder = try Regie.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("long.html")
        try padded.write(to: html, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("long.pdf")
        let print = try Self.chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString])
        try #require(print.status == 0, "\(print.err.suffix(400))")
        let info = try Regie.tool(["pdfinfo", pdf.path])
        #expect(info.out.contains("Pages:") && !info.out.contains("Pages:           1\n"), "\(info.out)")
    }

    @Test("the ink measure tells a blank page from a drawn one")
    func blankPageHasNoInk() throws {
        let folder = try Regie.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("blank.html")
        try "<!DOCTYPE html><html><body></body></html>".write(to: html, atomically: true, encoding: .utf8)
        let png = folder.appendingPathComponent("blank.png")
        let shot = try Self.chromium(["--window-size=300,200", "--screenshot=\(png.path)", html.absoluteString])
        try #require(shot.status == 0, "\(shot.err.suffix(400))")
        let ink = try Regie.tool(["python3", Self.repository.appendingPathComponent("scripts/png-ink.py").path, png.path])
        #expect(ink.out.trimmingCharacters(in: .whitespacesAndNewlines) == "300 200 0.0000 0.0000")
    }
}
