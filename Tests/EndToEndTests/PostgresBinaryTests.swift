import Foundation
import Synchronization
import Testing

/// The `regie` binary on a PostgreSQL workspace, as an organisation runs it: the walkthrough,
/// refusals, several processes at once, and `store copy` both ways. Needs the cluster that
/// `make test` starts; without it these tests fail, saying so.
@Suite("The regie binary on PostgreSQL")
struct PostgresBinaryTests {
    /// A new empty database on the test cluster, as a URL.
    static func freshDatabase() throws -> String {
        guard let admin = ProcessInfo.processInfo.environment["REGIE_TEST_POSTGRES_URL"] else {
            Issue.record("REGIE_TEST_POSTGRES_URL is not set: run the tests with `make test`, which starts a throwaway PostgreSQL cluster")
            throw CocoaError(.fileNoSuchFile)
        }
        let name = "regie_e2e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let made = try Regie.tool(["psql", admin, "-qc", "CREATE DATABASE \(name)"])
        try #require(made.status == 0, "\(made.err)")
        return admin.replacingOccurrences(of: "/postgres", with: "/\(name)")
    }

    /// `regie init --database URL` in a new folder.
    static func workspace() throws -> (Regie, url: String) {
        let url = try freshDatabase()
        let regie = Regie(folder: try Regie.temporaryFolder())
        let made = try regie.run(["init", ".", "--team", "west", "--person", "anna", "--lang", "en", "--database", url])
        try #require(made.status == 0, "\(made.err)")
        return (regie, url)
    }

