import Foundation
import PostgresNIO
import RegieStore

extension PostgresEventStore: ConfigurationStore {
    public func latestConfiguration() async throws(StoreError) -> StoredConfiguration? {
        try await configurations(newestOnly: true).first
    }

    public func configurations() async throws(StoreError) -> [StoredConfiguration] {
        try await configurations(newestOnly: false)
    }

    private func configurations(newestOnly: Bool) async throws(StoreError) -> [StoredConfiguration] {
        let logger = self.logger
        return try await reading { connection in
            let query: PostgresQuery = newestOnly
                ? "SELECT version, applied_at, applied_by, document, changes FROM configurations ORDER BY version DESC LIMIT 1"
                : "SELECT version, applied_at, applied_by, document, changes FROM configurations ORDER BY version"
            var found: [StoredConfiguration] = []
            for try await (version, at, by, document, changes) in try await connection.query(query, logger: logger)
                .decode((Int, Int64, String, String, String).self) {
                found.append(StoredConfiguration(version: version, appliedAt: try StoredForm.readableDate(millis: at, column: "applied_at"),
                                                 appliedBy: by, document: document, changes: changes))
            }
            return found
        }
    }

    public func recordConfiguration(_ configuration: StoredConfiguration, expectedVersion: Int, cutOff: [String]) async throws(StoreError) {
        let logger = self.logger
        try await transaction { connection in
            // One applier at a time: the same advisory lock the migrations take.
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", logger: logger)
            var latest = 0
            for try await value in try await connection.query("SELECT coalesce(max(version), 0) FROM configurations", logger: logger)
                .decode(Int.self) { latest = value }
            guard latest == expectedVersion else { throw StoreError.conflict(caseID: 0, expected: expectedVersion, actual: latest) }
            let at = Self.millis(configuration.appliedAt)
            try await connection.query("""
                INSERT INTO configurations (version, applied_at, applied_by, document, changes)
                VALUES (\(latest + 1), \(at), \(configuration.appliedBy), \(configuration.document), \(configuration.changes))
                """, logger: logger)
            for person in cutOff {
                try await connection.query("UPDATE sessions SET ended_at = \(at) WHERE person = \(person) AND ended_at IS NULL", logger: logger)
                try await connection.query("""
                    UPDATE api_tokens SET revoked_at = \(at), revoked_by = \(configuration.appliedBy) WHERE person = \(person) AND revoked_at IS NULL
                    """, logger: logger)
            }
        }
    }
}
