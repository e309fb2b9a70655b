import Foundation
import GRDB
import RegieCore
import RegieStore
import Testing

/// SQLite files in a temporary folder; a second instance is a second connection, as a second
/// process would open.
package struct SQLiteBackend: StoreBackend {
    package init() {}

    package let name = "SQLite"

    package func makeStore(salts: SaltSource) async throws -> any EventStore {
        let store = try SQLiteEventStore(path: try Self.newPath(), create: true)
        store.saltSource = salts
        return store
    }

    package func open(location: String) async throws -> any EventStore {
        try SQLiteEventStore(path: location, busyTimeout: 30)
    }

    /// The first schema, which every later migration upgrades (the audit chain is made on the
    /// way, in the order the events were recorded), with rows as its release wrote them.
    package func makeStoreAtPreviousSchema(history: [(caseID: Int, event: CaseEvent)], workflowSource: String) async throws -> String {
        let path = try Self.newPath()
        try Self.writeFirstSchema(at: path, history: history, workflowSource: workflowSource)
        return path
    }

    private static func writeFirstSchema(at path: String, history: [(caseID: Int, event: CaseEvent)], workflowSource: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = \(SQLiteEventStore.applicationID)") }
        try StoreSchema.migrator.migrate(queue, upTo: "v1: events, cases, rule sources")
        let hash = RuleHash.of(workflowSource)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO rule_sources VALUES (?, 'workflow', 'conformance', ?, 0)", arguments: [hash, workflowSource])
            var versions: [Int: Int] = [:]
            for (index, (caseID, event)) in history.enumerated() {
                let version = versions[caseID, default: 0] + 1
                versions[caseID] = version
                let payload = String(decoding: try event.payloadBytes(), as: UTF8.self)
                try db.execute(sql: "INSERT INTO events VALUES (?, ?, ?, 'anna', ?, ?)",
                               arguments: [caseID, version, event.typeName, (index + 1) * 1000, payload])
            }
            for (caseID, version) in versions.sorted(by: { $0.key < $1.key }) {
                guard case .opened(let opened)? = history.first(where: { $0.caseID == caseID })?.event else { continue }
                try db.execute(sql: """
                    INSERT INTO cases (id, team, client_label, state, phase, status_json, round, version, complex, workflow_hash, opened_at, updated_at)
                    VALUES (?, ?, ?, 'active', 'goals', '{}', 1, ?, ?, ?, 0, 0)
                    """, arguments: [caseID, opened.team, opened.clientLabel, version, opened.complex, hash])
            }
        }
        try queue.close()
    }

    private static func newPath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("regie.sqlite").path
    }

    package func connect(to store: any EventStore) async throws -> any EventStore {
        let other = try SQLiteEventStore(path: store.location, busyTimeout: 30)
        other.saltSource = (store as? SQLiteEventStore)?.saltSource ?? .random
        return other
    }

    /// A Python process opens the file, begins a write transaction, writes an event row and
    /// is killed with SIGKILL before it commits.
    package func killWriterMidTransaction(_ store: any EventStore) async throws {
        let script = """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], isolation_level=None)
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO events (case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash, format) VALUES (1, 2, 2, 'goal_added', 'mallory', 0, '', x'00', '{}', x'00', x'00', x'00', 2)")
            print("ready", flush=True)
            time.sleep(60)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, store.location]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let line = output.fileHandleForReading.availableData
        #expect(String(decoding: line, as: UTF8.self).hasPrefix("ready"), "the writer got as far as its uncommitted row")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

