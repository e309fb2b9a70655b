import Testing
@testable import RegieAudit

@Suite("Consistency proofs (RFC 9162)")
struct ConsistencyProofTests {
    static func leaves(_ n: Int, salt: UInt8 = 0) -> [ChainHash] { (0..<n).map { ChainHash.sha256([UInt8(truncatingIfNeeded: $0), salt]) } }

    @Test("every prefix of every log up to 40 leaves is proven consistent, and nothing else is")
    func proofs() {
        for n in 1...40 {
            let all = Self.leaves(n)
            let secondRoot = ConsistencyProof.root(all[...])
            for m in 1...n {
                let proof = ConsistencyProof.make(first: m, leaves: all)
                let firstRoot = ConsistencyProof.root(all[..<m])
                #expect(ConsistencyProof.verify(first: m, second: n, firstRoot: firstRoot, secondRoot: secondRoot, proof: proof),
                        "\(m) of \(n)")
                guard m < n else { continue }
                // A rewritten earlier leaf: the old root no longer fits.
                var rewritten = all
                rewritten[m - 1] = .sha256([0xff])
                #expect(!ConsistencyProof.verify(first: m, second: n, firstRoot: ConsistencyProof.root(rewritten[..<m]),
                                                 secondRoot: secondRoot, proof: proof), "\(m) of \(n), rewritten")
                #expect(!ConsistencyProof.verify(first: m, second: n, firstRoot: firstRoot, secondRoot: .sha256([1]), proof: proof))
                if !proof.isEmpty {
                    var bent = proof
                    bent[0] = .sha256([7])
                    #expect(!ConsistencyProof.verify(first: m, second: n, firstRoot: firstRoot, secondRoot: secondRoot, proof: bent))
                }
            }
        }
    }
}
