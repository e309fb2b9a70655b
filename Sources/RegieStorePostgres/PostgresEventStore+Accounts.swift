import Foundation
import PostgresNIO
import RegieStore

/// Local accounts, enrolment links, login attempts and sessions in PostgreSQL (``CredentialStore``).
extension PostgresEventStore {
    public func addEnrolment(_ enrolment: StoredEnrolment) async throws(StoreError) {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO enrolments (code_hash, person, totp_secret, created_by, created_at, expires_at)
                VALUES (\(Data(enrolment.codeHash)), \(enrolment.person), \(Data(enrolment.totpSecret)), \(enrolment.createdBy),
                        \(Self.millis(enrolment.createdAt)), \(Self.millis(enrolment.expiresAt)))
                """, logger: logger)
        }
    }

    public func enrolment(codeHash: [UInt8]) async throws(StoreError) -> StoredEnrolment? {
        let logger = self.logger
        return try await reading { connection in
            let rows = try await connection.query("""
                SELECT person, totp_secret, created_by, created_at, expires_at, used_at FROM enrolments WHERE code_hash = \(Data(codeHash))
                """, logger: logger)
            for try await (person, secret, createdBy, created, expires, used) in rows.decode((String, Data, String, Int64, Int64, Int64?).self) {
                return StoredEnrolment(codeHash: codeHash, person: person, totpSecret: Array(secret), createdBy: createdBy,
                                       createdAt: try StoredForm.readableDate(millis: created, column: "created_at"),
                                       expiresAt: try StoredForm.readableDate(millis: expires, column: "expires_at"),
                                       usedAt: used.map(StoredForm.date(millis:)))
            }
            return nil
        }
    }

    public func completeEnrolment(codeHash: [UInt8], account: StoredAccount, at date: Date) async throws(StoreError) -> Bool {
        let logger = self.logger
        let now = Self.millis(date)
        return try await transaction { connection in
            let used = try await connection.query("""
                UPDATE enrolments SET used_at = \(now) WHERE code_hash = \(Data(codeHash)) AND used_at IS NULL AND expires_at > \(now)
                RETURNING person
                """, logger: logger)
            var count = 0
            for try await _ in used.decode(String.self) { count += 1 }
            guard count == 1 else { return false }
            try await connection.query("""
                INSERT INTO local_accounts (person, password_hash, totp_secret, last_code_step, failed_attempts, locked_until, created_at)
                VALUES (\(account.person), \(account.passwordHash), \(Data(account.totpSecret)), \(account.lastCodeStep),
                        \(account.failedAttempts), \(account.lockedUntil.map(Self.millis)), \(Self.millis(account.createdAt)))
                ON CONFLICT (person) DO UPDATE SET password_hash = EXCLUDED.password_hash, totp_secret = EXCLUDED.totp_secret,
                    last_code_step = EXCLUDED.last_code_step, failed_attempts = EXCLUDED.failed_attempts,
                    locked_until = EXCLUDED.locked_until, created_at = EXCLUDED.created_at
                """, logger: logger)
            try await connection.query("UPDATE sessions SET ended_at = \(now) WHERE person = \(account.person) AND ended_at IS NULL", logger: logger)
            return true
        }
    }

    public func account(person: String) async throws(StoreError) -> StoredAccount? {
        let logger = self.logger
        return try await reading { connection in
            let rows = try await connection.query("""
                SELECT password_hash, totp_secret, last_code_step, failed_attempts, locked_until, created_at FROM local_accounts
                WHERE person = \(person)
                """, logger: logger)
            for try await (hash, secret, step, failed, locked, created) in rows.decode((String, Data, Int64, Int, Int64?, Int64).self) {
                return StoredAccount(person: person, passwordHash: hash, totpSecret: Array(secret), lastCodeStep: step, failedAttempts: failed,
                                     lockedUntil: locked.map(StoredForm.date(millis:)),
                                     createdAt: try StoredForm.readableDate(millis: created, column: "created_at"))
            }
            return nil
        }
    }

    public func recordLoginAttempt(_ attempt: LoginAttempt, account: StoredAccount?) async throws(StoreError) {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO login_attempts (person, at, address, outcome)
                VALUES (\(attempt.person), \(Self.millis(attempt.at)), \(attempt.address), \(attempt.outcome))
                """, logger: logger)
            guard let account else { return }
            try await connection.query("""
                UPDATE local_accounts SET last_code_step = \(account.lastCodeStep), failed_attempts = \(account.failedAttempts),
                    locked_until = \(account.lockedUntil.map(Self.millis)) WHERE person = \(account.person)
                """, logger: logger)
        }
    }

    public func loginAttempts(person: String) async throws(StoreError) -> [LoginAttempt] {
        let logger = self.logger
        return try await reading { connection in
            var attempts: [LoginAttempt] = []
            let rows = try await connection.query(
                "SELECT at, address, outcome FROM login_attempts WHERE person = \(person) ORDER BY at, ctid", logger: logger)
            for try await (at, address, outcome) in rows.decode((Int64, String, String).self) {
                attempts.append(LoginAttempt(person: person, at: try StoredForm.readableDate(millis: at, column: "at"), address: address, outcome: outcome))
            }
            return attempts
        }
    }

    public func addSession(_ session: StoredSession) async throws(StoreError) {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO sessions (id_hash, person, csrf_token, method, created_at, last_seen_at, expires_at)
                VALUES (\(Data(session.idHash)), \(session.person), \(session.csrfToken), \(session.method), \(Self.millis(session.createdAt)),
                        \(Self.millis(session.lastSeenAt)), \(Self.millis(session.expiresAt)))
                """, logger: logger)
        }
    }

    public func session(idHash: [UInt8]) async throws(StoreError) -> StoredSession? {
        let logger = self.logger
        return try await reading { connection in
            let rows = try await connection.query("""
                SELECT person, csrf_token, method, created_at, last_seen_at, expires_at, ended_at, purpose FROM sessions
                WHERE id_hash = \(Data(idHash))
                """, logger: logger)
            for try await (person, csrf, method, created, seen, expires, ended, purpose) in rows
                .decode((String, String, String, Int64, Int64, Int64, Int64?, String?).self) {
                return StoredSession(idHash: idHash, person: person, csrfToken: csrf, method: method,
                                     createdAt: try StoredForm.readableDate(millis: created, column: "created_at"),
                                     lastSeenAt: try StoredForm.readableDate(millis: seen, column: "last_seen_at"),
                                     expiresAt: try StoredForm.readableDate(millis: expires, column: "expires_at"),
                                     endedAt: ended.map(StoredForm.date(millis:)), purpose: purpose)
            }
            return nil
        }
    }

    public func setSessionPurpose(idHash: [UInt8], purpose: String?) async throws(StoreError) {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("UPDATE sessions SET purpose = \(purpose) WHERE id_hash = \(Data(idHash))", logger: logger)
        }
    }

    public func touchSession(idHash: [UInt8], at date: Date) async throws(StoreError) {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("UPDATE sessions SET last_seen_at = \(Self.millis(date)) WHERE id_hash = \(Data(idHash))", logger: logger)
        }
    }

    public func endSession(idHash: [UInt8], at date: Date) async throws(StoreError) -> Bool {
        try await endSessions(at: date, idHash: idHash, person: nil) == 1
    }

    public func endSessions(of person: String, at date: Date) async throws(StoreError) -> Int {
        try await endSessions(at: date, idHash: nil, person: person)
    }

    public func addLoginState(_ state: StoredLoginState) async throws(StoreError) {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO login_states (state_hash, binding_hash, nonce, verifier, created_at, expires_at)
                VALUES (\(Data(state.stateHash)), \(Data(state.bindingHash)), \(state.nonce), \(state.verifier),
                        \(Self.millis(state.createdAt)), \(Self.millis(state.expiresAt)))
                """, logger: logger)
        }
    }

    public func takeLoginState(stateHash: [UInt8], at date: Date) async throws(StoreError) -> StoredLoginState? {
        let logger = self.logger
        let now = Self.millis(date)
        return try await transaction { connection in
            let rows = try await connection.query("""
                UPDATE login_states SET used_at = \(now) WHERE state_hash = \(Data(stateHash)) AND used_at IS NULL AND expires_at > \(now)
                RETURNING binding_hash, nonce, verifier, created_at, expires_at
                """, logger: logger)
            for try await (binding, nonce, verifier, created, expires) in rows.decode((Data, String, String, Int64, Int64).self) {
                return StoredLoginState(stateHash: stateHash, bindingHash: Array(binding), nonce: nonce, verifier: verifier,
                                        createdAt: try StoredForm.readableDate(millis: created, column: "created_at"),
                                        expiresAt: try StoredForm.readableDate(millis: expires, column: "expires_at"))
            }
            return nil
        }
    }

    /// Ends the session with this id hash, or every open session of this person.
    private func endSessions(at date: Date, idHash: [UInt8]?, person: String?) async throws(StoreError) -> Int {
        let logger = self.logger
        return try await transaction { connection in
            let rows = try await connection.query("""
                UPDATE sessions SET ended_at = \(Self.millis(date))
                WHERE (id_hash = \(idHash.map { Data($0) }) OR person = \(person)) AND ended_at IS NULL RETURNING person
                """, logger: logger)
            var count = 0
            for try await _ in rows.decode(String.self) { count += 1 }
            return count
        }
    }
}
