import Crypto
import Foundation
import RegieAudit
import RegieCore

/// Everything the application needs from storage, for every backend (SQLite embedded,
/// PostgreSQL shared). Every write is one transaction; every append states the version it
/// read, and a writer that read an old version gets ``StoreError/conflict(caseID:expected:actual:)``
/// and writes nothing. Global positions (the Merkle leaf index) are handed out without gaps in
/// commit order, so the order of the audit log is the order things happened.
///
/// The methods are async so that a server can call them from its event loop: a backend whose
/// driver blocks (SQLite) does that work off Swift's cooperative pool. The conformance suite in
/// `RegieStoreConformance` checks that a backend keeps these promises.
public protocol EventStore: CredentialStore, ConfigurationStore {
    /// Where the store is, for messages: a file path, or a URL without its password.
    var location: String { get }
    /// Opened read-only: every write fails with ``StoreError/readOnly(path:)``.
    var isReadOnly: Bool { get }
    /// A demo or test store (created with a fixed clock): only there may the clock be fixed.
    var allowsFixedClock: Bool { get }
    /// When set, the store makes a checkpoint every so many events or reads, whenever a case
    /// closes and after a bulk import, in the same transaction as what caused it.
    var checkpointPolicy: CheckpointPolicy? { get set }

    /// Opens a new case: stores the workflow's and plugins' sources by hash, assigns the case id
    /// and records the opening event (and the case's first report facts), in one transaction.
    /// - Parameter pluginSources: the source of each plugin in `opened.plugins`, in order.
    func openCase(_ opened: CaseOpened, workflowSource: String, pluginSources: [String], actor: String, at date: Date)
        async throws(StoreError) -> RecordedEvent

    /// Appends events, stores rule sources (for a migration) and the case's report facts after
    /// them, in one transaction, if the case's version is still `expectedVersion`.
    /// - Parameter facts: nil forgets the stored facts; reports then work them out from the events.
    func append(_ events: [CaseEvent], to caseID: Int, expectedVersion: Int, actor: String, at date: Date,
                ruleSources: [RuleSource], facts: CaseFacts?) async throws(StoreError) -> [RecordedEvent]

    /// A case's events in order. - Throws: ``StoreError/caseNotFound(_:)``.
    func events(of caseID: Int) async throws(StoreError) -> [RecordedEvent]

    /// The case list, optionally of one team, ordered by case id.
    func summaries(team: String?) async throws(StoreError) -> [CaseSummary]

    /// The ids of the cases that have at least one event of this stored type, in order: how
    /// rare events (a transfer offered to a team) are found without replaying every case.
    func caseIDs(withEventType type: String) async throws(StoreError) -> [Int]

    /// The stored source with this content hash, checked against it (``StoreError/ruleAltered(hash:)``).
    func ruleSource(hash: String) async throws(StoreError) -> String?

    /// Every stored source of a kind (`workflow`, `plugin`) that still matches its hash.
    func ruleSources(kind: String) async throws(StoreError) -> [StoredRule]

    /// The hashes of stored sources that no longer match them.
    func alteredRuleSources() async throws(StoreError) -> [String]

    /// Hands the report facts of every case of these teams (nil: all) to `body`, one at a time.
    /// - Returns: the ids of the cases of these teams that have no facts stored.
    func forEachCaseFacts(teams: [String]?, _ body: @escaping (CaseFacts) -> Void) async throws(StoreError) -> [Int]

    /// Replaces the stored report facts (with their case-list part) of these cases, in one
    /// transaction. They are derived rows: the record itself does not change.
    func replaceFacts(_ facts: [CaseFacts]) async throws(StoreError)

    /// Records reads of case data in the access log, in this order, in one transaction: one
    /// entry per case each showed (nil: a read across cases). A server gathers the reads of
    /// requests that arrive together into one call, so that they share one commit.
    func recordAccesses(_ reads: [AccessRead]) async throws(StoreError)

    /// Reads the audit trail as it is at one moment (one read transaction): first the snapshot
    /// the selection asks for, then its events in (case, version) order, then its access entries.
    func readAuditTrail(_ selection: AuditTrailSelection, into visitor: any AuditTrailVisitor) async throws(StoreError)

