import Foundation
import RegieStore
import Testing

/// SQLite files in a temporary folder; a second instance is a second connection, as a second
/// process would open.
package struct SQLiteBackend: StoreBackend {
    package init() {}

    package let name = "SQLite"

    package func makeStore(salts: SaltSource) async throws -> any EventStore {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteEventStore(path: folder.appendingPathComponent("regie.sqlite").path, create: true)
        store.saltSource = salts
        return store
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

