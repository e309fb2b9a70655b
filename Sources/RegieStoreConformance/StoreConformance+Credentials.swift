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
        #expect(try await store.revokeToken(id: first.id, by: "anna", at: Self.now.addingTimeInterval(10)))
        #expect(try await other.revokeToken(id: first.id, by: "anna", at: Self.now.addingTimeInterval(11)) == false)
        #expect(try await other.token(secretHash: first.secretHash)?.revokedAt == Self.now.addingTimeInterval(10))
        #expect(try await store.revokeTokens(of: "anna", by: "admin", at: Self.now.addingTimeInterval(12)) == 1)
        #expect(try await store.tokens(of: "anna").allSatisfy { $0.revokedAt != nil })
        #expect(try await store.token(secretHash: bobs.secretHash)?.revokedAt == nil)
        await other.close()
        await store.close()
    }
}
