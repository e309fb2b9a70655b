import Crypto
import Foundation

/// Random secrets for links, sessions and tokens: bytes from the system's generator, written
/// in base64url without padding, and the SHA-256 a store keeps instead of the secret.
package enum RandomSecret {
    package static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// `count` random bytes as base64url (43 characters for 32 bytes).
    package static func text(_ count: Int = 32) -> String { base64url(bytes(count)) }

    package static func base64url(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Whether a presented text can be a secret of ours (base64url of that many characters),
    /// so that nothing else reaches the store.
    package static func isWellFormed(_ text: Substring, length: Int = 43) -> Bool {
        text.count == length && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    package static func hash(_ text: String) -> [UInt8] { Array(SHA256.hash(data: Data(text.utf8))) }
}
