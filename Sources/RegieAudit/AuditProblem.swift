/// Something `audit verify` found wrong, with where it is. The CLI words it in nl or en.
public struct AuditProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        // A case's own chain.
        case versionGap(expected: Int)
        case brokenLink
        case hashMismatch
        case payloadMismatch
        /// The payload or its salt is missing: there is no erasure, so this is damage.
        case payloadMissing
        case unreadable(column: String)
        // The case list against the log.
        case listDisagrees(listVersion: Int, logVersion: Int)
        case caseWithoutEvents
        case eventsWithoutListedCase
        // The commit order and the running state.
        case sequenceBroken(sequence: Int)
        case countDisagrees(stated: Int, found: Int)
        case rootDisagrees
        // Checkpoints.
        case checkpointSignature(checkpoint: Int)
        case checkpointForeignKey(checkpoint: Int)
        case checkpointOtherLog(checkpoint: Int)
        case checkpointBeyondLog(checkpoint: Int, signed: Int, found: Int)
        case checkpointRoot(checkpoint: Int)
        case checkpointHeadsList(checkpoint: Int)
        /// The case's event at the signed version is missing or differs; `confirmed` is the last
        /// version an earlier checkpoint still confirms, so the change lies after it.
        case checkpointHead(checkpoint: Int, signedVersion: Int, confirmed: Int)
        case checkpointAccess(checkpoint: Int)
        case exportedNotInDatabase
        /// The latest checkpoint lacks a cosignature that `--witness` demands.
        case cosignatureMissing(checkpoint: Int, witness: String)
        /// A witness's cosignature does not hold over the checkpoint it is stored with.
        case cosignatureBroken(checkpoint: Int, witness: String)
        // The access log.
        case accessGap(expected: Int)
        case accessLink
        case accessHash
        case accessCountDisagrees(stated: Int, found: Int)
        // Replay of the rules.
        /// Why, worded in both languages by the replayer (this target knows no wording).
        case illegalTransition(en: String, nl: String)
        case unreadablePayload
        /// A stored workflow or plugin source no longer matches the content hash it is stored under.
        case ruleSourceAltered(hash: String)
        /// A field of the case list (`cases`) is not what the case's events give.
        case listFieldDisagrees(field: String)
        /// The checkpoint policy demanded a checkpoint that is not in the database.
        case checkpointMissing(afterEvents: Int, reason: String)
        /// The report facts stored for the case are not what its events give.
        case reportFactsDisagree
    }

    public var kind: Kind
    public var caseID: Int?
    public var version: Int?
    public var accessSequence: Int?

    public init(_ kind: Kind, caseID: Int? = nil, version: Int? = nil, accessSequence: Int? = nil) {
        self.kind = kind
        self.caseID = caseID
        self.version = version
        self.accessSequence = accessSequence
    }
}
