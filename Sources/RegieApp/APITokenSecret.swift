import Foundation

/// The secret of an API token: `regie_` and 32 random bytes in base64url (43 characters). The
/// prefix lets secret scanners and people recognise a leaked one; only its SHA-256 is stored.
package enum APITokenSecret {
    static let prefix = "regie_"

    /// A new secret, its hash and a public id for lists.
    package static func generate() -> (secret: String, hash: [UInt8], id: String) {
        let secret = prefix + RandomSecret.text()
        let id = RandomSecret.bytes(6).map { String(format: "%02x", $0) }.joined()
        return (secret, RandomSecret.hash(secret), id)
    }

    /// The stored hash of a presented secret; nil if it cannot be one of Regie's tokens, so that
    /// a malformed header never reaches the store.
    package static func hashIfWellFormed(_ presented: String) -> [UInt8]? {
        guard presented.hasPrefix(prefix), RandomSecret.isWellFormed(presented.dropFirst(prefix.count)) else { return nil }
        return RandomSecret.hash(presented)
    }
}
