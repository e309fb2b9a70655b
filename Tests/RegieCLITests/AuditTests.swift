import Foundation
import GRDB
import Testing
@testable import RegieApp
@testable import RegieCLI
import RegieReports

@Suite("Audit trail: tampering behind Regie's back is caught", .enabled(if: Workbench.onSQLite, "edits the SQLite file itself"))
struct AuditTests {
    /// Case 1 (team west) in activation after nine events; case 2 (team oost) with two; reads logged.
    func workspace() async throws -> Workbench {
        let bench = try await Workbench()
        let steps: [([String], String)] = [
            (["case", "open", "--team", "west", "--client", "J.B."], "anna"),
            (["goal", "add", "1", "Weer zelf koken", "--term", "long", "--by", "client"], "anna"),
            (["case", "open", "--team", "oost", "--client", "P."], "bob"),
            (["goal", "add", "1", "Elke dag naar buiten", "--term", "short", "--by", "client"], "anna"),
            (["check", "tick", "1", "goals.own_story"], "anna"),
            (["case", "advance", "1"], "anna"),
            (["goal", "add", "2", "Een baan vinden", "--term", "long", "--by", "client"], "bob"),
            (["resource", "add", "1", "Zus", "--relation", "sister", "--kind", "informal"], "anna"),
            (["resource", "choose", "1", "1", "--client-chose"], "anna"),
            (["check", "tick", "1", "mapping.all_kinds"], "anna"),
            (["case", "advance", "1"], "anna"),
            (["case", "show", "1"], "anna"),
            (["case", "show", "2"], "bob"),
        ]
        for (step, actor) in steps {
            let result = await bench.run(step, as: actor)
            #expect(result.status == .success, "\(step): \(result.err)")
        }
        return bench
    }

    func verify(_ bench: Workbench, _ extra: [String] = []) async -> Workbench.Result {
        await bench.run(["audit", "verify"] + extra, as: "karim")
    }

    @Test("an untouched record verifies, with its counts, and so does each case on its own")
    func intact() async throws {
        let bench = try await workspace()
        #expect(await bench.run(["audit", "checkpoint"], as: "karim").status == .success)
        let result = await verify(bench, ["--json"])
        #expect(result.status == .success, "\(result.out)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(report["intact"] as? Bool == true)
        #expect(report["events"] as? Int == 11)
        #expect(report["cases"] as? Int == 2)
        #expect(report["access_entries"] as? Int == 2)
        #expect(report["checkpoints"] as? Int == 1)
        #expect(report["transitions_replayed"] as? Int == 2)
        await #expect(verify(bench, ["--case", "1"]).status == .success)
        await #expect(verify(bench, ["--case", "9"]).status == .notFound)
    }

    enum Tamper: String, CaseIterable, Sendable {
        case payloadByte, envelopeField, deleteMiddle, swapRows, deleteTailUnhidden, forgedRowInconsistent
    }

    @Test("a crude change in the file is caught and the first broken event is named", arguments: Tamper.allCases)
    func crudeTampering(_ tamper: Tamper) async throws {
        let bench = try await workspace()
        let db = try Forger.open(bench.database)
        let expected = try await db.write { db -> String in
            switch tamper {
            case .payloadByte:
                try db.execute(sql: "UPDATE events SET payload = replace(payload, 'koken', 'koker') WHERE case_id = 1 AND version = 2")
                return "case 1, version 2: its content does not match"
            case .envelopeField:
                try db.execute(sql: "UPDATE events SET actor = 'karim' WHERE case_id = 1 AND version = 4")
                return "case 1, version 4: its stored hash does not match"
            case .deleteMiddle:
                try db.execute(sql: "DELETE FROM events WHERE case_id = 1 AND version = 5")
                return "case 1, version 6: version 5 is missing"
            case .swapRows:
                // Versions 2 and 3 exchange everything but their numbers.
                try db.execute(sql: """
                    UPDATE events SET version = 1000 WHERE case_id = 1 AND version = 2;
                    UPDATE events SET version = 2 WHERE case_id = 1 AND version = 3;
                    UPDATE events SET version = 3 WHERE case_id = 1 AND version = 1000;
                    """)
                return "case 1, version 2:"
            case .deleteTailUnhidden:
                try db.execute(sql: "DELETE FROM events WHERE case_id = 1 AND version >= 8")
                return "case 1, version 7: the case list says version 9"
            case .forgedRowInconsistent:
                try db.execute(sql: """
                    INSERT INTO events SELECT case_id, 10, seq + 100, type, actor, recorded_at, rules, salt, payload, commitment, hash, hash,
                        format FROM events WHERE case_id = 1 AND version = 9
                    """)
                return "case 1, version 10:"
            }
        }
        let result = await verify(bench)
        #expect(result.status == .auditFailed, "\(result.out)")
        #expect(result.out.contains("BROKEN"))
        #expect(result.out.contains("First: " + expected), "\(result.out)")
    }

