import Crypto
import Testing

@testable import RegieAudit

@Suite("Merkle log")
struct MerkleLogTests {
    /// RFC 6962's definition, written out recursively, to check the frontier against.
    static func referenceRoot(_ leaves: ArraySlice<ChainHash>) -> ChainHash {
        if leaves.isEmpty { return .sha256([]) }
        if leaves.count == 1 { return leaves.first! }  // an event's hash is already its leaf hash
        var k = 1
        while k * 2 < leaves.count { k *= 2 }
        let left = referenceRoot(leaves.prefix(k))
        let right = referenceRoot(leaves.dropFirst(k))
        return .sha256([1] + left.bytes + right.bytes)
    }

    static func leaves(_ n: Int) -> [ChainHash] { (0..<n).map { ChainHash.sha256(Array("event \($0)".utf8)) } }

    @Test("the root matches RFC 6962's recursive definition for every size up to 70")
    func rootMatchesReference() {
        let leaves = Self.leaves(70)
        var log = MerkleLog()
        #expect(log.root == Self.referenceRoot([]))
        for (index, leaf) in leaves.enumerated() {
            log.append(leaf)
            #expect(log.root == Self.referenceRoot(leaves[0...index]), "size \(index + 1)")
        }
    }

    @Test("the stored frontier reads back to the same log, and truncated bytes are refused")
    func serializedRoundTrip() throws {
        var log = MerkleLog()
        for leaf in Self.leaves(13) { log.append(leaf) }
        let bytes = log.serialized
        #expect(bytes.count == 8 + 3 * 32)  // 13 = 8 + 4 + 1: three subtrees
        let back = try #require(MerkleLog(serialized: bytes))
        #expect(back == log)
        #expect(MerkleLog(serialized: Array(bytes.dropLast())) == nil)
        var next = back
        next.append(Self.leaves(14)[13])
        log.append(Self.leaves(14)[13])
        #expect(next.root == log.root)
    }

    @Test("changing, dropping or swapping a leaf changes the root")
    func rootSeesChanges() {
        let leaves = Self.leaves(9)
        let root = Self.referenceRoot(leaves[...])
        var swapped = leaves
        swapped.swapAt(3, 4)
        #expect(Self.root(of: swapped) != root)
        #expect(Self.root(of: Array(leaves.dropLast())) != root)
        var changed = leaves
        changed[0] = .sha256([1])
        #expect(Self.root(of: changed) != root)
    }

    static func root(of leaves: [ChainHash]) -> ChainHash {
        var log = MerkleLog()
        for leaf in leaves { log.append(leaf) }
        return log.root
    }
}
