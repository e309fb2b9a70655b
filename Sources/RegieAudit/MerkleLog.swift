/// The Merkle tree hash of RFC 6962 over every event envelope in commit order, kept as its
/// frontier: the roots of the perfect subtrees that make up the tree so far, at most one per
/// level. Appending costs one hash on average and the root is ready at any time, so a
/// checkpoint never has to reread the log.
///
///     leaf = SHA-256(0x00 ‖ envelope) = the event's hash      node = SHA-256(0x01 ‖ left ‖ right)
public struct MerkleLog: Sendable, Equatable {
    /// Leaves appended so far.
    public private(set) var count: Int = 0
    /// `levels[i]` holds the root of a perfect subtree of 2^i leaves when bit i of `count` is set.
    private var levels: [ChainHash?] = []

    public init() {}

    /// Appends an event, given its hash (which is already the RFC 6962 leaf hash).
    public mutating func append(_ eventHash: ChainHash) {
        var carry = eventHash
        var level = 0
        while level < levels.count, let left = levels[level] {
            carry = Self.node(left, carry)
            levels[level] = nil
            level += 1
        }
        if level == levels.count { levels.append(carry) } else { levels[level] = carry }
        count += 1
    }

    /// The tree hash of all leaves so far; SHA-256 of nothing for an empty log.
    public var root: ChainHash {
        var accumulated: ChainHash?
        for subtree in levels {
            guard let subtree else { continue }
            accumulated = accumulated.map { Self.node(subtree, $0) } ?? subtree
        }
        return accumulated ?? .sha256([])
    }

    static func node(_ left: ChainHash, _ right: ChainHash) -> ChainHash {
        var hasher = SHA256Hasher()
        hasher.update(byte: 1)
        hasher.update(left)
        hasher.update(right)
        return hasher.finalize()
    }

    // MARK: - Stored form

    /// u64 count, then the subtree roots from the lowest level up (one per set bit of count).
    public var serialized: [UInt8] {
        var w = ByteWriter(capacity: 8 + levels.count * 32)
        w.u64(UInt64(bitPattern: Int64(count)))
        for subtree in levels { if let subtree { subtree.write(to: &w) } }
        return w.bytes
    }

    /// - Returns: nil when the bytes are not a frontier this type wrote.
    public init?(serialized bytes: [UInt8]) {
        guard bytes.count >= 8 else { return nil }
        let count = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard count <= UInt64(Int.max) else { return nil }
        var levels: [ChainHash?] = []
        var offset = 8
        var remaining = count
        while remaining > 0 {
            if remaining & 1 == 1 {
                guard offset + 32 <= bytes.count else { return nil }
                levels.append(ChainHash(bytes[offset..<offset + 32])!)
                offset += 32
            } else {
                levels.append(nil)
            }
            remaining >>= 1
        }
        guard offset == bytes.count else { return nil }
        self.count = Int(count)
        self.levels = levels
    }
}
