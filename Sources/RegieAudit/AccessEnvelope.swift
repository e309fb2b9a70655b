/// What is hashed for each entry of the access log (who read what): the fact of the read,
/// never the content. Byte layout (see docs/audit.md):
///
///     u8 format · u64 sequence · 32 previous hash · str actor · str role · i64 at (ms) ·
///     u64 case (0: no single case) · str action · str purpose [· str address]
///
/// Format 1 has no address: reads on the command line, and every entry written before
/// format 2 existed. Format 2 ends with the network address a server read came from.
public struct AccessEnvelope: Sendable, Equatable {

    public var sequence: Int
    public var previous: ChainHash
    public var actor: String
    public var role: String
    public var at: Int64
    /// The case that was read, or nil for a read across cases (a list, a team report).
    public var caseID: Int?
    /// The command that read, such as `case show`.
    public var action: String
    /// Why, as stated with `--purpose` or the workspace default.
    public var purpose: String
    /// The network address of a read through the server; nil on the command line.
    public var address: String?

    public init(sequence: Int, previous: ChainHash, actor: String, role: String, at: Int64, caseID: Int?,
                action: String, purpose: String, address: String? = nil) {
        self.sequence = sequence
        self.previous = previous
        self.actor = actor
        self.role = role
        self.at = at
        self.caseID = caseID
        self.action = action
        self.purpose = purpose
        self.address = address
    }

    public var format: UInt8 { address == nil ? 1 : 2 }

    public var bytes: [UInt8] {
        var w = ByteWriter()
        w.u8(format)
        w.u64(UInt64(bitPattern: Int64(sequence)))
        previous.write(to: &w)
        w.string(actor)
        w.string(role)
        w.i64(at)
        w.u64(UInt64(bitPattern: Int64(caseID ?? 0)))
        w.string(action)
        w.string(purpose)
        if let address { w.string(address) }
        return w.bytes
    }

    public var hash: ChainHash { .sha256(bytes) }
}
