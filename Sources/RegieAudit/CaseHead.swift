/// A case's last event at some moment: its version and hash.
public struct CaseHead: Sendable, Equatable {
    public var caseID: Int
    public var version: Int
    public var hash: ChainHash

    public init(caseID: Int, version: Int, hash: ChainHash) {
        self.caseID = caseID
        self.version = version
        self.hash = hash
    }

    /// SHA-256 over the heads in case order, each as u64 case · u64 version · 32 hash.
    public static func digest(_ heads: [CaseHead]) -> ChainHash {
        var w = ByteWriter(capacity: heads.count * 48)
        for head in heads.sorted(by: { $0.caseID < $1.caseID }) {
            w.u64(UInt64(bitPattern: Int64(head.caseID)))
            w.u64(UInt64(bitPattern: Int64(head.version)))
            head.hash.write(to: &w)
        }
        return .sha256(w.bytes)
    }
}
