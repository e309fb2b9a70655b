import Foundation
import GRDB
import Testing
@testable import RegieApp
@testable import RegieCLI
import RegieReports

/// The forgery classes of "The record proves itself": each must give exit 9 from `audit
/// verify`, naming what is broken, and ordinary commands must refuse rather than decide on
/// forged rules.
@Suite("Forgeries: rules, payloads, framing, derived rows and checkpoints", .enabled(if: Workbench.onSQLite, "edits the SQLite file itself"))
struct ForgeryTests {
    func bench() async throws -> Workbench { try await AuditTests().workspace() }

    func verify(_ bench: Workbench) async -> Workbench.Result { await bench.run(["audit", "verify"], as: "karim") }

    @Test("rewritten stored rules are refused by every command and reported by verify, without a crash")
    func rewrittenRules() async throws {
        let bench = try await bench()
        let db = try Forger.open(bench.database)
        try await db.write { db in
            // Every derived item made to hold: the next advance would record a checklist that never held.
            try db.execute(sql: "UPDATE rule_sources SET source = replace(source, 'derived:', 'derived: \"true\" #')")
        }
        let before = try await bench.snapshot()
        let advance = await bench.run(["case", "advance", "1"])
        #expect(advance.status == .storage, "\(advance.err)")
        #expect(advance.err.contains("changed behind Regie's back"), "\(advance.err)")
        #expect(try await bench.snapshot() == before, "a refused command changes nothing")
        let result = await verify(bench)
        #expect(result.status == .auditFailed, "\(result.out) \(result.err)")
        #expect(result.out.contains("no longer match their content hash"), "\(result.out)")
    }

    @Test("a rewritten plugin source is reported by verify, which does not crash on it")
    func rewrittenPlugin() async throws {
        let bench = try await Workbench(yaml: Workbench.yaml.replacingOccurrences(
            of: "  - id: oost\n    workflow: resourcegroep\n", with: "  - id: oost\n    workflow: resourcegroep\n    plugins: [strict]\n"))
        try bench.write("""
            return { api = 1, name = "strict", version = "1",
              guard = function(move, case, ctx) local allow = true; return allow end }
            """, to: "plugins/strict.lua")
        #expect(await bench.run(["case", "open", "--team", "oost", "--client", "J."], as: "bob").status == .success)
        #expect(await bench.run(["goal", "add", "1", "Koken", "--term", "long", "--by", "client"], as: "bob").status == .success)
        #expect(await bench.run(["goal", "add", "1", "Buiten", "--term", "short", "--by", "client"], as: "bob").status == .success)
        #expect(await bench.run(["check", "tick", "1", "goals.own_story"], as: "bob").status == .success)
        let advance = await bench.run(["case", "advance", "1"], as: "bob")
        #expect(advance.status == .success, "\(advance.err)")
        let db = try Forger.open(bench.database)
        try await db.write { db in
            try db.execute(sql: "UPDATE rule_sources SET source = replace(source, 'allow = true', 'allow = false') WHERE kind = 'plugin'")
        }
        let result = await verify(bench)
        #expect(result.status == .auditFailed, "\(result.out) \(result.err)")
        #expect(result.out.contains("no longer match their content hash"), "\(result.out)")
        #expect(await bench.run(["case", "show", "1"], as: "bob").status == .storage)
    }

    @Test("emptied payloads are a break, not an erasure; the case list is still checked")
    func emptiedPayloads() async throws {
        let bench = try await bench()
        let db = try Forger.open(bench.database)
        try await db.write { db in
            try db.execute(sql: "UPDATE events SET salt = NULL, payload = NULL WHERE case_id = 1 AND version >= 3")
            try db.execute(sql: "UPDATE cases SET client_label = 'X.' WHERE id = 1")
        }
        let result = await verify(bench)
        #expect(result.status == .auditFailed)
        #expect(result.out.contains("case 1, version 3: its content or salt is missing"), "\(result.out)")
        #expect(result.out.contains("case list's client_label"), "the opening's fields are checked past the stop: \(result.out)")
    }

    @Test("moving bytes between salt and payload breaks the commitment")
    func movedBoundary() async throws {
        let bench = try await bench()
        let db = try Forger.open(bench.database)
        try await db.write { db in
            try db.execute(sql: """
                UPDATE events SET salt = substr(salt, 1, 15), payload = CAST(substr(salt, 16, 1) AS TEXT) || payload
                WHERE case_id = 1 AND version = 2
                """)
        }
        let result = await verify(bench)
        #expect(result.status == .auditFailed)
        #expect(result.out.contains("case 1, version 2"), "\(result.out)")
    }

