/// The envelope holds a commitment to the payload instead of the payload itself. Erasing a
/// payload and its salt later leaves the chain intact, and the random salt stops anyone from
/// confirming a guess of an erased payload.
///
/// Format 2 (written since envelope format 2) is domain-separated and length-prefixed, so no
/// byte can move between salt and payload without changing the commitment:
///
///     SHA-256(0x02 ‖ 16-byte salt ‖ u64 payload length ‖ payload)
///
/// The tag byte 0x02 keeps commitments apart from RFC 6962's leaf (0x00) and node (0x01)
/// hashes; one byte rather than a text keeps a typical event's commitment in two SHA-256
/// blocks, which `audit verify`'s million events a second needs.
///
/// Format 1 (events written before) is SHA-256(salt ‖ payload); it is still read, and its
/// salt must be exactly ``saltLength`` bytes, which fixes the boundary there too.
public enum PayloadCommitment {
    /// Bytes of random salt per event, in every format: a salt of any other length is damage.
    public static let saltLength = 16
    /// The domain tag of format 2.
    public static let domain: UInt8 = 0x02

    /// The commitment of an envelope of the given format; nil for a format Regie never wrote
    /// or a salt of the wrong length.
    public static func of(salt: [UInt8], payload: [UInt8], format: UInt8 = EventEnvelope.format) -> ChainHash? {
        guard salt.count == saltLength else { return nil }
        var hasher = SHA256Hasher()
        switch format {
        case 1:
            hasher.update(salt)
            hasher.update(payload)
        case 2:
            hasher.update(byte: domain)
            hasher.update(salt)
            hasher.update(u64: UInt64(payload.count))
            hasher.update(payload)
        default:
            return nil
        }
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
