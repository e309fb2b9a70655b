import Crypto
import Foundation

/// The secret of an API token: `regie_` and 32 random bytes in base64url (43 characters). The
/// prefix lets secret scanners and people recognise a leaked one; only its SHA-256 is stored.
package enum APITokenSecret {
    static let prefix = "regie_"

    /// A new secret, its hash and a public id for lists.
    package static func generate() -> (secret: String, hash: [UInt8], id: String) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let secret = prefix + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let id = (0..<6).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
        return (secret, hash(secret), id)
    }

    /// The stored hash of a presented secret; nil if it cannot be one of Regie's tokens, so that
    /// a malformed header never reaches the store.
    package static func hashIfWellFormed(_ presented: String) -> [UInt8]? {
        guard presented.hasPrefix(prefix), presented.count == prefix.count + 43,
              presented.dropFirst(prefix.count).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        return hash(presented)
    }

    private static func hash(_ secret: String) -> [UInt8] { Array(SHA256.hash(data: Data(secret.utf8))) }
}