    @Test("an edited case list is found, field by field", arguments: [
        ("client_label = 'Q.'", "client_label"), ("team = 'oost'", "team"), ("round = 3", "round"),
        ("state = 'paused'", "status"), ("phase = 'meeting'", "status"), ("complex = 1", "complex"),
        ("updated_at = updated_at + 1", "updated_at"), ("plugin_hashes = 'sha256:00'", "plugin_hashes"),
    ])
    func editedCaseList(_ change: String, _ field: String) async throws {
        let bench = try await bench()
        let db = try Forger.open(bench.database)
        try await db.write { db in try db.execute(sql: "UPDATE cases SET \(change) WHERE id = 1") }
        let result = await verify(bench)
        #expect(result.status == .auditFailed, "\(change)")
        #expect(result.out.contains("the case list's \(field) is not what"), "\(result.out)")
    }

    @Test("an edited copy of who holds a case or what is due is found; a torn one is refused, and a missing one is worked out again")
    func editedCaseWork() async throws {
        let bench = try await bench()
        await bench.run(["goal", "add", "1", "Werk", "--term", "long", "--by", "client"])
        let db = try Forger.open(bench.database)
        let work: String = try await db.read { db in try String.fetchOne(db, sql: "SELECT work FROM case_facts WHERE case_id = 1") ?? "" }
        #expect(work.hasPrefix("Europe/Amsterdam|anna|"), "\(work)")
        try await db.write { db in try db.execute(sql: "UPDATE case_facts SET work = replace(work, '|anna|', '|bob|') WHERE case_id = 1") }
        let result = await verify(bench)
        #expect(result.status == .auditFailed && result.out.contains("the figures stored"), "\(result.out)")
        try await db.write { db in try db.execute(sql: "UPDATE case_facts SET work = 'Europe/Amsterdam|anna' WHERE case_id = 1") }
        #expect(await bench.run(["case", "list"]).status == .storage, "a torn row is not shown as if it were right")
        try await db.write { db in try db.execute(sql: "UPDATE case_facts SET work = NULL WHERE case_id = 1") }
        let list = await bench.run(["case", "list"])
        #expect(list.status == .success && list.out.contains("anna"), "without the copy the list reads the events: \(list.out)\(list.err)")
    }

    @Test("deleted checkpoints are found: after a close, after the policy's count, and by their numbering")
    func deletedCheckpoints() async throws {
        let bench = try await bench()
        #expect(await bench.run(["case", "close", "2", "--outcome", "other", "--reason", "Verhuisd"], as: "bob").status == .success)
        #expect(await bench.run(["audit", "checkpoint"], as: "karim").status == .success)
        await #expect(verify(bench).status == .success)
        let db = try Forger.open(bench.database)
        try await db.write { db in
            try db.execute(sql: "DELETE FROM checkpoints; DELETE FROM checkpoint_heads; UPDATE cases SET checkpointed_version = 0")
        }
        let result = await verify(bench)
        #expect(result.status == .auditFailed)
        #expect(result.out.contains("(a case closed) is missing"), "\(result.out)")

        let many = try await Workbench(yaml: Workbench.yaml + "audit:\n  checkpoint_every: 5\n")
        #expect(await many.run(["case", "open", "--team", "west", "--client", "J."]).status == .success)
        for text in ["Een", "Twee", "Drie", "Vier", "Vijf", "Zes"] {
            #expect(await many.run(["goal", "add", "1", text, "--term", "long", "--by", "client"]).status == .success)
        }
        await #expect(verify(many).status == .success)
        try await Forger.open(many.database).write { db in
            try db.execute(sql: "DELETE FROM checkpoints; DELETE FROM checkpoint_heads; UPDATE cases SET checkpointed_version = 0")
        }
        let counted = await verify(many)
        #expect(counted.out.contains("the checkpoint due after event 5 (every 5 events) is missing"), "\(counted.out)")
    }

