import Foundation

/// Where a server keeps what lets people in: API tokens, local accounts with their enrolment
/// links and login attempts, and sessions. These rows are not part of the record: a store copy
/// leaves them behind, and people sign in again on the copy.
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

    /// Records uses of tokens (when, from which network address, for which request) in one
    /// transaction; each token's last use is the latest of them.
    func recordTokenUses(_ uses: [TokenUse]) async throws(StoreError)

    /// How many uses of a token are recorded.
    func tokenUseCount(id: String) async throws(StoreError) -> Int

    // MARK: Local accounts

    func addEnrolment(_ enrolment: StoredEnrolment) async throws(StoreError)

    func enrolment(codeHash: [UInt8]) async throws(StoreError) -> StoredEnrolment?

    /// Uses an enrolment link once: if it is unused and not expired at `date`, marks it used,
    /// stores the account (replacing an earlier one of the person) and ends the person's
    /// sessions, in one transaction. - Returns: false if the link was used or expired meanwhile.
    func completeEnrolment(codeHash: [UInt8], account: StoredAccount, at date: Date) async throws(StoreError) -> Bool

    func account(person: String) async throws(StoreError) -> StoredAccount?

    /// Records a login attempt and, when given, the account's state after it, in one transaction.
    func recordLoginAttempt(_ attempt: LoginAttempt, account: StoredAccount?) async throws(StoreError)

    /// The recorded login attempts for a person (as typed), oldest first.
    func loginAttempts(person: String) async throws(StoreError) -> [LoginAttempt]

    // MARK: Sessions

    func addSession(_ session: StoredSession) async throws(StoreError)

    func session(idHash: [UInt8]) async throws(StoreError) -> StoredSession?

    /// Notes that the session was used now (its idle time starts again).
    func touchSession(idHash: [UInt8], at date: Date) async throws(StoreError)

    /// Sets the purpose recorded with the session's reads (nil: the workspace's default).
    func setSessionPurpose(idHash: [UInt8], purpose: String?) async throws(StoreError)

    /// Ends one session. - Returns: false if it had ended already or does not exist.
    func endSession(idHash: [UInt8], at date: Date) async throws(StoreError) -> Bool

    /// Ends every session of a person still open. - Returns: how many.
    func endSessions(of person: String, at date: Date) async throws(StoreError) -> Int

    // MARK: Logins through an identity provider

    func addLoginState(_ state: StoredLoginState) async throws(StoreError)

    /// Takes a login state once: if it is unused and not expired at `date`, marks it used and
    /// returns it; otherwise nil (a replayed or stale callback).
    func takeLoginState(stateHash: [UInt8], at date: Date) async throws(StoreError) -> StoredLoginState?
}

extension CredentialStore {
    /// Records one use of a token: when, from which network address, for which request.
    public func recordTokenUse(id: String, at date: Date, address: String, request: String) async throws(StoreError) {
        try await recordTokenUses([TokenUse(tokenID: id, at: date, address: address, request: request)])
    }
}
