import Foundation
import GRDB

extension SQLiteEventStore: CredentialStore {
    public func addToken(_ token: StoredToken) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: """
                    INSERT INTO api_tokens (id, secret_hash, person, name, created_at, created_by, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [token.id, Data(token.secretHash), token.person, token.name, Self.millis(token.createdAt),
                                     token.createdBy, Self.millis(token.expiresAt)])
            }
        }
    }

    public func token(secretHash: [UInt8]) async throws(StoreError) -> StoredToken? {
        try await BlockingWork.run { () throws(StoreError) in
            try self.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE secret_hash = ?", arguments: [Data(secretHash)])
                    .map(Self.token(from:))
            }
        }
    }

    public func tokens(of person: String?) async throws(StoreError) -> [StoredToken] {
        try await BlockingWork.run { () throws(StoreError) in
            try self.read { db in
                let rows = if let person {
                    try Row.fetchAll(db, sql: "SELECT * FROM api_tokens WHERE person = ? ORDER BY created_at DESC, id", arguments: [person])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM api_tokens ORDER BY created_at DESC, id")
                }
                return try rows.map(Self.token(from:))
            }
        }
    }

    public func revokeToken(id: String, by revoker: String, at date: Date) async throws(StoreError) -> Bool {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                               arguments: [Self.millis(date), revoker, id])
                return db.changesCount == 1
            }
        }
    }

    public func revokeTokens(of person: String, by revoker: String, at date: Date) async throws(StoreError) -> Int {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: "UPDATE api_tokens SET revoked_at = ?, revoked_by = ? WHERE person = ? AND revoked_at IS NULL",
                               arguments: [Self.millis(date), revoker, person])
                return db.changesCount
            }
        }
    }

    public func recordTokenUses(_ uses: [TokenUse]) async throws(StoreError) {
        guard !uses.isEmpty else { return }
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                for use in uses {
                    try db.execute(sql: "INSERT INTO api_token_uses (token_id, at, address, request) VALUES (?, ?, ?, ?)",
                                   arguments: [use.tokenID, Self.millis(use.at), use.address, use.request])
                }
                for (id, at) in TokenUse.lastUses(uses) {
                    try db.execute(sql: "UPDATE api_tokens SET last_used_at = max(coalesce(last_used_at, 0), ?) WHERE id = ?",
                                   arguments: [Self.millis(at), id])
                }
            }
        }
    }

    public func tokenUseCount(id: String) async throws(StoreError) -> Int {
        try await BlockingWork.run { () throws(StoreError) in
            try self.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM api_token_uses WHERE token_id = ?", arguments: [id]) ?? 0 }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    private static func token(from row: Row) throws -> StoredToken {
        let hash: Data = try row.decode(forColumn: "secret_hash")
        let revokedAt: Int64? = try row.decode(forColumn: "revoked_at")
        let lastUsedAt: Int64? = try row.decode(forColumn: "last_used_at")
        return StoredToken(id: try row.decode(forColumn: "id"), secretHash: Array(hash), person: try row.decode(forColumn: "person"),
                           name: try row.decode(forColumn: "name"), createdAt: try readableDate(row, "created_at"),
                           createdBy: try row.decode(forColumn: "created_by"), expiresAt: try readableDate(row, "expires_at"),
                           revokedAt: revokedAt.map(date(millis:)), revokedBy: try row.decode(forColumn: "revoked_by"),
                           lastUsedAt: lastUsedAt.map(date(millis:)))
    }
}
