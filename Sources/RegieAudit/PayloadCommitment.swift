/// The envelope holds a commitment to the payload instead of the payload itself:
/// SHA-256(salt ‖ payload). Erasing a payload and its salt later leaves the chain intact,
/// and the random salt stops anyone from confirming a guess of an erased payload.
public enum PayloadCommitment {
    /// Bytes of random salt per event.
    public static let saltLength = 16

    public static func of(salt: [UInt8], payload: [UInt8]) -> ChainHash {
        var hasher = SHA256Hasher()
        hasher.update(salt)
        hasher.update(payload)
        return hasher.finalize()
    }

    /// A fresh salt from the system's secure random source.
    public static func newSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var salt = [UInt8](repeating: 0, count: saltLength)
        var index = 0
        while index < saltLength {
            var word = generator.next()
            for _ in 0..<8 where index < saltLength {
                salt[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                index += 1
            }
        }
        return salt
    }
}
