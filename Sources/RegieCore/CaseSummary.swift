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

    /// The summary after one more event.
    public mutating func apply(_ recorded: RecordedEvent) {
        version = recorded.version
        updatedAt = recorded.recordedAt
        if case .transitioned(let t) = recorded.event {
            status = t.to
            if t.move == .nextRound || t.move == .renew { round += 1 }
        }
    }
}
