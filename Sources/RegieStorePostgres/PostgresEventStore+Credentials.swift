import Foundation
import PostgresNIO
import RegieStore

extension PostgresEventStore: CredentialStore {
    public func addToken(_ token: StoredToken) async throws(StoreError) {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO api_tokens (id, secret_hash, person, name, created_at, created_by, expires_at)
                VALUES (\(token.id), \(Data(token.secretHash)), \(token.person), \(token.name), \(Self.millis(token.createdAt)),
                        \(token.createdBy), \(Self.millis(token.expiresAt)))
                """, logger: logger)
        }
    }

    public func token(secretHash: [UInt8]) async throws(StoreError) -> StoredToken? {
        let logger = self.logger
        return try await reading { connection in
            try await Self.tokens(connection.query("\(unescaped: Self.tokenColumns) WHERE secret_hash = \(Data(secretHash))", logger: logger)).first
        }
    }

    public func tokens(of person: String?) async throws(StoreError) -> [StoredToken] {
        let logger = self.logger
        return try await reading { connection in
            if let person {
                return try await Self.tokens(connection.query(
                    "\(unescaped: Self.tokenColumns) WHERE person = \(person) ORDER BY created_at DESC, id", logger: logger))
            }
            return try await Self.tokens(connection.query("\(unescaped: Self.tokenColumns) ORDER BY created_at DESC, id", logger: logger))
        }
    }

    public func revokeToken(id: String, by revoker: String, at date: Date) async throws(StoreError) -> Bool {
        try await revoke(by: revoker, at: date, id: id, person: nil) == 1
    }

    public func revokeTokens(of person: String, by revoker: String, at date: Date) async throws(StoreError) -> Int {
        try await revoke(by: revoker, at: date, id: nil, person: person)
    }

    /// Revokes the token with this id, or every token of this person, that is still in force.
    private func revoke(by revoker: String, at date: Date, id: String?, person: String?) async throws(StoreError) -> Int {
        let logger = self.logger
        return try await transaction { connection in
            let rows = try await connection.query("""
                UPDATE api_tokens SET revoked_at = \(Self.millis(date)), revoked_by = \(revoker)
                WHERE (id = \(id) OR person = \(person)) AND revoked_at IS NULL RETURNING id
                """, logger: logger)
            var count = 0
            for try await _ in rows.decode(String.self) { count += 1 }
            return count
        }
    }

    public func recordTokenUses(_ uses: [TokenUse]) async throws(StoreError) {
        guard !uses.isEmpty else { return }
        let logger = self.logger
        try await transaction { connection in
            for use in uses {
                try await connection.query("""
                    INSERT INTO api_token_uses (token_id, at, address, request)
                    VALUES (\(use.tokenID), \(Self.millis(use.at)), \(use.address), \(use.request))
                    """, logger: logger)
            }
            // One update per token, in a fixed order, so that two batches never wait on each other's rows.
            for (id, at) in TokenUse.lastUses(uses) {
                try await connection.query(
                    "UPDATE api_tokens SET last_used_at = GREATEST(COALESCE(last_used_at, 0), \(Self.millis(at))) WHERE id = \(id)", logger: logger)
            }
        }
    }

    public func tokenUseCount(id: String) async throws(StoreError) -> Int {
        let logger = self.logger
        return try await reading { connection in
            var count = 0
            for try await value in try await connection.query("SELECT count(*) FROM api_token_uses WHERE token_id = \(id)", logger: logger)
                .decode(Int.self) { count = value }
            return count
        }
    }

    private static let tokenColumns = """
        SELECT id, secret_hash, person, name, created_at, created_by, expires_at, revoked_at, revoked_by, last_used_at FROM api_tokens
        """

    private static func tokens(_ rows: PostgresRowSequence) async throws -> [StoredToken] {
        var tokens: [StoredToken] = []
        for try await row in rows {
            let (id, hash, person, name, created, createdBy, expires, revoked, revokedBy, lastUsed) =
                try row.decode((String, Data, String, String, Int64, String, Int64, Int64?, String?, Int64?).self)
            tokens.append(StoredToken(
                id: id, secretHash: Array(hash), person: person, name: name,
                createdAt: try StoredForm.readableDate(millis: created, column: "created_at"), createdBy: createdBy,
                expiresAt: try StoredForm.readableDate(millis: expires, column: "expires_at"),
                revokedAt: revoked.map(StoredForm.date(millis:)), revokedBy: revokedBy, lastUsedAt: lastUsed.map(StoredForm.date(millis:))))
        }
        return tokens
    }
}
