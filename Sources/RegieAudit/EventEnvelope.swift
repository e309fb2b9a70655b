/// What is hashed for each case event: everything about the event except the payload itself,
/// which is represented by its commitment. The byte layout is in docs/audit.md; formats 1 and
/// 2 share it and differ in the payload commitment (``PayloadCommitment``):
///
///     u8 format · u64 case · u64 version · 32 previous hash · str type · str actor ·
///     i64 recorded_at (ms) · u32 rule count · 32 rule digest… · 32 payload commitment
///
/// Integers are big-endian; `str` is a u32 byte length followed by UTF-8. The event's hash is
/// SHA-256(0x00 ‖ envelope): the RFC 6962 leaf hash, so the Merkle log takes it as it is.
public struct EventEnvelope: Sendable, Equatable {
    /// The format Regie writes; format 1 (before the length-prefixed commitment) is still read.
    public static let format: UInt8 = 2
    public static let readableFormats: ClosedRange<UInt8> = 1...2

    public var format: UInt8

    public var caseID: Int
    public var version: Int
    public var previous: ChainHash
    public var type: String
    public var actor: String
    /// Milliseconds since 1970-01-01 UTC, as stored.
    public var recordedAt: Int64
    /// SHA-256 content hashes of the workflow and the plugins in force, workflow first.
    public var rules: [ChainHash]
    public var commitment: ChainHash

    public init(format: UInt8 = EventEnvelope.format, caseID: Int, version: Int, previous: ChainHash, type: String,
                actor: String, recordedAt: Int64, rules: [ChainHash], commitment: ChainHash) {
        self.format = format
        self.caseID = caseID
        self.version = version
        self.previous = previous
        self.type = type
        self.actor = actor
        self.recordedAt = recordedAt
        self.rules = rules
        self.commitment = commitment
    }

    public var bytes: [UInt8] {
        var w = ByteWriter(capacity: 128 + type.utf8.count + actor.utf8.count + rules.count * 32)
        w.u8(format)
        w.u64(UInt64(bitPattern: Int64(caseID)))
        w.u64(UInt64(bitPattern: Int64(version)))
        previous.write(to: &w)
        w.string(type)
        w.string(actor)
        w.i64(recordedAt)
        w.u32(UInt32(rules.count))
        for rule in rules { rule.write(to: &w) }
        commitment.write(to: &w)
        return w.bytes
    }

    /// The event's hash: SHA-256 of 0x00 and ``bytes``, fed to the hasher field by field.
    public var hash: ChainHash {
        var h = SHA256Hasher()
        h.update(byte: 0)
        h.update(byte: format)
        h.update(u64: UInt64(bitPattern: Int64(caseID)))
        h.update(u64: UInt64(bitPattern: Int64(version)))
        h.update(previous)
        h.update(string: type)
        h.update(string: actor)
        h.update(u64: UInt64(bitPattern: recordedAt))
        h.update(u32: UInt32(rules.count))
        for rule in rules { h.update(rule) }
        h.update(commitment)
        return h.finalize()
    }
}

extension ChainHash {
    /// Reads a rule's content hash as stored: `sha256:` and 64 hex digits.
    public init?(ruleHash text: some StringProtocol) {
        guard text.hasPrefix("sha256:") else { return nil }
        self.init(hex: text.dropFirst(7))
    }

    /// The stored form of a rule's content hash.
    public var ruleHash: String { "sha256:" + hex }
}