    @Test("report figures changed behind Regie's back are caught; a case without stored figures is not a problem")
    func reportFacts() async throws {
        let bench = try await workspace()
        let db = try Forger.open(bench.database)
        try await db.write { try $0.execute(sql: "UPDATE case_facts SET goals_achieved = goals_achieved + 1 WHERE case_id = 1") }
        let result = await verify(bench)
        #expect(result.status == .auditFailed, "\(result.out)")
        #expect(result.out.contains("First: case 1, version 9: the figures stored for the team report are not what its events give"),
                "\(result.out)")
        await #expect(verify(bench, ["--case", "1"]).status == .auditFailed)
        await #expect(verify(bench, ["--chain-only"]).status == .success, "the figures are checked by the replay")
        try await db.write { try $0.execute(sql: "DELETE FROM case_facts WHERE case_id = 1") }
        await #expect(verify(bench).status == .success)
    }

    @Test("a forged event with every hash recomputed is caught by replaying the rules")
    func forgedTransition() async throws {
        let bench = try await workspace()
        let db = try Forger.open(bench.database)
        // Straight from activation to follow-up, with an empty checklist: not a legal move.
        let payload = #"{"checklist":[],"from":{"phase":"activation","state":"active"},"move":"advance","overridden":false,"#
            + #""to":{"phase":"follow_up","state":"active"},"unmet":[]}"#
        try await db.write { try Forger.appendForged($0, caseID: 1, type: "transitioned", payload: payload) }
        let result = await verify(bench)
        #expect(result.status == .auditFailed, "\(result.out)")
        #expect(result.out.contains("First: case 1, version 10: the transition was not legal"), "\(result.out)")
        await #expect(verify(bench, ["--chain-only"]).status == .success, "the hashes alone cannot see a consistent forgery")
    }

    @Test("a rewritten tail with every hash recomputed is caught by the checkpoint", arguments: [false, true])
    func rewrittenTail(deleteInstead: Bool) async throws {
        let bench = try await workspace()
        #expect(await bench.run(["audit", "checkpoint"], as: "karim").status == .success)
        let db = try Forger.open(bench.database)
        try await db.write { db in
            if deleteInstead {
                try db.execute(sql: "DELETE FROM events WHERE case_id = 1 AND version >= 8")
            } else {
                try db.execute(sql: "UPDATE events SET payload = replace(payload, 'koken', 'koker') WHERE case_id = 1 AND version = 2")
            }
            try Forger.rechain(db, caseID: 1, from: 2)
            try Forger.rebuildLog(db)
        }
        await #expect(verify(bench, ["--chain-only"]).status == .auditFailed)
        let result = await verify(bench)
        #expect(result.status == .auditFailed, "\(result.out)")
        // A forger who deletes the tail but leaves the report figures is also given away by them.
        #expect(result.out.contains(deleteInstead ? "First: case 1, version 7: the figures stored for the team report"
                                                  : "First: case 1, version 9"), "\(result.out)")
        #expect(result.out.contains(deleteInstead ? "checkpoint 1 signed 11 events" : "the events checkpoint 1 signed were changed"),
                "\(result.out)")
    }

    @Test("with the database's checkpoints removed too, an exported checkpoint still catches the rewrite")
    func exportedCheckpoint() async throws {
        let bench = try await workspace()
        let file = bench.folder.appendingPathComponent("kept-elsewhere.txt").path
        #expect(await bench.run(["audit", "checkpoint", "--export", file], as: "karim").status == .success)
        #expect(await bench.run(["audit", "checkpoint", "--export", file], as: "karim").status == .usage, "never overwritten")
        await #expect(verify(bench, ["--checkpoint", file]).status == .success)
        let db = try Forger.open(bench.database)
        try await db.write { db in
            try db.execute(sql: "UPDATE events SET payload = replace(payload, 'koken', 'koker') WHERE case_id = 1 AND version = 2")
            try Forger.rechain(db, caseID: 1, from: 2)
            try Forger.rebuildLog(db)
            try db.execute(sql: "DELETE FROM checkpoint_heads; DELETE FROM checkpoints")
        }
        let traces = await verify(bench)
        #expect(traces.status == .auditFailed, "the case list still says a checkpoint listed the case")
        #expect(traces.out.contains("a checkpoint is missing (the one that listed version 9)"), "\(traces.out)")
        try await db.write { db in try db.execute(sql: "UPDATE cases SET checkpointed_version = 0") }
        await #expect(verify(bench).status == .success, "without any checkpoint or trace of one the rewrite is consistent")
        let result = await verify(bench, ["--checkpoint", file])
        #expect(result.status == .auditFailed)
        #expect(result.out.contains("the events the exported checkpoint signed were changed"), "\(result.out)")
        try "regie checkpoint 1\nlog x\n".write(toFile: file + ".bad", atomically: true, encoding: .utf8)
        let bad = await verify(bench, ["--checkpoint", file + ".bad"])
        #expect(bad.status == .usage)
        #expect(bad.err.contains("line 3"))
    }

    @Test("the access log is chained as well: a removed read is caught")
    func accessLogTampering() async throws {
        let bench = try await workspace()
        let db = try Forger.open(bench.database)
        try await db.write { try $0.execute(sql: "DELETE FROM access_log WHERE seq = 1") }
        let result = await verify(bench)
        #expect(result.status == .auditFailed)
        #expect(result.out.contains("access log entry 2"), "\(result.out)")
    }

    @Test("closing a case and every N events sign checkpoints by themselves, in the same transaction")
    func automaticCheckpoints() async throws {
        let yaml = Workbench.yaml + "audit:\n  checkpoint_every: 4\n"
        let bench = try await Workbench(yaml: yaml)
        for step in [
            ["case", "open", "--team", "west", "--client", "A."],
            ["goal", "add", "1", "Rust", "--term", "long", "--by", "client"],
            ["goal", "add", "1", "Werk", "--term", "short", "--by", "client"],
            ["check", "tick", "1", "goals.own_story"],
            ["case", "close", "1", "--outcome", "client-stopped", "--reason", "Moved away"],
        ] {
            #expect(await bench.run(step).status == .success, "\(step)")
        }
        let db = try Forger.open(bench.database)
        let triggers = try await db.read { try String.fetchAll($0, sql: "SELECT trigger FROM checkpoints ORDER BY id") }
        #expect(triggers == ["every 4 events", "case closed"])
        await #expect(verify(bench).status == .success)
    }
}
