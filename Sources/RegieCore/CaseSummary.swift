import Foundation

/// One row of the case list: the projection that `case list` reads, kept up to date with each
/// appended event.
public struct CaseSummary: Sendable, Equatable {
    public var id: Int
    public var team: String
    public var clientLabel: String
    public var status: CaseStatus
    public var round: Int
    public var version: Int
    public var complex: Bool
    public var workflowHash: String
    public var openedAt: Date
    public var updatedAt: Date

    public init(id: Int, team: String, clientLabel: String, status: CaseStatus, round: Int, version: Int,
                complex: Bool, workflowHash: String, openedAt: Date, updatedAt: Date) {
        self.id = id
        self.team = team
        self.clientLabel = clientLabel
        self.status = status
        self.round = round
        self.version = version
        self.complex = complex
        self.workflowHash = workflowHash
        self.openedAt = openedAt
        self.updatedAt = updatedAt
    }

    /// The summary right after opening.
    public init(id: Int, opened: CaseOpened, at date: Date) {
        self.init(id: id, team: opened.team, clientLabel: opened.clientLabel, status: .active(.goals), round: 1,
                  version: 1, complex: opened.complex, workflowHash: opened.workflowHash, openedAt: date, updatedAt: date)
    }

    /// The case-list row of a case as its events have made it.
    public init(_ state: CaseState) {
        self.init(id: state.id, team: state.team, clientLabel: state.clientLabel, status: state.status, round: state.round,
                  version: state.version, complex: state.complex, workflowHash: state.workflowHash, openedAt: state.openedAt,
                  updatedAt: state.lastChangedAt)
    }

    /// The summary after one more event.
    public mutating func apply(_ recorded: RecordedEvent) {
        version = recorded.version
        updatedAt = recorded.recordedAt
        var change = SummaryChange()
        change.add(recorded.event)
        if let newStatus = change.status { status = newStatus }
        if let rules = change.rules { workflowHash = rules.workflowHash }
        if let newTeam = change.team { team = newTeam }
        if let label = change.clientLabel { clientLabel = label }
        round += change.roundsAdded
    }
}

/// What a run of events changes in a case's list row besides its version and time. The one
/// place that knows which events move the status and the round; stores that update the row
/// in place use it too.
public struct SummaryChange: Sendable, Equatable {
    /// The status after the last transition, or `nil` when no event moved the case.
    public private(set) var status: CaseStatus?
    public private(set) var roundsAdded = 0
    /// The rules after the last migration, or `nil` when none.
    public private(set) var rules: (workflowHash: String, pluginHashes: [String])?
    /// The team after an accepted transfer, and the client's label after a correction.
    public private(set) var team: String?
    public private(set) var clientLabel: String?

    public init() {}

    /// True when the team or the label changed: columns besides the status and the rules.
    public var movesOwnership: Bool { team != nil || clientLabel != nil }

    public static func == (lhs: SummaryChange, rhs: SummaryChange) -> Bool {
        lhs.status == rhs.status && lhs.roundsAdded == rhs.roundsAdded && lhs.rules?.workflowHash == rhs.rules?.workflowHash
            && lhs.rules?.pluginHashes == rhs.rules?.pluginHashes && lhs.team == rhs.team && lhs.clientLabel == rhs.clientLabel
    }

    public mutating func add(_ event: CaseEvent) {
        switch event {
        case .transitioned(let t):
            status = t.to
            if t.move == .nextRound || t.move == .renew { roundsAdded += 1 }
        case .migrated(let m):
            rules = (m.workflowHash, m.plugins.map(\.hash))
        case .transferAccepted(let t):
            team = t.toTeam
        case .clientRelabelled(let r):
            if let label = r.label { clientLabel = label }
        case .undone(let u):
            // A move or a relabelling taken back changes the list row (an undo of a transfer
            // is refused): the event says what the row returns to.
            if let before = u.status { status = before }
            if let label = u.clientLabel { clientLabel = label }
            roundsAdded -= u.roundsTakenBack ?? 0
        default:
            break
        }
    }
}
