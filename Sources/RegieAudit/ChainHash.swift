
/// A SHA-256 digest in the audit trail: an event's hash, a payload commitment, a Merkle node.
/// Held inline (four words), so a million of them cost no allocations.
public struct ChainHash: Hashable, Sendable, CustomStringConvertible {
    private var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    /// The previous hash of a case's first event, and of the first access entry: 32 zero bytes.
    public static let zero = ChainHash(w0: 0, w1: 0, w2: 0, w3: 0)

    private init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3)
    }

    /// - Returns: nil unless `bytes` holds exactly 32 bytes.
    public init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        (w0, w1, w2, w3) = Array(bytes).withUnsafeBytes { Self.words($0) }
    }

    /// - Returns: nil unless `raw` holds exactly 32 bytes.
    public init?(rawBytes raw: UnsafeRawBufferPointer) {
        guard raw.count == 32 else { return nil }
        (w0, w1, w2, w3) = Self.words(raw)
    }

    init(digestBytes raw: UnsafeRawBufferPointer) {
        (w0, w1, w2, w3) = Self.words(raw)
    }

    private static func words(_ raw: UnsafeRawBufferPointer) -> (UInt64, UInt64, UInt64, UInt64) {
        (UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
         UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
         UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
         UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
    }

    /// SHA-256 of the given bytes.
    public static func sha256(_ data: [UInt8]) -> ChainHash {
        var hasher = SHA256Hasher()
        hasher.update(data)
        return hasher.finalize()
    }

    /// The 32 bytes, most significant first.
    public var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: w0.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: w1.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: w2.bigEndian, toByteOffset: 16, as: UInt64.self)
            raw.storeBytes(of: w3.bigEndian, toByteOffset: 24, as: UInt64.self)
        }
        return out
    }

    /// Calls `body` with the 32 bytes, without building an array.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        var words = (w0.bigEndian, w1.bigEndian, w2.bigEndian, w3.bigEndian)
        return withUnsafeBytes(of: &words, body)
    }

    /// Appends the 32 bytes to a byte writer.
    func write(to writer: inout ByteWriter) {
        writer.u64(w0)
        writer.u64(w1)
        writer.u64(w2)
        writer.u64(w3)
    }

    /// Parses 64 lower- or upper-case hex digits.
    public init?(hex: some StringProtocol) {
        guard hex.utf8.count == 64 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        var high: UInt8?
        for c in hex.utf8 {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high { out.append(h << 4 | nibble); high = nil } else { high = nibble }
        }
        self.init(out)
    }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }
}
