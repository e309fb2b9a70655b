import Foundation
import Logging
import PostgresNIO
import RegieAudit
import RegieStore

/// Applies ``PostgresSchema`` in order. Each migration runs in its own transaction holding
/// an advisory lock, and is recorded in `regie_schema`; a database whose schema is newer than
/// this Regie knows is refused, and so is a non-empty database that is not Regie's.
enum PostgresMigrator {
    static func migrate(_ client: PostgresClient, create: Bool, location: String) async throws {
        let logger = PostgresEventStore.silentLogger
        try await client.withConnection { connection in
            for migration in PostgresSchema.migrations {
                try await connection.query("BEGIN", logger: logger)
                do {
                    try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", logger: logger)
                    let applied: Set<Int>
                    if let recorded = try await appliedVersions(connection, logger: logger) {
                        applied = recorded
                    } else {
                        // No Regie schema: only `create` may make an empty database into a store;
                        // a database with tables of its own is someone else's.
                        let tables = try await connection.query(
                            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", logger: logger)
                        var count = 0
                        for try await value in tables.decode(Int.self) { count = value }
                        guard create, count == 0 else { throw StoreError.notARegieDatabase(path: location) }
                        try await connection.query("""
                            CREATE TABLE regie_schema (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                            """, logger: logger)
                        applied = []
                    }
                    if let newest = applied.max(), newest > PostgresSchema.migrations.map(\.version).max() ?? 0 {
                        throw StoreError.newerSchema(path: location)
                    }
                    if !applied.contains(migration.version) {
                        for statement in statements(migration.sql) {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        if migration.version == 1 {
                            try await connection.query("""
                                INSERT INTO audit_state (id, log_id, merkle, access_count, access_head)
                                VALUES (1, \(UUID().uuidString.lowercased()), \(Data(MerkleLog().serialized)), 0, \(Data(repeating: 0, count: 32)))
                                """, logger: logger)
                        }
                        try await connection.query(
                            "INSERT INTO regie_schema (version, name) VALUES (\(migration.version), \(migration.name))", logger: logger)
                    }
                    try await connection.query("COMMIT", logger: logger)
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
    }

    /// The versions recorded in `regie_schema`; nil when the database has no Regie schema.
    private static func appliedVersions(_ connection: PostgresConnection, logger: Logger) async throws -> Set<Int>? {
        let exists = try await connection.query("SELECT to_regclass('regie_schema') IS NOT NULL", logger: logger)
        var present = false
        for try await value in exists.decode(Bool.self) { present = value }
        guard present else { return nil }
        var versions = Set<Int>()
        for try await value in try await connection.query("SELECT version FROM regie_schema", logger: logger).decode(Int.self) {
            versions.insert(value)
        }
        return versions
    }

    /// Splits a migration into statements at `;` line ends outside `$$` bodies.
    static func statements(_ sql: String) -> [String] {
        var result: [String] = []
        var current = ""
        var inBody = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = String(line)
            if text.trimmingCharacters(in: .whitespaces).hasPrefix("--") { continue }
            current += text + "\n"
            if text.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
            if !inBody && text.trimmingCharacters(in: .whitespaces).hasSuffix(";") {
                result.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { result.append(rest) }
        return result
    }
}
