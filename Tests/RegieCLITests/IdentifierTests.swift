import Foundation
import Testing
@testable import RegieApp
@testable import RegieCLI
import RegieReports
import RegieCore

@Suite("Identifiers: names stay inside the workspace, ids in one normal form")
struct IdentifierTests {
    @Test("a workflow or plugin name that would reach outside its folder is refused with file and line", arguments: [
        "workflow: ../../elsewhere/x", "workflow: /etc/passwd", "plugins: [\"../..\"]", "plugins: [\"a/b\"]", "plugins: [\".hidden\"]",
    ])
    func namesInsideTheWorkspace(_ line: String) async throws {
        let yaml = Workbench.yaml.replacingOccurrences(of: "  - id: oost\n    workflow: resourcegroep\n", with: "  - id: oost\n    \(line)\n")
        let bench = try await Workbench()
        try bench.write(yaml, to: "regie.yaml")
        let result = await bench.run(["case", "list"])
        #expect(result.status == .configuration, "\(line): \(result.err)")
        #expect(result.err.contains("regie.yaml, line 8") || result.err.contains("regie.yaml:8"), "\(result.err)")
    }

    @Test("team ids typed in NFD and NFC are the same team")
    func normalForms() async throws {
        let nfd = "e\u{0301}e\u{0301}n", nfc = "één"
        #expect(nfd != nfc.unicodeScalars.map(String.init).joined() || nfd.unicodeScalars.count != nfc.unicodeScalars.count)
        let yaml = Workbench.yaml.replacingOccurrences(of: "id: west", with: "id: \(nfd)")
            .replacingOccurrences(of: "teams: [west]", with: "teams: [\(nfc)]").replacingOccurrences(of: "teams: [west, oost]", with: "teams: [\(nfd), oost]")
        let bench = try await Workbench(yaml: yaml)
        let open = await bench.run(["case", "open", "--team", nfc, "--client", "J."])
        #expect(open.status == .success, "\(open.err)")
        #expect(await bench.run(["case", "show", "1"], as: "karim").status == .success)
        let twice = Workbench.yaml.replacingOccurrences(of: "id: west", with: "id: \(nfd)").replacingOccurrences(of: "id: oost", with: "id: \(nfc)")
        let duplicate = try await Workbench()
        try duplicate.write(twice, to: "regie.yaml")
        let result = await duplicate.run(["case", "list"])
        #expect(result.status == .configuration)
        #expect(result.err.contains("listed twice"), "\(result.err)")
    }

    @Test("what a file name may be")
    func fileNames() {
        for good in ["resourcegroep", "fact", "group-chat", "team_2", "v1.2"] { #expect(Identifier.isFileName(good), "\(good)") }
        for bad in ["", "..", "../x", "a/b", ".x", "-x", "a..b", "é", String(repeating: "a", count: 65), "a b", "a\u{0}b"] {
            #expect(!Identifier.isFileName(bad), "\(bad)")
        }
    }

    @Test("a regie.yaml whose aliases expand to billions of values is refused with exit 7 within a second")
    func aliasBomb() async throws {
        var bomb = "    plugins:\n      - name: fact\n        settings:\n          a0: &a0 [\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"]\n"
        for level in 1...9 {
            bomb += "          a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let yaml = Workbench.yaml.replacingOccurrences(of: "  - id: oost\n    workflow: resourcegroep\n",
                                                       with: "  - id: oost\n    workflow: resourcegroep\n" + bomb)
        let bench = try await Workbench()
        try bench.write(yaml, to: "regie.yaml")
        let start = ContinuousClock.now
        let result = await bench.run(["case", "list"])
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(result.status == .configuration, "\(result.err)")
        #expect(result.err.contains("once its aliases are expanded"), "\(result.err)")
    }
}
