import Foundation

/// Where a server keeps what lets people in: API tokens (and, later, sessions and local
/// accounts). These rows are not part of the record: a store copy leaves them behind, and
/// people sign in again on the copy.
public protocol CredentialStore: AnyObject, Sendable {
    /// Stores a new token (its id and hash are random; a clash is a database error).
    func addToken(_ token: StoredToken) async throws(StoreError)

    /// The token whose secret has this hash, revoked and expired ones included (the caller decides).
    func token(secretHash: [UInt8]) async throws(StoreError) -> StoredToken?

    /// Every token of a person (nil: of everyone), newest first.
    func tokens(of person: String?) async throws(StoreError) -> [StoredToken]

    /// Marks a token revoked. - Returns: false if there is no such token or it was revoked already.
    func revokeToken(id: String, by revoker: String, at date: Date) async throws(StoreError) -> Bool

    /// Revokes every token of a person still in force (who was removed from the workspace).
    /// - Returns: how many were revoked.
    func revokeTokens(of person: String, by revoker: String, at date: Date) async throws(StoreError) -> Int

    /// Records one use of a token: when, from which network address, for which request.
    func recordTokenUse(id: String, at date: Date, address: String, request: String) async throws(StoreError)

    /// How many uses of a token are recorded.
    func tokenUseCount(id: String) async throws(StoreError) -> Int
}
