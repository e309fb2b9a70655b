import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), the second
/// factor of local accounts; what authenticator apps show.
package struct TOTP: Sendable {
    package let secret: [UInt8]
    package static let step: TimeInterval = 30

    package init(secret: [UInt8]) { self.secret = secret }

    /// A new random secret of 20 bytes (RFC 4226's recommended length).
    package static func newSecret() -> [UInt8] { RandomSecret.bytes(20) }

    /// The code for the 30-second step `counter`.
    package func code(counter: UInt64) -> Int {
        var message = [UInt8](repeating: 0, count: 8)
        for index in 0..<8 { message[index] = UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64(index))) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        return Int(value % 1_000_000)
    }

    package static func counter(at date: Date) -> UInt64 { UInt64(max(0, date.timeIntervalSince1970) / step) }

    /// The step a typed code matches, allowing one step either side for clocks that drift;
    /// nil if none does. The caller refuses a step at or before the last one used, so that a
    /// code seen over someone's shoulder cannot be used again.
    package func matchingCounter(_ typed: String, at date: Date) -> UInt64? {
        let digits = typed.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let value = Int(digits) else { return nil }
        let now = Self.counter(at: date)
        for counter in [now, now &- 1, now + 1] where code(counter: counter) == value { return counter }
        return nil
    }

    /// The secret as authenticator apps take it when typed in: base32 without padding.
    package var base32: String { Base32.encode(secret) }
}

/// RFC 4648 base32, upper case, without padding.
package enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    package static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer = 0, bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return output
    }
}