    @Test("a period of nothing but reads is sealed by checkpoints too")
    func readsAreSealed() async throws {
        let bench = try await Workbench(yaml: Workbench.yaml + "audit:\n  checkpoint_every: 3\n")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "J."]).status == .success)
        func triggers() throws -> [String] {
            try Forger.open(bench.database).read { db in try String.fetchAll(db, sql: "SELECT trigger FROM checkpoints ORDER BY id") }
        }
        let before = try triggers()
        for _ in 0..<4 { #expect(await bench.run(["case", "show", "1"]).status == .success) }
        #expect(try triggers() == before + ["every 3 reads"])
        await #expect(verify(bench).status == .success)
    }

    @Test("a rewrite behind a checkpoint is located at the first event that differs, where the stored heads allow it")
    func rewriteLocated() async throws {
        let bench = try await Workbench(yaml: Workbench.yaml + "audit:\n  checkpoint_every: 1\n")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "J."]).status == .success)
        for text in ["Een", "Twee", "Drie", "Vier", "Vijf", "Zes"] {
            #expect(await bench.run(["goal", "add", "1", text, "--term", "long", "--by", "client"]).status == .success)
        }
        try await Forger.open(bench.database).write { db in
            try db.execute(sql: "UPDATE events SET payload = replace(payload, 'Vier', 'Veer') WHERE case_id = 1 AND version = 5")
            try Forger.rechain(db, caseID: 1, from: 5)
            try Forger.rebuildLog(db)
        }
        let result = await verify(bench)
        #expect(result.status == .auditFailed)
        #expect(result.out.contains("First: case 1, version 5: is the first event that differs from what checkpoint"), "\(result.out)")
    }

    @Test("a move recorded as decided at the time limit is not compared on replay; without the mark it would be a break")
    func timeLimitedNotCompared() async throws {
        let bench = try await Workbench()
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "J."]).status == .success)
        #expect(await bench.run(["case", "advance", "1", "--override", "--reason", "Crisis"], as: "karim").status == .success)
        await #expect(verify(bench).status == .success)
        // What a slower machine would have recorded: a checklist that a deadline decided otherwise.
        func rewrite(marked: Bool) throws {
            try Forger.open(bench.database).write { db in
                let payload = try String.fetchOne(db, sql: "SELECT payload FROM events WHERE case_id = 1 AND version = 2")!
                var object = try JSONSerialization.jsonObject(with: Data(payload.utf8)) as! [String: Any]
                object["unmet"] = [String]()
                if marked { object["time_limited"] = true } else { object.removeValue(forKey: "time_limited") }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                try db.execute(sql: "UPDATE events SET payload = ? WHERE case_id = 1 AND version = 2",
                               arguments: [String(decoding: data, as: UTF8.self)])
                try Forger.rechain(db, caseID: 1, from: 2)
                try Forger.rebuildLog(db)
                try db.execute(sql: "DELETE FROM checkpoints; DELETE FROM checkpoint_heads; UPDATE cases SET checkpointed_version = 0")
            }
        }
        try rewrite(marked: false)
        let unmarked = await verify(bench)
        #expect(unmarked.status == .auditFailed, "an unmarked differing checklist is a break: \(unmarked.out)")
        try rewrite(marked: true)
        let marked = await bench.run(["audit", "verify", "--json"], as: "karim")
        #expect(marked.status == .success, "\(marked.out)")
        #expect(marked.out.contains("\"not_reproducible\" : 1"), "\(marked.out)")
    }

    @Test("writers without the key: their checkpoints wait unsigned for the key holder, and a stripped signature is still caught")
    func separateSigning() async throws {
        let bench = try await Workbench(yaml: Workbench.yaml + "audit:\n  signing: separate\n  checkpoint_every: 3\n")
        let keyFile = bench.folder.appendingPathComponent(".regie/audit-signing-key")
        let kept = try Data(contentsOf: keyFile)
        try FileManager.default.removeItem(at: keyFile)  // the key holder keeps it elsewhere
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "J."]).status == .success)
        for text in ["Een", "Twee", "Drie"] {
            #expect(await bench.run(["goal", "add", "1", text, "--term", "long", "--by", "client"]).status == .success, "no key needed to write")
        }
        let pending = await bench.run(["audit", "verify", "--json"], as: "karim")
        #expect(pending.status == .success, "\(pending.out)")
        #expect(pending.out.contains("\"checkpoints_pending\" : 1"), "\(pending.out)")
        #expect(!FileManager.default.fileExists(atPath: keyFile.path), "no key was made")
        try kept.write(to: keyFile)
        let signed = await bench.run(["audit", "checkpoint", "--json"], as: "karim")
        #expect(signed.status == .success && signed.out.contains("\"signed_pending\" : 1"), "\(signed.out)")
        let after = await bench.run(["audit", "verify", "--json"], as: "karim")
        #expect(after.status == .success && after.out.contains("\"checkpoints_pending\" : 0"), "\(after.out)")
        try await Forger.open(bench.database).write { db in
            try db.execute(sql: "UPDATE checkpoints SET signature = X'', public_key = X'' WHERE id = 1")
        }
        let stripped = await verify(bench)
        #expect(stripped.status == .auditFailed, "an unsigned checkpoint before a signed one lost its signature: \(stripped.out)")
    }
}
