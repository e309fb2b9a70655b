import Foundation
import Testing
@testable import RegieApp
@testable import RegieCLI
import RegieReports

@Suite("Who may read the audit trail, and what an export can do")
struct AuditScopeTests {
    /// karim coordinates west and oost; carla coordinates oost only; petra is the auditor.
    func bench() async throws -> Workbench {
        let yaml = Workbench.yaml + """
              - id: carla
                role: coordinator
                teams: [oost]
              - id: petra
                role: auditor
                teams: []

            """
        let bench = try await Workbench(yaml: yaml)
        for (step, actor) in [(["case", "open", "--team", "west", "--client", "J."], "anna"),
                              (["case", "open", "--team", "oost", "--client", "P."], "bob"),
                              (["case", "show", "1", "--purpose", "=cmd|' /C calc'!A0"], "anna"),
                              (["case", "show", "2", "--purpose", "zorg"], "bob"),
                              (["case", "list"], "anna")] {
            let result = await bench.run(step, as: actor)
            #expect(result.status == .success, "\(step): \(result.err)")
        }
        return bench
    }

    @Test("a coordinator's export and access log hold only their own teams; the auditor's hold everything")
    func scoped() async throws {
        let bench = try await bench()
        let carla = await bench.run(["audit", "export", "--format", "jsonl"], as: "carla")
        #expect(carla.status == .success, "\(carla.err)")
        #expect(!carla.out.contains("\"participant_object_id\":\"1\""), "carla sees nothing of west's case 1")
        #expect(carla.out.contains("\"participant_object_id\":\"2\""))
        #expect(!carla.out.contains("calc"), "nor west's purposes")
        #expect(!carla.out.contains("\"user_id\":\"anna\""), "nor what west's workers read across cases")
        let access = await bench.run(["audit", "access", "--json"], as: "carla")
        #expect(access.status == .success)
        #expect(!access.out.contains("anna"), "\(access.out)")
        #expect(await bench.run(["audit", "export", "--format", "jsonl", "--case", "1"], as: "carla").status == .notPermitted)
        let petra = await bench.run(["audit", "export", "--format", "jsonl"], as: "petra")
        #expect(petra.status == .success, "\(petra.err)")
        #expect(petra.out.contains("\"participant_object_id\":\"1\"") && petra.out.contains("\"participant_object_id\":\"2\""))
        #expect(await bench.run(["audit", "access", "--json"], as: "petra").out.contains("anna"))
        #expect(await bench.run(["case", "show", "1"], as: "petra").status == .notPermitted, "the auditor reads the log, not the cases")
        #expect(await bench.run(["audit", "export", "--format", "csv"], as: "anna").status == .notPermitted)
    }

    @Test("values a spreadsheet would run are neutralised in the CSV export")
    func csvInjection() async throws {
        let bench = try await bench()
        let csv = await bench.run(["audit", "export", "--format", "csv"], as: "karim")
        #expect(csv.status == .success)
        #expect(csv.out.contains(",'=cmd|' /C calc'!A0,"), "\(csv.out)")
        for field in ["=", "+", "-", "@", "\t", "\r"] {
            #expect(AuditExportRecord.csvField(field + "1").hasPrefix("'") || AuditExportRecord.csvField(field + "1").hasPrefix("\"'"))
        }
        #expect(AuditExportRecord.csvField("zorg") == "zorg")
    }

    @Test("the database and its key are private to their owner", .enabled(if: Workbench.onSQLite, "a SQLite file"))
    func privateFiles() async throws {
        let bench = try await Workbench()
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "J."]).status == .success)
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        #expect(try mode(bench.database) == 0o600)
        let key = bench.folder.appendingPathComponent(".regie/audit-signing-key").path
        #expect(try mode(key) == 0o600)
        #expect(try mode(bench.folder.appendingPathComponent(".regie").path) == 0o700)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: bench.database + suffix) {
            #expect(try mode(bench.database + suffix) == 0o600, "\(suffix)")
        }
    }
}

@Suite("Every read that showed a case is in the client's view")
struct ClientViewTests {
    @Test("a list, a log and a migration plan that showed the case are logged per case and shown to the client")
    func listsAreReads() async throws {
        let bench = try await Workbench()
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "J."]).status == .success)
        #expect(await bench.run(["case", "open", "--team", "oost", "--client", "P."], as: "bob").status == .success)
        #expect(await bench.run(["case", "list"], as: "karim").status == .success)
        #expect(await bench.run(["audit", "log"], as: "karim").status == .success)
        #expect(await bench.run(["case", "migrate", "1"], as: "karim").status == .success, "a dry run")
        let view = await bench.run(["audit", "access", "--case", "1", "--for-client"], as: "anna")
        #expect(view.status == .success)
        #expect(view.out.contains("saw your name in a list of cases"), "\(view.out)")
        #expect(view.out.contains("looked at your plan to move it to new rules"), "\(view.out)")
        let json = await bench.run(["audit", "access", "--case", "2", "--json"], as: "bob").out
        #expect(json.contains("\"case list\""), "karim's list showed case 2 too: \(json)")
    }
}
