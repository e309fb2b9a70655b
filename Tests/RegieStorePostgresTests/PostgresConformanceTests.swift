import Foundation
import Logging
import PostgresNIO
import Testing
import RegieCore
import RegieStore
import RegieStoreConformance
import RegieStorePostgres

/// The throwaway cluster `make test` starts (scripts/with-test-postgres.sh). Without it these
/// tests fail, saying so: PostgreSQL is never skipped quietly.
enum TestCluster {
    static func adminURL() throws -> PostgresLocation {
        guard let text = ProcessInfo.processInfo.environment["REGIE_TEST_POSTGRES_URL"], let location = PostgresLocation(url: text) else {
            Issue.record("REGIE_TEST_POSTGRES_URL is not set: run the tests with `make test`, which starts a throwaway PostgreSQL cluster")
            throw TestClusterMissing()
        }
        return location
    }

    struct TestClusterMissing: Error {}

    /// A new, empty database on the test cluster.
    static func freshDatabase() async throws -> PostgresLocation {
        var location = try adminURL()
        let name = "regie_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await run("CREATE DATABASE \(name)", on: location)
        location.database = name
        return location
    }

    /// Runs one statement as the cluster's superuser.
    static func run(_ sql: String, on location: PostgresLocation) async throws {
        let logger = Logger(label: "regie.test", factory: { _ in SwiftLogNoOpLogHandler() })
        let configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                             password: nil, database: location.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

struct PostgresBackend: StoreBackend {
    let name = "PostgreSQL"

    func makeStore(salts: SaltSource) async throws -> any EventStore {
        let store = try await PostgresEventStore.open(try await TestCluster.freshDatabase(), password: nil, create: true)
        store.saltSource = salts
        return store
    }

    func connect(to store: any EventStore) async throws -> any EventStore {
        let location = try #require(PostgresLocation(url: store.location))
        let other = try await PostgresEventStore.open(location, password: nil)
        other.saltSource = (store as? PostgresEventStore)?.saltSource ?? .random
        return other
    }

    func open(location: String) async throws -> any EventStore {
        try await PostgresEventStore.open(try #require(PostgresLocation(url: location)), password: nil)
    }

    /// Schema version 1: the store is written by this release, whose rows are the same as the
    /// previous release's (version 2 only adds triggers), and version 2 is then taken out.
    func makeStoreAtPreviousSchema(history: [(caseID: Int, event: CaseEvent)], workflowSource: String) async throws -> String {
        let location = try await TestCluster.freshDatabase()
        let store = try await PostgresEventStore.open(location, password: nil, create: true)
        var versions: [Int: Int] = [:]
        for (index, (caseID, event)) in history.enumerated() {
            let at = Date(timeIntervalSince1970: 1_790_000_000 + Double(index))
            if case .opened(let opened) = event {
                let id = try await store.openCase(opened, workflowSource: workflowSource, pluginSources: [], actor: "anna", at: at).caseID
                #expect(id == caseID)
            } else {
                _ = try await store.append([event], to: caseID, expectedVersion: versions[caseID, default: 0], actor: "anna", at: at)
            }
            versions[caseID, default: 0] += 1
        }
        await store.close()
        // Schema 3 added the case list's part of the facts, 4 the server's credentials, 5 a
        // read's address and 6 the dropped goals; schema 2 is the one before.
        for statement in ["ALTER TABLE case_facts DROP COLUMN goals_dropped",
                          "ALTER TABLE access_log DROP COLUMN address", "ALTER TABLE case_facts DROP COLUMN work", "DROP TABLE api_token_uses", "DROP TABLE api_tokens",
                          "DROP TABLE local_accounts", "DROP TABLE enrolments", "DROP TABLE login_attempts", "DROP TABLE sessions", "DROP TABLE login_states", "DROP TABLE configurations",
                          "DELETE FROM regie_schema WHERE version IN (3, 4, 5, 6)"] {
            try await TestCluster.run(statement, on: location)
        }
        var schema = 0
        try await TestCluster.query("SELECT max(version) FROM regie_schema", on: location) { schema = $0 }
        #expect(schema == 2)
        return location.description
    }

    /// Takes a store of the previous schema (2) back to schema 1, as the first release wrote it.
    static func downgradeToSchema1(_ location: PostgresLocation) async throws {
        for statement in [
            "DROP TRIGGER rule_sources_append_only ON rule_sources", "DROP TRIGGER cosignatures_kept ON checkpoint_cosignatures",
            "DROP TRIGGER rule_sources_no_truncate ON rule_sources", "DROP TRIGGER cosignatures_no_truncate ON checkpoint_cosignatures",
            "DROP TRIGGER checkpoints_no_truncate ON checkpoints", "DROP TRIGGER checkpoint_heads_no_truncate ON checkpoint_heads",
            "DELETE FROM regie_schema WHERE version = 2",
        ] {
            try await TestCluster.run(statement, on: location)
        }
    }

    /// A second connection begins a write, takes the log head, writes an event row, and its
    /// server process is terminated before it commits.
    func killWriterMidTransaction(_ store: any EventStore) async throws {
        let location = try #require(PostgresLocation(url: store.location))
        let logger = Logger(label: "regie.test", factory: { _ in SwiftLogNoOpLogHandler() })
        let configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                             password: nil, database: location.database, tls: .disable)
        let writer = try await PostgresConnection.connect(configuration: configuration, id: 2, logger: logger)
        try await writer.query("BEGIN", logger: logger)
        try await writer.query("SELECT * FROM audit_state WHERE id = 1 FOR UPDATE", logger: logger)
        var pid = 0
        for try await value in try await writer.query("SELECT pg_backend_pid()", logger: logger).decode(Int.self) { pid = value }
        try await writer.query("""
            INSERT INTO events (case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash, format)
            VALUES (1, 2, 2, 'goal_added', 'mallory', 0, '', '\\x00', '{}', '\\x00', '\\x00', '\\x00', 2)
            """, logger: logger)
        try await TestCluster.run("SELECT pg_terminate_backend(\(pid))", on: location)
        try? await writer.close()
    }
}

@Suite("Store conformance: PostgreSQL")
struct PostgresConformanceTests {
    let suite = StoreConformance(PostgresBackend())

    @Test("append and conflict") func appendAndConflict() async throws { try await suite.appendAndConflict() }
    @Test("concurrent writers on one case: one wins per version, nothing lost")
    func concurrentWriters() async throws { try await suite.concurrentWritersOnOneCase(writers: 8) }
    @Test("global order is commit order, without gaps") func globalOrder() async throws { try await suite.gaplessGlobalOrder(writers: 8) }
    @Test("checkpoints by policy and on demand") func checkpoints() async throws { try await suite.checkpoints() }
    @Test("the access log") func accessLog() async throws { try await suite.accessLog() }
    @Test("API tokens") func tokens() async throws { try await suite.tokens() }
    @Test("local accounts and sessions") func accounts() async throws { try await suite.accountsAndSessions() }
    @Test("report facts") func facts() async throws { try await suite.facts() }
    @Test("bulk import") func importStreams() async throws { try await suite.importStreams() }
    @Test("a writer killed mid-transaction leaves nothing") func killed() async throws { try await suite.writerKilledMidTransaction() }
    @Test("a store of the previous schema is upgraded and keeps its record") func upgrade() async throws { try await suite.upgradeFromPreviousSchema() }
    @Test("the same commands give the same chain as on SQLite")
    func identical() async throws { try await suite.identicalChain(with: SQLiteBackend()) }
    @Test("a store copied to another store and back holds the same rows")
    func copyRoundTrip() async throws { try await suite.copyRoundTrip(via: SQLiteBackend()) }
}
