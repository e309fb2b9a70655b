import Foundation
import RegieStore
import Testing

extension StoreConformance {
    /// API tokens: found by hash only, listed per person newest first, revoked once, every use
    /// counted; another connection sees the same at once (a second server process).
    package func tokens() async throws {
        let store = try await backend.makeStore(salts: .random)
        let other = try await backend.connect(to: store)
        let first = StoredToken(id: "aaaa00000001", secretHash: Array(repeating: 1, count: 32), person: "anna", name: "laptop",
                                createdAt: Self.now, createdBy: "anna", expiresAt: Self.now.addingTimeInterval(86_400))
        var second = first
        second.id = "aaaa00000002"
        second.secretHash = Array(repeating: 2, count: 32)
        second.name = "script"
        second.createdAt = Self.now.addingTimeInterval(60)
        var bobs = first
        bobs.id = "bbbb00000001"
        bobs.secretHash = Array(repeating: 3, count: 32)
        bobs.person = "bob"
        for token in [first, second, bobs] { try await store.addToken(token) }
        #expect(try await other.token(secretHash: Array(repeating: 2, count: 32)) == second)
        #expect(try await store.token(secretHash: Array(repeating: 9, count: 32)) == nil)
        #expect(try await store.tokens(of: "anna").map(\.id) == ["aaaa00000002", "aaaa00000001"])
        #expect(try await store.tokens(of: nil).count == 3)
        try await store.recordTokenUse(id: first.id, at: Self.now.addingTimeInterval(5), address: "127.0.0.1", request: "GET /api/v1/me")
        try await other.recordTokenUse(id: first.id, at: Self.now.addingTimeInterval(9), address: "::1", request: "GET /api/v1/cases")
        #expect(try await store.tokenUseCount(id: first.id) == 2)
        #expect(try await store.token(secretHash: first.secretHash)?.lastUsedAt == Self.now.addingTimeInterval(9))
        // Several requests' uses in one transaction, not in time order: each token's last use is its latest.
        try await store.recordTokenUses([
            TokenUse(tokenID: first.id, at: Self.now.addingTimeInterval(8.5), address: "127.0.0.1", request: "GET /api/v1/agenda"),
            TokenUse(tokenID: second.id, at: Self.now.addingTimeInterval(7), address: "127.0.0.1", request: "GET /api/v1/me"),
            TokenUse(tokenID: first.id, at: Self.now.addingTimeInterval(8), address: "127.0.0.1", request: "GET /api/v1/cases"),
        ])
        #expect(try await store.tokenUseCount(id: first.id) == 4)
        #expect(try await store.token(secretHash: first.secretHash)?.lastUsedAt == Self.now.addingTimeInterval(9))
        #expect(try await store.token(secretHash: second.secretHash)?.lastUsedAt == Self.now.addingTimeInterval(7))
        try await store.recordTokenUses([])
        #expect(try await store.revokeToken(id: first.id, by: "anna", at: Self.now.addingTimeInterval(10)))
        #expect(try await other.revokeToken(id: first.id, by: "anna", at: Self.now.addingTimeInterval(11)) == false)
        #expect(try await other.token(secretHash: first.secretHash)?.revokedAt == Self.now.addingTimeInterval(10))
        #expect(try await store.revokeTokens(of: "anna", by: "admin", at: Self.now.addingTimeInterval(12)) == 1)
        #expect(try await store.tokens(of: "anna").allSatisfy { $0.revokedAt != nil })
        #expect(try await store.token(secretHash: bobs.secretHash)?.revokedAt == nil)
        await other.close()
        await store.close()
    }