    @Test("the walkthrough: open, goals, people, moves, reports and verify, on PostgreSQL")
    func walkthrough() throws {
        let (regie, url) = try Self.workspace()
        let yaml = try String(contentsOf: regie.folder.appendingPathComponent("regie.yaml"), encoding: .utf8)
        #expect(yaml.contains("database: \"\(url)\""))
        for step in [["case", "open", "--team", "west", "--client", "J."],
                     ["goal", "add", "1", "Zelf boodschappen doen", "--term", "short", "--by", "client"],
                     ["goal", "add", "1", "Weer werk hebben", "--term", "long", "--by", "client"],
                     ["check", "tick", "1", "goals.own_story"]] {
            let result = try regie.run(step)
            #expect(result.status == 0, "\(step): \(result.err)")
        }
        let moved = try regie.run(["case", "advance", "1"])
        #expect(moved.status == 0, "\(moved.err)")
        #expect(moved.out.contains("Mapping") || moved.out.contains("→"), "\(moved.out)")
        let shown = try regie.run(["case", "show", "1", "--json"])
        #expect(shown.status == 0)
        #expect(shown.out.contains("\"version\""))
        let report = try regie.run(["report", "case", "1", "--format", "html"])
        #expect(report.status == 0 && report.out.contains("<svg"), "\(report.err)")
        let verify = try regie.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.out) \(verify.err)")
        #expect(verify.out.contains("Intact"))
        #expect(verify.out.contains("1 transition replayed legal"), "\(verify.out)")
        // The record is append-only for Regie's role, in the database itself.
        let edit = try Regie.tool(["psql", url, "-qc", "UPDATE events SET actor = 'mallory'"])
        #expect(edit.status != 0 && edit.err.contains("append-only"), "\(edit.err)")
    }

    @Test("refusals keep their exit codes and change nothing; an unreachable server is a clear error without the password")
    func refusals() throws {
        let (regie, url) = try Self.workspace()
        #expect(try regie.run(["case", "open", "--team", "west", "--client", "J."]).status == 0)
        let counts = { () throws -> String in try Regie.tool(["psql", url, "-tAc", "SELECT count(*) FROM events"]).out }
        let before = try counts()
        #expect(try regie.run(["case", "advance", "1"]).status == 3)
        #expect(try regie.run(["case", "show", "9"]).status == 4)
        #expect(try regie.run(["case", "show", "1"], environment: ["REGIE_USER": "mallory"]).status == 8)
        #expect(try regie.run(["goal", "add", "1", "", "--term", "short", "--by", "client"]).status == 2)
        #expect(try counts() == before)
        let unreachable = try regie.run(["case", "list"], environment: [
            "REGIE_USER": "anna", "REGIE_DATABASE_URL": "postgres://regie@127.0.0.1:1/none", "REGIE_DATABASE_PASSWORD": "s3cret-pw"])
        #expect(unreachable.status == 6)
        #expect(unreachable.err.contains("cannot be reached"), "\(unreachable.err)")
        #expect(!unreachable.err.contains("s3cret-pw") && !unreachable.out.contains("s3cret-pw"))
    }

    @Test("four processes writing to overlapping cases: nothing lost, every conflict a clear error, the record intact")
    func concurrentProcesses() throws {
        let (regie, url) = try Self.workspace()
        for label in ["A.", "B."] { #expect(try regie.run(["case", "open", "--team", "west", "--client", label]).status == 0) }
        let results = Mutex<[Regie.Result]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for n in 0..<6 {
                let caseID = String((worker + n) % 2 + 1)
                if let result = try? regie.run(["goal", "add", caseID, "Doel \(worker)-\(n)", "--term", "short", "--by", "client"]) {
                    results.withLock { $0.append(result) }
                }
            }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 24)
        let succeeded = all.filter { $0.status == 0 }.count
        for failure in all where failure.status != 0 {
            #expect(failure.status == 5, "only conflicts: \(failure.err)")
            #expect(failure.err.contains("changed"), "\(failure.err)")
        }
        let goals = try Regie.tool(["psql", url, "-tAc", "SELECT count(*) FROM events WHERE type = 'goal_added'"])
        #expect(Int(goals.out.trimmingCharacters(in: .whitespacesAndNewlines)) == succeeded, "every success is in the record")
        let seq = try Regie.tool(["psql", url, "-tAc", "SELECT min(seq) = 1 AND max(seq) = count(*) FROM events"])
        #expect(seq.out.trimmingCharacters(in: .whitespacesAndNewlines) == "t", "positions without gaps")
        let verify = try regie.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.out) \(verify.err)")
    }

    @Test("store copy from SQLite to PostgreSQL and back: the same root, verified, and a non-empty target refused")
    func storeCopy() throws {
        let regie = try Regie.workspace()
        for step in [["case", "open", "--team", "west", "--client", "J."],
                     ["goal", "add", "1", "Zelf koken", "--term", "short", "--by", "client"],
                     ["case", "show", "1"], ["audit", "checkpoint"]] {
            #expect(try regie.run(step).status == 0, "\(step)")
        }
        let url = try Self.freshDatabase()
        let there = try regie.run(["store", "copy", "--to", url, "--json"])
        #expect(there.status == 0, "\(there.err)")
        let root = try #require(there.out.split(separator: "\"").drop { $0 != "root" }.dropFirst(2).first).description
        #expect(root.count == 64)
        #expect(try regie.run(["store", "copy", "--to", url]).status == 3, "a target that holds a store is refused")
        // The workspace on PostgreSQL: it verifies and goes on where the file left off.
        let onPostgres = ["REGIE_USER": "anna", "REGIE_DATABASE_URL": url]
        let verified = try regie.run(["audit", "verify"], environment: onPostgres)
        #expect(verified.status == 0, "\(verified.out) \(verified.err)")
        #expect(try regie.run(["goal", "add", "1", "Zelf fietsen", "--term", "long", "--by", "client"], environment: onPostgres).status == 0)
        let back = regie.folder.appendingPathComponent("back.sqlite").path
        let home = try regie.run(["store", "copy", "--to", back, "--json"], environment: onPostgres)
        #expect(home.status == 0, "\(home.err)")
        #expect(!home.out.contains(root), "the log grew on PostgreSQL, so its root changed")
        // What PostgreSQL held, checked by the independent verifier through the byte-for-byte copy.
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/verify-audit.py").path
        let independent = try Regie.tool(["python3", script, back])
        #expect(independent.status == 0, "\(independent.out) \(independent.err)")
        let yaml = regie.folder.appendingPathComponent("regie.yaml")
        try String(contentsOf: yaml, encoding: .utf8).replacingOccurrences(of: "database: regie.sqlite", with: "database: back.sqlite")
            .write(to: yaml, atomically: true, encoding: .utf8)
        let again = try regie.run(["audit", "verify", "--json"])
        #expect(again.status == 0, "\(again.out)")
        #expect(again.out.contains("\"events\" : 3"), "\(again.out)")
        #expect(try regie.run(["case", "show", "1"]).out.contains("Zelf fietsen"))
    }
}
