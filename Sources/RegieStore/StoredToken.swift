import Foundation

/// An API token as the store keeps it: never the secret, only its SHA-256. A token is
/// high-entropy (32 random bytes), so a plain hash is enough to make a stolen table useless;
/// a slow password hash would only slow every request.
public struct StoredToken: Sendable, Equatable {
    /// A short public id, shown in lists and used to revoke (not secret).
    public var id: String
    /// SHA-256 of the secret the holder presents.
    public var secretHash: [UInt8]
    /// The person the token acts for.
    public var person: String
    /// What the holder called it ("laptop", "export script").
    public var name: String
    public var createdAt: Date
    public var createdBy: String
    public var expiresAt: Date
    public var revokedAt: Date?
    public var revokedBy: String?
    /// When it was last presented (nil: never).
    public var lastUsedAt: Date?

    public init(id: String, secretHash: [UInt8], person: String, name: String, createdAt: Date, createdBy: String,
                expiresAt: Date, revokedAt: Date? = nil, revokedBy: String? = nil, lastUsedAt: Date? = nil) {
        self.id = id
        self.secretHash = secretHash
        self.person = person
        self.name = name
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
        self.lastUsedAt = lastUsedAt
    }
}
