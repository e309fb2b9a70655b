import Crypto
import Foundation
import GRDB
import RegieAudit
import Testing
@testable import RegieCore
@testable import RegieStore

@Suite("The store's audit chain")
struct AuditStoreTests {
    /// Runs the pure verifier over everything the store holds.
    static func problems(_ store: SQLiteEventStore, exported: SignedCheckpoint? = nil) throws -> [AuditProblem] {
        try store.readAuditTrail { reader in
            let state = try reader.state()
            let checkpoints = try reader.checkpoints()
            var verifier = ChainVerifier(expectedEvents: try reader.eventRows(), checkpoints: checkpoints)
            try reader.forEachEvent { verifier.check($0) }
            try reader.forEachAccess { verifier.checkAccess($0) }
            return verifier.finish(listed: try reader.listedCases(), state: state, checkpoints: checkpoints, exported: exported,
                                   trustedKey: checkpoints.first?.signed.publicKey)
        }
    }

    @Test("appends, imports and reads are chained, and the running state matches the rows")
    func chained() throws {
        let db = try TemporaryDatabase()
        let store = try SQLiteEventStore(path: db.path, create: true)
        _ = try store.openCase(StoreTests.opened(), workflowSource: StoreTests.workflowSource, pluginSources: [], actor: "anna", at: StoreTests.now)
        _ = try store.append([StoreTests.goal(1), StoreTests.goal(2)], to: 1, expectedVersion: 1, actor: "anna", at: StoreTests.now)
        let stream = try store.events(of: 1)
        _ = try store.importCases([stream], workflowSources: [RuleHash.of(StoreTests.workflowSource): StoreTests.workflowSource])
        try store.recordAccess(by: AccessReader(actor: "anna", role: "worker", purpose: "care"), at: StoreTests.now, caseID: 1,
                               action: "case show")
        try store.recordAccess(by: AccessReader(actor: "karim", role: "coordinator", purpose: "care"), at: StoreTests.now, caseID: nil,
                               action: "case list")
        #expect(try Self.problems(store).isEmpty)
        let (state, first) = try store.readAuditTrail { reader in
            var first: [AuditedEvent] = []
            try reader.forEachEvent(caseID: 1) { first.append($0) }
            return (try reader.state(), first)
        }
        #expect(state.merkle.count == 6)
        #expect(state.accessEntries == 2)
        #expect(first.map(\.sequence) == [1, 2, 3])
        #expect(first[0].previous == .zero)
        #expect(first[1].previous == first[0].hash)
        #expect(first.allSatisfy { $0.rules == [RuleHash.of(StoreTests.workflowSource)] && $0.salt?.count == 16 })
    }

    @Test("a checkpoint is signed over the log as it stands and lists the heads that changed since the last")
    func checkpoints() throws {
        let db = try TemporaryDatabase()
        let store = try SQLiteEventStore(path: db.path, create: true)
        let key = Curve25519.Signing.PrivateKey()
        _ = try store.openCase(StoreTests.opened(), workflowSource: StoreTests.workflowSource, pluginSources: [], actor: "anna", at: StoreTests.now)
        _ = try store.openCase(StoreTests.opened("K."), workflowSource: StoreTests.workflowSource, pluginSources: [], actor: "anna", at: StoreTests.now)
        let first = try store.makeCheckpoint(key: key, at: StoreTests.now, trigger: "test")
        #expect(first.heads.map(\.caseID) == [1, 2])
        _ = try store.append([StoreTests.goal(1)], to: 2, expectedVersion: 1, actor: "anna", at: StoreTests.now)
        let second = try store.makeCheckpoint(key: key, at: StoreTests.now, trigger: "test")
        #expect(second.heads.map(\.caseID) == [2], "only case 2 changed")
        #expect(second.signed.checkpoint.events == 3)
        #expect(second.signed.signatureHolds)
        #expect(try Self.problems(store, exported: second.signed).isEmpty)
    }

    @Test("a database written before the audit chain is chained on upgrade, in the order it was recorded")
    func upgradeFromFirstSchema() throws {
        let db = try TemporaryDatabase()
        let queue = try DatabaseQueue(path: db.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = \(SQLiteEventStore.applicationID)") }
        try StoreSchema.migrator.migrate(queue, upTo: "v1: events, cases, rule sources")
        let hash = RuleHash.of(StoreTests.workflowSource)
        let opened = String(decoding: try CaseEvent.opened(StoreTests.opened()).payloadBytes(), as: UTF8.self)
        let goal = String(decoding: try StoreTests.goal(1).payloadBytes(), as: UTF8.self)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO rule_sources VALUES (?, 'workflow', 'test', ?, 0)", arguments: [hash, StoreTests.workflowSource])
            for id in [1, 2] {
                try db.execute(sql: """
                    INSERT INTO cases (id, team, client_label, state, phase, status_json, round, version, complex, workflow_hash, opened_at, updated_at)
                    VALUES (?, 'west', 'J.', 'active', 'goals', '{}', 1, 2, 0, ?, 0, 0)
                    """, arguments: [id, hash])
            }
            // Case 2's events were recorded between case 1's.
            for (caseID, version, at, payload) in [(1, 1, 100, opened), (2, 1, 200, opened), (2, 2, 300, goal), (1, 2, 400, goal)] {
                try db.execute(sql: "INSERT INTO events VALUES (?, ?, ?, 'anna', ?, ?)",
                               arguments: [caseID, version, version == 1 ? "case_opened" : "goal_added", at, payload])
            }
        }
        try queue.close()
        let store = try SQLiteEventStore(path: db.path)
        #expect(try Self.problems(store).isEmpty)
        let order = try store.readAuditTrail { reader in
            var order: [Int: String] = [:]
            try reader.forEachEvent { order[$0.sequence] = "\($0.caseID).\($0.version)" }
            return order
        }
        #expect(order == [1: "1.1", 2: "2.1", 3: "2.2", 4: "1.2"])
        #expect(try store.events(of: 1).map(\.event) == [.opened(StoreTests.opened()), StoreTests.goal(1)])
        _ = try store.append([StoreTests.goal(2)], to: 1, expectedVersion: 2, actor: "anna", at: StoreTests.now)
        #expect(try Self.problems(store).isEmpty, "appending continues the upgraded chain")
    }
}