    /// The hash of every event in commit order up to `count`, for a witness's consistency proof.
    func eventHashes(upTo count: Int) async throws(StoreError) -> [ChainHash]

    /// Stores a witness's cosignature of a checkpoint.
    func addCosignature(_ signature: NoteSignature, to checkpointID: Int) async throws(StoreError)

    /// Signs every pending checkpoint and a new one of the log as it is now, in one transaction.
    func signAndMakeCheckpoint(key: Curve25519.Signing.PrivateKey, at date: Date, trigger: String)
        async throws(StoreError) -> (made: StoredCheckpoint, signedPending: Int)

    /// Imports whole case streams (each from its opening, without gaps) in one transaction,
    /// under new case ids. - Returns: the new ids, in order.
    func importCases(_ streams: [[RecordedEvent]], workflowSources: [String: String]) async throws(StoreError) -> [Int]

    /// How many rows the store holds, for checks that a failed command changed nothing.
    func counts() async throws(StoreError) -> StoreCounts

    /// Reads the whole store, row by row, in one read transaction.
    func exportCopy() async throws(StoreError) -> StoreCopy

    /// Writes a whole store read by ``exportCopy()`` into this one, which must be empty, in one
    /// transaction: it holds exactly those rows afterwards, or nothing.
    func importCopy(_ copy: StoreCopy) async throws(StoreError)

    /// Lets go of the connections; the store cannot be used afterwards. SQLite then folds its
    /// write-ahead log back into the file, so that a copy of the file alone is complete.
    func close() async
}

extension EventStore {
    public func append(_ events: [CaseEvent], to caseID: Int, expectedVersion: Int, actor: String, at date: Date)
        async throws(StoreError) -> [RecordedEvent]
    {
        try await append(events, to: caseID, expectedVersion: expectedVersion, actor: actor, at: date, ruleSources: [], facts: nil)
    }

    /// The report facts of these teams' cases and the ids of those without.
    public func caseFacts(teams: [String]?) async throws(StoreError) -> (facts: [CaseFacts], missing: [Int]) {
        let collected = Collected<CaseFacts>()
        let missing = try await forEachCaseFacts(teams: teams) { collected.add($0) }
        return (collected.items, missing)
    }

    /// Signs a checkpoint of the log as it is now (and every pending one).
    public func makeCheckpoint(key: Curve25519.Signing.PrivateKey, at date: Date, trigger: String)
        async throws(StoreError) -> StoredCheckpoint
    {
        try await signAndMakeCheckpoint(key: key, at: date, trigger: trigger).made
    }
}

/// A workflow or plugin source as stored, under its content hash.
public struct StoredRule: Sendable, Equatable {
    public var hash: String
    public var name: String
    public var source: String

    public init(hash: String, name: String, source: String) {
        self.hash = hash
        self.name = name
        self.source = source
    }
}

/// How many rows a store holds.
public struct StoreCounts: Sendable, Equatable {
    public var events: Int
    public var cases: Int
    public var ruleSources: Int
    public var accessEntries: Int
    public var checkpoints: Int

    public init(events: Int, cases: Int, ruleSources: Int, accessEntries: Int, checkpoints: Int) {
        self.events = events
        self.cases = cases
        self.ruleSources = ruleSources
        self.accessEntries = accessEntries
        self.checkpoints = checkpoints
    }
}

/// Items handed over one at a time by a store's reading task, collected for the caller, who
/// awaits the reading and so never touches them concurrently.
final class Collected<Item>: @unchecked Sendable {
    private(set) var items: [Item] = []
    func add(_ item: Item) { items.append(item) }
}

extension EventStore {
    /// Records one read of case data, one entry per case shown (nil: a read across cases).
    public func recordAccess(by reader: AccessReader, at date: Date, caseIDs: [Int?], action: String) async throws(StoreError) {
        try await recordAccesses([AccessRead(reader: reader, at: date, caseIDs: caseIDs, action: action)])
    }
}
