/// RFC 9162 (§2.1.4) consistency proofs between two sizes of the Merkle log: what a witness
/// checks before it cosigns a checkpoint, so that it never cosigns a log that rewrote what it
/// cosigned before.
public enum ConsistencyProof {
    /// The proof that the first `first` leaves of `leaves` are a prefix of all of them.
    /// - Precondition: 0 < first < leaves.count (otherwise the proof is empty).
    public static func make(first: Int, leaves: [ChainHash]) -> [ChainHash] {
        guard first > 0, first < leaves.count else { return [] }
        return subproof(first, leaves[...], complete: true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<ChainHash>, complete: Bool) -> [ChainHash] {
        let n = leaves.count
        if m == n { return complete ? [] : [root(leaves)] }
        let k = largestPowerOfTwo(below: n)
        let start = leaves.startIndex
        if m <= k {
            return subproof(m, leaves[start..<start + k], complete: complete) + [root(leaves[(start + k)...])]
        }
        return subproof(m - k, leaves[(start + k)...], complete: false) + [root(leaves[start..<start + k])]
    }

    /// RFC 6962's tree hash of these leaves (already leaf hashes).
    public static func root(_ leaves: ArraySlice<ChainHash>) -> ChainHash {
        var log = MerkleLog()
        for leaf in leaves { log.append(leaf) }
        return log.root
    }

    static func largestPowerOfTwo(below n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }

    /// Whether `proof` shows that the tree of `first` leaves with root `firstRoot` is a prefix
    /// of the tree of `second` leaves with root `secondRoot` (RFC 9162 §2.1.4.2).
    public static func verify(first: Int, second: Int, firstRoot: ChainHash, secondRoot: ChainHash, proof: [ChainHash]) -> Bool {
        guard first >= 0, first <= second else { return false }
        if first == second { return proof.isEmpty && firstRoot == secondRoot }
        if first == 0 { return proof.isEmpty }
        guard !proof.isEmpty else { return false }
        var path = proof
        if first & (first - 1) == 0 { path.insert(firstRoot, at: 0) }
        var fn = first - 1, sn = second - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var fr = path[0], sr = path[0]
        for c in path.dropFirst() {
            if sn == 0 { return false }
            if fn & 1 == 1 || fn == sn {
                fr = MerkleLog.node(c, fr)
                sr = MerkleLog.node(c, sr)
                if fn & 1 == 0 {
                    while fn & 1 == 0 && fn != 0 {
                        fn >>= 1
                        sn >>= 1
                    }
                }
            } else {
                sr = MerkleLog.node(sr, c)
            }
            fn >>= 1
            sn >>= 1
        }
        return fr == firstRoot && sr == secondRoot && sn == 0
    }
}
