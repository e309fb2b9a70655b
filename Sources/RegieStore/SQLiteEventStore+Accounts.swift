import Foundation
import GRDB

/// Local accounts, enrolment links, login attempts and sessions in SQLite (``CredentialStore``).
extension SQLiteEventStore {
    public func addEnrolment(_ enrolment: StoredEnrolment) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: """
                    INSERT INTO enrolments (code_hash, person, totp_secret, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [Data(enrolment.codeHash), enrolment.person, Data(enrolment.totpSecret), enrolment.createdBy,
                                     Self.millis(enrolment.createdAt), Self.millis(enrolment.expiresAt)])
            }
        }
    }

    public func enrolment(codeHash: [UInt8]) async throws(StoreError) -> StoredEnrolment? {
        try await BlockingWork.run { () throws(StoreError) in
            try self.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM enrolments WHERE code_hash = ?", arguments: [Data(codeHash)]) else {
                    return nil
                }
                let secret: Data = try row.decode(forColumn: "totp_secret")
                let used: Int64? = try row.decode(forColumn: "used_at")
                return StoredEnrolment(codeHash: codeHash, person: try row.decode(forColumn: "person"), totpSecret: Array(secret),
                                       createdBy: try row.decode(forColumn: "created_by"), createdAt: try Self.readableDate(row, "created_at"),
                                       expiresAt: try Self.readableDate(row, "expires_at"), usedAt: used.map(Self.date(millis:)))
            }
        }
    }

    public func completeEnrolment(codeHash: [UInt8], account: StoredAccount, at date: Date) async throws(StoreError) -> Bool {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: "UPDATE enrolments SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
                               arguments: [Self.millis(date), Data(codeHash), Self.millis(date)])
                guard db.changesCount == 1 else { return false }
                try db.execute(sql: """
                    INSERT OR REPLACE INTO local_accounts (person, password_hash, totp_secret, last_code_step, failed_attempts, locked_until, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: Self.arguments(account))
                try db.execute(sql: "UPDATE sessions SET ended_at = ? WHERE person = ? AND ended_at IS NULL", arguments: [Self.millis(date), account.person])
                return true
            }
        }
    }

    public func account(person: String) async throws(StoreError) -> StoredAccount? {
        try await BlockingWork.run { () throws(StoreError) in
            try self.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM local_accounts WHERE person = ?", arguments: [person]) else { return nil }
                let secret: Data = try row.decode(forColumn: "totp_secret")
                let locked: Int64? = try row.decode(forColumn: "locked_until")
                return StoredAccount(person: person, passwordHash: try row.decode(forColumn: "password_hash"), totpSecret: Array(secret),
                                     lastCodeStep: try row.decode(forColumn: "last_code_step"), failedAttempts: try row.decode(forColumn: "failed_attempts"),
                                     lockedUntil: locked.map(Self.date(millis:)), createdAt: try Self.readableDate(row, "created_at"))
            }
        }
    }

    public func recordLoginAttempt(_ attempt: LoginAttempt, account: StoredAccount?) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: "INSERT INTO login_attempts (person, at, address, outcome) VALUES (?, ?, ?, ?)",
                               arguments: [attempt.person, Self.millis(attempt.at), attempt.address, attempt.outcome])
                guard let account else { return }
                try db.execute(sql: "UPDATE local_accounts SET last_code_step = ?, failed_attempts = ?, locked_until = ? WHERE person = ?",
                               arguments: [account.lastCodeStep, account.failedAttempts, account.lockedUntil.map(Self.millis), account.person])
            }
        }
    }

    public func loginAttempts(person: String) async throws(StoreError) -> [LoginAttempt] {
        try await BlockingWork.run { () throws(StoreError) in
            try self.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM login_attempts WHERE person = ? ORDER BY at, rowid", arguments: [person]).map { row in
                    LoginAttempt(person: person, at: try Self.readableDate(row, "at"), address: try row.decode(forColumn: "address"),
                                 outcome: try row.decode(forColumn: "outcome"))
                }
            }
        }
    }

    public func addSession(_ session: StoredSession) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: """
                    INSERT INTO sessions (id_hash, person, csrf_token, method, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [Data(session.idHash), session.person, session.csrfToken, session.method, Self.millis(session.createdAt),
                                     Self.millis(session.lastSeenAt), Self.millis(session.expiresAt)])
            }
        }
    }

    public func session(idHash: [UInt8]) async throws(StoreError) -> StoredSession? {
        try await BlockingWork.run { () throws(StoreError) in
            try self.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE id_hash = ?", arguments: [Data(idHash)]) else { return nil }
                let ended: Int64? = try row.decode(forColumn: "ended_at")
                return StoredSession(idHash: idHash, person: try row.decode(forColumn: "person"), csrfToken: try row.decode(forColumn: "csrf_token"),
                                     method: try row.decode(forColumn: "method"), createdAt: try Self.readableDate(row, "created_at"),
                                     lastSeenAt: try Self.readableDate(row, "last_seen_at"), expiresAt: try Self.readableDate(row, "expires_at"),
                                     endedAt: ended.map(Self.date(millis:)), purpose: try row.decode(forColumn: "purpose"))
            }
        }
    }

    public func touchSession(idHash: [UInt8], at date: Date) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", arguments: [Self.millis(date), Data(idHash)])
            }
        }
    }

    public func setSessionPurpose(idHash: [UInt8], purpose: String?) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: "UPDATE sessions SET purpose = ? WHERE id_hash = ?", arguments: [purpose, Data(idHash)])
            }
        }
    }

    public func endSession(idHash: [UInt8], at date: Date) async throws(StoreError) -> Bool {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: "UPDATE sessions SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL", arguments: [Self.millis(date), Data(idHash)])
                return db.changesCount == 1
            }
        }
    }

    public func endSessions(of person: String, at date: Date) async throws(StoreError) -> Int {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: "UPDATE sessions SET ended_at = ? WHERE person = ? AND ended_at IS NULL", arguments: [Self.millis(date), person])
                return db.changesCount
            }
        }
    }

    public func addLoginState(_ state: StoredLoginState) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: """
                    INSERT INTO login_states (state_hash, binding_hash, nonce, verifier, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [Data(state.stateHash), Data(state.bindingHash), state.nonce, state.verifier, Self.millis(state.createdAt),
                                     Self.millis(state.expiresAt)])
            }
        }
    }

    public func takeLoginState(stateHash: [UInt8], at date: Date) async throws(StoreError) -> StoredLoginState? {
        try await BlockingWork.run { () throws(StoreError) in
            try self.write { db in
                try db.execute(sql: "UPDATE login_states SET used_at = ? WHERE state_hash = ? AND used_at IS NULL AND expires_at > ?",
                               arguments: [Self.millis(date), Data(stateHash), Self.millis(date)])
                guard db.changesCount == 1,
                      let row = try Row.fetchOne(db, sql: "SELECT * FROM login_states WHERE state_hash = ?", arguments: [Data(stateHash)])
                else { return nil }
                let binding: Data = try row.decode(forColumn: "binding_hash")
                return StoredLoginState(stateHash: stateHash, bindingHash: Array(binding), nonce: try row.decode(forColumn: "nonce"),
                                        verifier: try row.decode(forColumn: "verifier"), createdAt: try Self.readableDate(row, "created_at"),
                                        expiresAt: try Self.readableDate(row, "expires_at"))
            }
        }
    }

    private static func arguments(_ account: StoredAccount) -> StatementArguments {
        [account.person, account.passwordHash, Data(account.totpSecret), account.lastCodeStep, account.failedAttempts,
         account.lockedUntil.map(millis), millis(account.createdAt)]
    }
}
