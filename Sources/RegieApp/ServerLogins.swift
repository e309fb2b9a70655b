import Foundation
import HummingbirdBcrypt
import RegieCore
import RegieReports
import RegieStore

/// How people come in to a server: API tokens, local accounts (password and a code from an
/// authenticator app, always both) with their enrolment links, and login sessions. One refusal
/// for every way a credential can be wrong, so that a guesser learns nothing; every attempt and
/// every use is recorded. A person removed from the workspace is out at once, whatever they hold.
package struct ServerLogins: Sendable {
    package let workspace: Workspace
    package let store: any EventStore
    /// Where token uses go to be recorded with other requests' (a server's); nil: each on its own.
    package let tokenUses: GroupCommit<TokenUse>?

    package init(workspace: Workspace, store: any EventStore, tokenUses: GroupCommit<TokenUse>? = nil) {
        self.workspace = workspace
        self.store = store
        self.tokenUses = tokenUses
    }

    var settings: ServerSettings { workspace.server }

    // MARK: Tokens

    /// Who presents this token: a person of the workspace, with a token that is known, in force
    /// and not expired. Every use is recorded before the request goes on.
    package func authenticate(token presented: String, at now: Date, address: String, request: String) async throws(RegieError)
        -> Authenticated
    {
        guard let hash = APITokenSecret.hashIfWellFormed(presented) else { throw RegieError(.notPermitted, .tokenInvalid) }
        let token = try await Self.stored { () throws(StoreError) in try await store.token(secretHash: hash) }
        guard let token, token.revokedAt == nil, token.expiresAt > now, let person = workspace.person(token.person) else {
            throw RegieError(.notPermitted, .tokenInvalid)
        }
        let use = TokenUse(tokenID: token.id, at: now, address: address, request: request)
        try await Self.stored { () throws(StoreError) in
            if let tokenUses { try await tokenUses.submit([use]) } else { try await store.recordTokenUses([use]) }
        }
        return Authenticated(person: person, credential: .token(id: token.id))
    }

    // MARK: Sessions

    /// A session's cookie value: 32 random bytes; the store keeps its hash.
    package struct NewSession: Sendable {
        package var secret: String
        package var csrfToken: String
        package var expiresAt: Date
    }

    /// Who holds this session cookie: an open session, used within the idle time, before its
    /// absolute end, of a person still in the workspace. Its idle time starts again.
    package func authenticate(session secret: String, at now: Date) async throws(RegieError) -> Authenticated {
        guard RandomSecret.isWellFormed(Substring(secret)) else { throw RegieError(.notPermitted, .sessionEnded) }
        let hash = RandomSecret.hash(secret)
        let session = try await Self.stored { () throws(StoreError) in try await store.session(idHash: hash) }
        guard let session, session.endedAt == nil, session.expiresAt > now,
              now.timeIntervalSince(session.lastSeenAt) < Double(settings.sessionIdleMinutes) * 60,
              let person = workspace.person(session.person)
        else { throw RegieError(.notPermitted, .sessionEnded) }
        try await Self.stored { () throws(StoreError) in try await store.touchSession(idHash: hash, at: now) }
        return Authenticated(person: person, credential: .session(idHash: hash, csrfToken: session.csrfToken), purpose: session.purpose)
    }

    /// Starts a session for a person who has proved who they are: always a new id, whatever the
    /// browser sent before (no session fixation).
    package func startSession(for person: Workspace.Person, method: String, at now: Date) async throws(RegieError) -> NewSession {
        let secret = RandomSecret.text(), csrf = RandomSecret.text()
        let expires = now.addingTimeInterval(Double(settings.sessionHours) * 3600)
        let session = StoredSession(idHash: RandomSecret.hash(secret), person: person.id, csrfToken: csrf, method: method,
                                    createdAt: now, lastSeenAt: now, expiresAt: expires)
        try await Self.stored { () throws(StoreError) in try await store.addSession(session) }
        return NewSession(secret: secret, csrfToken: csrf, expiresAt: expires)
    }

    /// Sets the purpose recorded with this session's reads from now on; nil or empty: the
    /// workspace's default. Only a login session has one: a token's requests say theirs in a header.
    /// - Returns: the person as they are from now on, with the purpose as kept (nil: the workspace's).
    package func setPurpose(_ text: String?, of who: Authenticated) async throws(RegieError) -> Authenticated {
        guard case .session(let hash, _) = who.credential else { throw RegieError(.usage, .purposeNeedsSession) }
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let purpose = trimmed.isEmpty ? nil : try CaseSession.checkedPurpose(trimmed)
        try await Self.stored { () throws(StoreError) in try await store.setSessionPurpose(idHash: hash, purpose: purpose) }
        var changed = who
        changed.purpose = purpose
        return changed
    }

    /// Ends a session, or every session of its person (`everywhere`).
    package func logOut(_ who: Authenticated, everywhere: Bool, at now: Date) async throws(RegieError) {
        if everywhere {
            _ = try await Self.stored { () throws(StoreError) in try await store.endSessions(of: who.person.id, at: now) }
        } else if case .session(let hash, _) = who.credential {
            _ = try await Self.stored { () throws(StoreError) in try await store.endSession(idHash: hash, at: now) }
        }
    }

    // MARK: Local accounts

    /// What an enrolment link sets up: the person and the second factor to add to their app.
    package func enrolment(code: String, at now: Date) async throws(RegieError) -> (person: Workspace.Person, totp: TOTP) {
        guard RandomSecret.isWellFormed(Substring(code)) else { throw RegieError(.notFound, .enrolmentInvalid) }
        let link = try await Self.stored { () throws(StoreError) in try await store.enrolment(codeHash: RandomSecret.hash(code)) }
        guard let link, link.usedAt == nil, link.expiresAt > now, let person = workspace.person(link.person) else {
            throw RegieError(.notFound, .enrolmentInvalid)
        }
        return (person, TOTP(secret: link.totpSecret))
    }

    /// Sets up a local account through its link: a password by the rules, and a code from the
    /// app that proves the second factor was added. Replaces an earlier account of the person
    /// and ends their sessions.
    package func enrol(code: String, password: String, repeated: String, typedCode: String, at now: Date) async throws(RegieError) {
        let (person, totp) = try await enrolment(code: code, at: now)
        try PasswordRules.check(password, repeated: repeated, person: person, organisation: workspace.organisation)
        guard let step = totp.matchingCounter(typedCode, at: now) else { throw RegieError(.usage, .codeInvalid) }
        let hash = try await Self.bcrypt(PasswordRules.normalised(password), cost: UInt8(settings.bcryptCost))
        let account = StoredAccount(person: person.id, passwordHash: hash, totpSecret: totp.secret, lastCodeStep: Int64(step), createdAt: now)
        let done = try await Self.stored { () throws(StoreError) in
            try await store.completeEnrolment(codeHash: RandomSecret.hash(code), account: account, at: now)
        }
        guard done else { throw RegieError(.notFound, .enrolmentInvalid) }
    }

    /// Logs in with a local account: the password and a code not used before. Too many wrong
    /// attempts in a row lock the account for a while; every attempt is recorded.
    package func logIn(person typed: String, password: String, code: String, address: String, at now: Date) async throws(RegieError)
        -> (person: Workspace.Person, session: NewSession)
    {
        let name = String(Identifier.normalised(typed).prefix(60))
        // User names are matched without regard to case, as people type them.
        let person = workspace.person(name) ?? workspace.people.first { $0.id.lowercased() == name.lowercased() }
        let found = try await Self.stored { () throws(StoreError) in try await store.account(person: person?.id ?? name) }
        guard let person, var account = found else {
            // The same work as a real check, so that the time taken does not tell who has an account.
            _ = try await Self.verify(password, against: Self.decoy)
            try await record(name, "unknown", address, now, nil)
            throw RegieError(.notPermitted, .loginFailed)
        }
        if let until = account.lockedUntil, until > now {
            try await record(person.id, "locked", address, now, nil)
            // The time on the clock of the workspace's teams, not the server's.
            let formatter = DateFormatter()
            formatter.dateFormat = "HH:mm"
            formatter.timeZone = workspace.timeZone
            let shown = formatter.string(from: until)
            throw RegieError(.notPermitted, .accountLocked, ["until": .text(shown)])
        }
        let passwordRight = try await Self.verify(PasswordRules.normalised(password), against: account.passwordHash)
        let step = TOTP(secret: account.totpSecret).matchingCounter(code, at: now).map(Int64.init)
        guard passwordRight, let step, step > account.lastCodeStep else {
            account.failedAttempts += 1
            if account.failedAttempts >= settings.lockoutAttempts {
                account.lockedUntil = now.addingTimeInterval(Double(settings.lockoutMinutes) * 60)
                account.failedAttempts = 0
            }
            try await record(person.id, passwordRight ? "wrong_code" : "wrong_password", address, now, account)
            throw RegieError(.notPermitted, .loginFailed)
        }
        account.failedAttempts = 0
        account.lockedUntil = nil
        account.lastCodeStep = step
        try await record(person.id, "ok", address, now, account)
        return (person, try await startSession(for: person, method: "password", at: now))
    }

    private func record(_ person: String, _ outcome: String, _ address: String, _ now: Date, _ account: StoredAccount?) async throws(RegieError) {
        let attempt = LoginAttempt(person: person, at: now, address: address, outcome: outcome)
        try await Self.stored { () throws(StoreError) in try await store.recordLoginAttempt(attempt, account: account) }
    }

    // MARK: bcrypt, off Swift's cooperative threads (a check takes about a quarter of a second)

    /// bcrypt reads at most 72 bytes; the password's SHA-256 (in base64) is what it hashes, so
    /// that every character of a long password counts.
    private static func prepared(_ password: String) -> String { Data(RandomSecret.hash(password)).base64EncodedString() }

    static func bcrypt(_ password: String, cost: UInt8) async throws(RegieError) -> String {
        try await Self.stored { () throws(StoreError) in try await BlockingWork.run { Bcrypt.hash(prepared(password), cost: cost) } }
    }

    static func verify(_ password: String, against hash: String) async throws(RegieError) -> Bool {
        try await Self.stored { () throws(StoreError) in try await BlockingWork.run { Bcrypt.verify(prepared(password), hash: hash) } }
    }

    /// A bcrypt hash of nothing anyone knows, checked against when there is no account.
    static let decoy = Bcrypt.hash(RandomSecret.text(), cost: 12)

    private static func stored<T>(_ work: () async throws(StoreError) -> T) async throws(RegieError) -> T {
        do {
            return try await work()
        } catch {
            throw RegieError.from(error)
        }
    }
}
