import Foundation

/// A local account: for organisations without an identity provider. The password is kept as a
/// bcrypt hash; the second factor's secret must be kept as it is, to check codes with.
public struct StoredAccount: Sendable, Equatable {
    public var person: String
    public var passwordHash: String
    public var totpSecret: [UInt8]
    /// The 30-second step of the last code accepted: a code is used once.
    public var lastCodeStep: Int64
    /// Failed logins since the last one that succeeded.
    public var failedAttempts: Int
    /// No login until then, after too many failed attempts.
    public var lockedUntil: Date?
    public var createdAt: Date

    public init(person: String, passwordHash: String, totpSecret: [UInt8], lastCodeStep: Int64, failedAttempts: Int = 0,
                lockedUntil: Date? = nil, createdAt: Date) {
        self.person = person
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.lastCodeStep = lastCodeStep
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
        self.createdAt = createdAt
    }
}

/// A one-time enrolment link an administrator made for a person: only its code's hash is kept,
/// with the second-factor secret the person will set up through it.
public struct StoredEnrolment: Sendable, Equatable {
    public var codeHash: [UInt8]
    public var person: String
    public var totpSecret: [UInt8]
    public var createdBy: String
    public var createdAt: Date
    public var expiresAt: Date
    public var usedAt: Date?

    public init(codeHash: [UInt8], person: String, totpSecret: [UInt8], createdBy: String, createdAt: Date, expiresAt: Date,
                usedAt: Date? = nil) {
        self.codeHash = codeHash
        self.person = person
        self.totpSecret = totpSecret
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}

/// One login attempt, as recorded: whose (as typed, trimmed), when, from where, and how it ended.
public struct LoginAttempt: Sendable, Equatable {
    public var person: String
    public var at: Date
    public var address: String
    /// `ok`, `wrong_password`, `wrong_code`, `locked`, `unknown`.
    public var outcome: String

    public init(person: String, at: Date, address: String, outcome: String) {
        self.person = person
        self.at = at
        self.address = address
        self.outcome = outcome
    }
}

/// A login session, kept server-side: the browser holds only a random id, the store its hash.
public struct StoredSession: Sendable, Equatable {
    public var idHash: [UInt8]
    public var person: String
    /// Sent back with every change a browser makes (a form field or header), and checked.
    public var csrfToken: String
    /// How the person logged in: `password` (a local account) or `oidc`.
    public var method: String
    public var createdAt: Date
    public var lastSeenAt: Date
    /// The absolute end, however active the session is.
    public var expiresAt: Date
    public var endedAt: Date?
    /// The purpose its person chose for their reads; nil: the workspace's default.
    public var purpose: String?

    public init(idHash: [UInt8], person: String, csrfToken: String, method: String, createdAt: Date, lastSeenAt: Date,
                expiresAt: Date, endedAt: Date? = nil, purpose: String? = nil) {
        self.idHash = idHash
        self.person = person
        self.csrfToken = csrfToken
        self.method = method
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
        self.endedAt = endedAt
        self.purpose = purpose
    }
}

/// A login through the organisation's identity provider under way: what the callback must
/// match (the state, bound to the browser that started it by a cookie) and what it needs (the
/// nonce the ID token must carry, PKCE's verifier). Used once, within minutes.
public struct StoredLoginState: Sendable, Equatable {
    public var stateHash: [UInt8]
    public var bindingHash: [UInt8]
    public var nonce: String
    public var verifier: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(stateHash: [UInt8], bindingHash: [UInt8], nonce: String, verifier: String, createdAt: Date, expiresAt: Date) {
        self.stateHash = stateHash
        self.bindingHash = bindingHash
        self.nonce = nonce
        self.verifier = verifier
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
