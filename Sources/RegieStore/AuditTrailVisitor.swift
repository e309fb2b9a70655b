import RegieAudit

/// What to read of the audit trail in one ``EventStore/readAuditTrail(_:into:)``.
public struct AuditTrailSelection: Sendable {
    /// Events to stream (nil: none), optionally of one case or of one type.
    public var events: EventFilter?
    /// Access entries to stream (nil: none), optionally those about one case.
    public var accesses: AccessFilter?
    /// Include the checkpoints (with their heads and cosignatures) in the snapshot.
    public var checkpoints = false
    /// Include the case list's rows (of `caseListOf`, or all) in the snapshot.
    public var caseList = false
    public var caseListOf: Int?
    /// Hand on times Regie could not have written (for `audit verify`, which reports them);
    /// otherwise such a time is thrown as ``StoreError/unreadableValue(column:)``.
    public var anyTime = false

    public struct EventFilter: Sendable {
        public var caseID: Int?
        public var type: String?
        public init(caseID: Int? = nil, type: String? = nil) {
            self.caseID = caseID
            self.type = type
        }
    }

    public struct AccessFilter: Sendable {
        public var caseID: Int?
        public init(caseID: Int? = nil) { self.caseID = caseID }
    }

    public init(events: EventFilter? = nil, accesses: AccessFilter? = nil, checkpoints: Bool = false, caseList: Bool = false,
                caseListOf: Int? = nil, anyTime: Bool = false) {
        self.events = events
        self.accesses = accesses
        self.checkpoints = checkpoints
        self.caseList = caseList
        self.caseListOf = caseListOf
        self.anyTime = anyTime
    }
}

/// The parts of the audit trail that are read whole, at the same moment as what is streamed.
public struct AuditTrailSnapshot: Sendable {
    public var state: AuditState
    /// How many event rows the log holds, counted (not the count the audit state claims).
    public var eventRows: Int
    /// The case list's version and head of every case.
    public var listedCases: [ListedCase]
    /// Every checkpoint in the order made, when selected.
    public var checkpoints: [StoredCheckpoint]
    /// The case list's rows by case id when selected; nil for a row whose values Regie could
    /// not have written (reported by `audit verify`).
    public var caseListRows: [Int: CaseListRow?]

    public init(state: AuditState, eventRows: Int, listedCases: [ListedCase], checkpoints: [StoredCheckpoint],
                caseListRows: [Int: CaseListRow?]) {
        self.state = state
        self.eventRows = eventRows
        self.listedCases = listedCases
        self.checkpoints = checkpoints
        self.caseListRows = caseListRows
    }
}

/// Receives the audit trail as a store reads it: the snapshot first, then each event, then
/// each access entry. The store calls it from its reading task while the caller awaits, never
/// concurrently. A visitor does not throw: what it finds wrong it keeps, for after the read.
public protocol AuditTrailVisitor: AnyObject {
    func begin(_ snapshot: AuditTrailSnapshot)
    func visit(_ event: AuditedEvent)
    func visit(_ access: AuditedAccess)
}

extension AuditTrailVisitor {
    public func begin(_ snapshot: AuditTrailSnapshot) {}
    public func visit(_ event: AuditedEvent) {}
    public func visit(_ access: AuditedAccess) {}
}
