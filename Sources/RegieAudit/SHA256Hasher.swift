import CSHA256

/// SHA-256 through Regie's own C code (SHA extensions where the CPU has them): no allocation
/// per hash, which is what lets `audit verify` check a million events a second. Tests hold it
/// to swift-crypto's results.
struct SHA256Hasher {
    private var context = regie_sha256_ctx()

    init() { regie_sha256_init(&context) }

    mutating func update(_ raw: UnsafeRawBufferPointer) {
        regie_sha256_update(&context, raw.baseAddress, raw.count)
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    mutating func update(byte: UInt8) {
        withUnsafeBytes(of: byte) { update($0) }
    }

    mutating func update(u32 value: UInt32) {
        withUnsafeBytes(of: value.bigEndian) { update($0) }
    }

    mutating func update(u64 value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { update($0) }
    }

    /// A u32 big-endian byte length, then the UTF-8 bytes (the `str` of docs/audit.md).
    mutating func update(string: String) {
        var string = string
        string.withUTF8 { utf8 in
            update(u32: UInt32(utf8.count))
            update(UnsafeRawBufferPointer(utf8))
        }
    }

    mutating func update(_ hash: ChainHash) {
        hash.withBytes { update($0) }
    }

    mutating func finalize() -> ChainHash {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &digest) { raw in
            regie_sha256_final(&context, raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        return withUnsafeBytes(of: &digest) { ChainHash(digestBytes: $0) }
    }

    /// True when the CPU's SHA extensions are in use.
    static var usesHardware: Bool { regie_sha256_uses_hardware() != 0 }

    /// For tests: run the portable code even where the SHA extensions exist.
    static func usePortable(_ on: Bool) { regie_sha256_use_portable(on ? 1 : 0) }
}
