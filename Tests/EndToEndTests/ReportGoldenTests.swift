import Foundation
import Testing

/// Every report format on the fixed sample workspace, compared byte for byte with the files
/// in `Golden/`. After a deliberate change, `REGIE_UPDATE_GOLDEN=1 swift test --filter Golden`
/// rewrites them; review the diff before committing.
@Suite("Reports against golden files")
struct ReportGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let updating = ProcessInfo.processInfo.environment["REGIE_UPDATE_GOLDEN"] == "1"

    static let cases: [(file: String, arguments: [String])] = [
        ("plan.nl.md", ["report", "case", "1", "--format", "md"]),
        ("plan.en.md", ["report", "case", "1", "--format", "md", "--lang", "en"]),
        ("plan.nl.html", ["report", "case", "1", "--format", "html"]),
        ("ecomap.nl.dot", ["report", "case", "1", "--format", "dot"]),
        ("plan.nl.json", ["report", "case", "1", "--json"]),
        ("plan-paused.nl.md", ["report", "case", "4", "--format", "md"]),
        ("plan-closed.en.md", ["report", "case", "2", "--format", "md", "--lang", "en"]),
        ("team.nl.txt", ["report", "team"]),
        ("team.nl.md", ["report", "team", "--format", "md"]),
        ("team.nl.html", ["report", "team", "--format", "html"]),
        ("team.en.html", ["report", "team", "--format", "html", "--lang", "en", "--since", "2026-09-01", "--until", "2026-10-31"]),
        ("team.nl.json", ["report", "team", "--format", "json"]),
    ]

    @Test("each format matches its golden file", arguments: cases.map(\.file))
    func golden(_ file: String) throws {
        let arguments = try #require(Self.cases.first { $0.file == file }).arguments
        let result = try ReportSample.report(arguments)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.isEmpty)
        let url = Self.folder.appendingPathComponent(file)
        if Self.updating {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try result.out.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(result.out == expected, "\(file) differs from its golden file; run with REGIE_UPDATE_GOLDEN=1 and review the diff")
    }
}
