import Foundation
import Logging
import PostgresNIO
import Testing
import RegieCore
import RegieStore
import RegieStorePostgres

/// What only the PostgreSQL store promises: its schema, its migrations and its triggers.
@Suite("The PostgreSQL store")
struct PostgresStoreTests {
    static let source = "workflow: pg\nphases: {}\n"
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static func opened() -> CaseOpened {
        CaseOpened(team: "west", clientLabel: "J.", externalReference: nil, complex: false, workflow: "pg", workflowHash: RuleHash.of(source))
    }

    @Test("many processes opening one new database at once migrate it once")
    func concurrentMigration() async throws {
        let location = try await TestCluster.freshDatabase()
        let stores = try await withThrowingTaskGroup(of: PostgresEventStore.self) { group in
            for _ in 0..<6 { group.addTask { try await PostgresEventStore.open(location, password: nil, create: true) } }
            var all: [PostgresEventStore] = []
            for try await store in group { all.append(store) }
            return all
        }
        #expect(stores.count == 6)
        _ = try await stores[0].openCase(Self.opened(), workflowSource: Self.source, pluginSources: [], actor: "anna", at: Self.now)
        #expect(try await stores[5].events(of: 1).count == 1)
        for store in stores { await store.close() }
        var migrations = 0
        try await TestCluster.query("SELECT count(*) FROM regie_schema", on: location) { migrations = $0 }
        #expect(migrations == 6, "one row per migration (schemas 1 to 6)")
    }

    @Test("an empty database is refused without create; one with tables of its own always; a newer schema too")
    func foreignDatabases() async throws {
        let empty = try await TestCluster.freshDatabase()
        await #expect(throws: StoreError.notARegieDatabase(path: empty.description)) {
            try await PostgresEventStore.open(empty, password: nil)
        }
        let foreign = try await TestCluster.freshDatabase()
        try await TestCluster.run("CREATE TABLE patients (id INT)", on: foreign)
        await #expect(throws: StoreError.notARegieDatabase(path: foreign.description)) {
            try await PostgresEventStore.open(foreign, password: nil, create: true)
        }
        let newer = try await TestCluster.freshDatabase()
        await (try await PostgresEventStore.open(newer, password: nil, create: true)).close()
        try await TestCluster.run("INSERT INTO regie_schema (version, name) VALUES (99, 'from the future')", on: newer)
        await #expect(throws: StoreError.newerSchema(path: newer.description)) {
            try await PostgresEventStore.open(newer, password: nil)
        }
    }

    @Test("the record is append-only in the database: updates, deletes and truncation of the log, the rules and the checkpoints are refused")
    func appendOnly() async throws {
        let location = try await TestCluster.freshDatabase()
        let store = try await PostgresEventStore.open(location, password: nil, create: true)
        _ = try await store.openCase(Self.opened(), workflowSource: Self.source, pluginSources: [], actor: "anna", at: Self.now)
        try await store.recordAccess(by: AccessReader(actor: "anna", role: "worker", purpose: "care"), at: Self.now, caseIDs: [1],
                                     action: "case show")
        await store.close()
        for statement in ["UPDATE events SET actor = 'mallory'", "DELETE FROM events", "TRUNCATE events CASCADE",
                          "UPDATE access_log SET purpose = 'x'", "DELETE FROM access_log",
                          "UPDATE rule_sources SET source = 'x'", "DELETE FROM rule_sources", "TRUNCATE rule_sources CASCADE",
                          "TRUNCATE checkpoints CASCADE", "TRUNCATE checkpoint_heads", "TRUNCATE checkpoint_cosignatures"] {
            await #expect(throws: (any Error).self, "\(statement)") { try await TestCluster.run(statement, on: location) }
        }
        var events = 0
        try await TestCluster.query("SELECT count(*) FROM events", on: location) { events = $0 }
        #expect(events == 1)
    }

    @Test("a store of schema version 1 gets every later version on opening: its rules can no longer be deleted")
    func upgradeToVersion2() async throws {
        let backend = PostgresBackend()
        let location = try #require(PostgresLocation(url: try await backend.makeStoreAtPreviousSchema(
            history: [(1, .opened(Self.opened()))], workflowSource: Self.source)))
        try await PostgresBackend.downgradeToSchema1(location)
        try await TestCluster.run("UPDATE rule_sources SET stored_at = stored_at", on: location)
        let store = try await PostgresEventStore.open(location, password: nil)
        await store.close()
        var schema = 0
        try await TestCluster.query("SELECT max(version) FROM regie_schema", on: location) { schema = $0 }
        #expect(schema == 6)
        await #expect(throws: (any Error).self) { try await TestCluster.run("DELETE FROM rule_sources", on: location) }
    }

    @Test("a URL is read as libpq spells it; a password never shows in its description")
    func locations() throws {
        let location = try #require(PostgresLocation(url: "postgres://regie:geheim@db.example.org:6543/zorg?sslmode=verify-full"))
        #expect(location.host == "db.example.org" && location.port == 6543 && location.database == "zorg" && location.tls == .require)
        #expect(location.urlPassword == "geheim")
        #expect(!location.description.contains("geheim"))
        #expect(PostgresLocation(url: "postgres://db.example.org/zorg") == nil, "a user is needed")
        #expect(PostgresLocation(url: "postgres://regie@db.example.org/") == nil, "a database is needed")
        #expect(PostgresLocation(url: "postgres://regie@db/zorg?sslmode=sometimes") == nil)
        #expect(PostgresLocation(url: "regie.sqlite") == nil)
    }
}

extension TestCluster {
    /// Runs a query that gives one number, as the cluster's superuser.
    static func query(_ sql: String, on location: PostgresLocation, _ body: (Int) -> Void) async throws {
        let logger = Logger(label: "regie.test", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: location.host, port: location.port, username: location.user, password: nil,
                                 database: location.database, tls: .disable), id: 3, logger: logger)
        for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(Int.self) { body(value) }
        try await connection.close()
    }
}
