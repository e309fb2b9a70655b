import Foundation
import GRDB

extension SQLiteEventStore: ConfigurationStore {
    public func latestConfiguration() async throws(StoreError) -> StoredConfiguration? {
        try await BlockingWork.run { () throws(StoreError) in
            try self.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM configurations ORDER BY version DESC LIMIT 1").map(Self.configuration(from:))
            }
        }
    }

    public func configurations() async throws(StoreError) -> [StoredConfiguration] {
        try await BlockingWork.run { () throws(StoreError) in
            try self.read { db in try Row.fetchAll(db, sql: "SELECT * FROM configurations ORDER BY version").map(Self.configuration(from:)) }
        }
    }

    public func recordConfiguration(_ configuration: StoredConfiguration, expectedVersion: Int, cutOff: [String]) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                let latest = try Int.fetchOne(db, sql: "SELECT max(version) FROM configurations") ?? 0
                guard latest == expectedVersion else {
                    throw StoreError.conflict(caseID: 0, expected: expectedVersion, actual: latest)
                }
                let at = Self.millis(configuration.appliedAt)
                try db.execute(sql: "INSERT INTO configurations (version, applied_at, applied_by, document, changes) VALUES (?, ?, ?, ?, ?)",
                               arguments: [latest + 1, at, configuration.appliedBy, configuration.document, configuration.changes])
                for person in cutOff {
                    try db.execute(sql: "UPDATE sessions SET ended_at = ? WHERE person = ? AND ended_at IS NULL", arguments: [at, person])
                    try db.execute(sql: "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE person = ? AND revoked_at IS NULL",
                                   arguments: [at, configuration.appliedBy, person])
                }
            }
        }
    }

    private static func configuration(from row: Row) throws -> StoredConfiguration {
        StoredConfiguration(version: try row.decode(forColumn: "version"), appliedAt: try readableDate(row, "applied_at"),
                            appliedBy: try row.decode(forColumn: "applied_by"), document: try row.decode(forColumn: "document"),
                            changes: try row.decode(forColumn: "changes"))
    }
}