    /// Local accounts: an enrolment link is used once and not after it expires; completing it
    /// stores the account and ends the person's sessions; attempts are recorded with the
    /// account's state; sessions end one at a time or all of a person's at once.
    package func accountsAndSessions() async throws {
        let store = try await backend.makeStore(salts: .random)
        let other = try await backend.connect(to: store)
        let link = StoredEnrolment(codeHash: Array(repeating: 7, count: 32), person: "anna", totpSecret: Array(repeating: 4, count: 20),
                                   createdBy: "karim", createdAt: Self.now, expiresAt: Self.now.addingTimeInterval(3600))
        try await store.addEnrolment(link)
        #expect(try await other.enrolment(codeHash: link.codeHash) == link)
        let session = StoredSession(idHash: Array(repeating: 8, count: 32), person: "anna", csrfToken: "csrf", method: "password",
                                    createdAt: Self.now, lastSeenAt: Self.now, expiresAt: Self.now.addingTimeInterval(43_200))
        try await store.addSession(session)
        let account = StoredAccount(person: "anna", passwordHash: "$2b$12$hash", totpSecret: link.totpSecret, lastCodeStep: 0,
                                    createdAt: Self.now.addingTimeInterval(60))
        #expect(try await store.completeEnrolment(codeHash: link.codeHash, account: account, at: Self.now.addingTimeInterval(7200)) == false,
                "an expired link is refused")
        #expect(try await store.account(person: "anna") == nil)
        #expect(try await store.completeEnrolment(codeHash: link.codeHash, account: account, at: Self.now.addingTimeInterval(60)))
        #expect(try await other.completeEnrolment(codeHash: link.codeHash, account: account, at: Self.now.addingTimeInterval(61)) == false,
                "a link is used once")
        #expect(try await other.account(person: "anna") == account)
        #expect(try await store.session(idHash: session.idHash)?.endedAt == Self.now.addingTimeInterval(60), "enrolling ends older sessions")
        var locked = account
        locked.failedAttempts = 5
        locked.lockedUntil = Self.now.addingTimeInterval(900)
        locked.lastCodeStep = 42
        try await store.recordLoginAttempt(LoginAttempt(person: "anna", at: Self.now.addingTimeInterval(70), address: "::1", outcome: "wrong_password"),
                                           account: locked)
        try await other.recordLoginAttempt(LoginAttempt(person: "nobody", at: Self.now.addingTimeInterval(71), address: "::1", outcome: "unknown"),
                                           account: nil)
        #expect(try await store.account(person: "anna") == locked)
        #expect(try await other.loginAttempts(person: "anna").map(\.outcome) == ["wrong_password"])
        #expect(try await other.loginAttempts(person: "nobody").count == 1)
        var first = session, second = session
        first.idHash = Array(repeating: 9, count: 32)
        second.idHash = Array(repeating: 10, count: 32)
        try await store.addSession(first)
        try await store.addSession(second)
        try await other.touchSession(idHash: first.idHash, at: Self.now.addingTimeInterval(300))
        #expect(try await store.session(idHash: first.idHash)?.lastSeenAt == Self.now.addingTimeInterval(300))
        #expect(try await store.endSession(idHash: first.idHash, at: Self.now.addingTimeInterval(400)))
        #expect(try await other.endSession(idHash: first.idHash, at: Self.now.addingTimeInterval(401)) == false)
        #expect(try await other.endSessions(of: "anna", at: Self.now.addingTimeInterval(500)) == 1)
        #expect(try await store.session(idHash: second.idHash)?.endedAt == Self.now.addingTimeInterval(500))
        #expect(try await store.session(idHash: Array(repeating: 0, count: 32)) == nil)
        let state = StoredLoginState(stateHash: Array(repeating: 11, count: 32), bindingHash: Array(repeating: 12, count: 32), nonce: "n",
                                     verifier: "v", createdAt: Self.now, expiresAt: Self.now.addingTimeInterval(600))
        try await store.addLoginState(state)
        #expect(try await other.takeLoginState(stateHash: state.stateHash, at: Self.now.addingTimeInterval(700)) == nil, "too late")
        #expect(try await other.takeLoginState(stateHash: state.stateHash, at: Self.now.addingTimeInterval(10)) == state)
        #expect(try await store.takeLoginState(stateHash: state.stateHash, at: Self.now.addingTimeInterval(11)) == nil, "used once")
        await other.close()
        await store.close()
    }
}
