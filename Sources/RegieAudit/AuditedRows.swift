import Foundation

/// A case event as stored, with the columns the audit trail checks. A column that cannot be
/// read as what it should be (a hash of the wrong length) arrives as nil and is reported.
public struct AuditedEvent: Sendable {
    /// The envelope format the event was written in (1 or 2); anything else is damage.
    public var format: Int
    public var caseID: Int
    public var version: Int
    /// Position in the commit order of the whole log, from 1.
    public var sequence: Int
    public var type: String
    public var actor: String
    public var recordedAt: Int64
    /// As stored: `sha256:<hex>` content hashes, workflow first.
    public var rules: [String]
    /// nil only when damaged: Regie has no erasure yet, so a missing salt or payload is a break.
    public var salt: [UInt8]?
    public var payload: [UInt8]?
    public var commitment: ChainHash?
    public var previous: ChainHash?
    public var hash: ChainHash?

    public init(format: Int = Int(EventEnvelope.format), caseID: Int, version: Int, sequence: Int, type: String, actor: String, recordedAt: Int64, rules: [String],
                salt: [UInt8]?, payload: [UInt8]?, commitment: ChainHash?, previous: ChainHash?, hash: ChainHash?) {
        self.format = format
        self.caseID = caseID
        self.version = version
        self.sequence = sequence
        self.type = type
        self.actor = actor
        self.recordedAt = recordedAt
        self.rules = rules
        self.salt = salt
        self.payload = payload
        self.commitment = commitment
        self.previous = previous
        self.hash = hash
    }
}

/// An access-log entry as stored.
public struct AuditedAccess: Sendable {
    public var envelope: AccessEnvelope
    public var hash: ChainHash?

    public init(envelope: AccessEnvelope, hash: ChainHash?) {
        self.envelope = envelope
        self.hash = hash
    }
}

/// The running state of the log as the store keeps it: kept in one row and updated with
/// every append, so a checkpoint can be made without rereading the log.
public struct AuditState: Sendable, Equatable {
    public var logID: String
    public var merkle: MerkleLog
    public var accessEntries: Int
    public var accessHead: ChainHash

    public init(logID: String, merkle: MerkleLog, accessEntries: Int, accessHead: ChainHash) {
        self.logID = logID
        self.merkle = merkle
        self.accessEntries = accessEntries
        self.accessHead = accessHead
    }

    /// The checkpoint statement for the log as it is now.
    public func checkpoint(at time: Date, heads: [CaseHead]) -> Checkpoint {
        Checkpoint(logID: logID, time: time, events: merkle.count, root: merkle.root, heads: heads,
                   accessEntries: accessEntries, accessHead: accessHead)
    }
}

/// A checkpoint as kept in the database: its number, what made it, and the heads it lists.
public struct StoredCheckpoint: Sendable {
    public var id: Int
    public var trigger: String
    public var signed: SignedCheckpoint
    public var heads: [CaseHead]

    public init(id: Int, trigger: String, signed: SignedCheckpoint, heads: [CaseHead]) {
        self.id = id
        self.trigger = trigger
        self.signed = signed
        self.heads = heads
    }
}

/// The case list's idea of a case's head, checked against the log.
public struct ListedCase: Sendable {
    public var caseID: Int
    public var version: Int
    public var head: ChainHash?
    /// The version of the case the last checkpoint listed (0: none yet).
    public var checkpointedVersion: Int

    public init(caseID: Int, version: Int, head: ChainHash?, checkpointedVersion: Int = 0) {
        self.caseID = caseID
        self.version = version
        self.head = head
        self.checkpointedVersion = checkpointedVersion
    }
}
