import Foundation

/// Everything known about a case, built by folding its events in order.
public struct CaseState: Sendable, Equatable {
    public let id: Int
    /// The version of the last event applied.
    public private(set) var version: Int
    /// Changes only when a transfer is accepted.
    public internal(set) var team: String
    public internal(set) var clientLabel: String
    public internal(set) var externalReference: String?
    /// The responsible support worker, and an optional second.
    public internal(set) var worker: String
    public internal(set) var secondWorker: String?
    /// A handover to another team that its coordinator has not yet accepted or declined.
    public internal(set) var pendingTransfer: PendingTransfer?
    /// Every reminder the plugins gave on entering a phase, open or closed.
    public internal(set) var reminders: [ReminderState] = []
    public let complex: Bool
    public internal(set) var workflow: String
    public internal(set) var workflowHash: String
    /// The plugins the case is pinned to, in order.
    public internal(set) var plugins: [PluginPin]
    public let openedAt: Date
    public let openedBy: String
    public internal(set) var status: CaseStatus
    /// Counts meeting rounds: 1 until the first next-round or renew move.
    public internal(set) var round: Int
    public internal(set) var goals: [Goal] = []
    /// When a goal was last added or changed (nil: never).
    public internal(set) var goalsLookedAt: Date?
    /// Resources still on the case; removed ones are gone from here.
    public internal(set) var resources: [Resource] = []
    public internal(set) var questions: [Question] = []
    /// The meetings planned or held; a cancelled one moves to ``cancelledMeetings``.
    public internal(set) var meetings: [Meeting] = []
    public internal(set) var cancelledMeetings: [Meeting] = []
    /// Items ticked by hand in the current round, per phase.
    public internal(set) var ticks = PhaseTicks()
    /// Time logged and not withdrawn, with corrections applied.
    public internal(set) var timeEntries: [TimeEntry] = []
    public internal(set) var withdrawnTime: [TimeEntry] = []
    public internal(set) var history: [TransitionRecord] = []
    /// Every correction, in order, with the value it replaced.
    public internal(set) var corrections: [CorrectionRecord] = []
    /// True once a resource of kind informal has said yes (contact willing) or was chosen as a
    /// member; later changes do not undo it. The team report's "network involved".
    public internal(set) var informalNetworkInvolved = false
    /// The highest resource id ever used, so that ids of removed resources are not reused.
    public internal(set) var lastResourceID = 0
    public internal(set) var lastChangedAt: Date
    /// The case before its last event, which ``Undone`` returns to.
    var undoPoint = UndoPoint()

    /// The state right after a case was opened.
    public init(id: Int, opened: CaseOpened, at: Date, by actor: String) {
        self.id = id
        self.version = 1
        self.team = opened.team
        self.clientLabel = opened.clientLabel
        self.externalReference = opened.externalReference
        self.complex = opened.complex
        self.workflow = opened.workflow
        self.workflowHash = opened.workflowHash
        self.plugins = opened.plugins ?? []
        self.openedAt = at
        self.openedBy = actor
        self.worker = opened.worker ?? actor
        self.secondWorker = opened.secondWorker
        self.status = .active(.goals)
        self.round = 1
        self.lastChangedAt = at
    }

    /// Folds a case's events into its state.
    /// - Throws: ``ReplayError`` when the stream does not start with an opening, skips a
    ///   version, or opens twice.
    public static func replay(_ events: [RecordedEvent]) throws(ReplayError) -> CaseState {
        guard let first = events.first, case .opened(let opened) = first.event, first.version == 1 else {
            throw ReplayError(caseID: events.first?.caseID ?? 0, version: events.first?.version ?? 0,
                              problem: "the stream does not start with the opening of the case")
        }
        var state = CaseState(id: first.caseID, opened: opened, at: first.recordedAt, by: first.actor)
        for event in events.dropFirst() {
            try state.apply(event)
        }
        return state
    }

    /// Applies one recorded event.
    /// - Throws: ``ReplayError`` when the event is not the next version or opens the case again.
    public mutating func apply(_ recorded: RecordedEvent) throws(ReplayError) {
        guard recorded.version == version + 1 else {
            throw ReplayError(caseID: id, version: recorded.version, problem: "expected version \(version + 1)")
        }
        if case .opened = recorded.event {
            throw ReplayError(caseID: id, version: recorded.version, problem: "the case is opened a second time")
        }
        if case .undone(let undone) = recorded.event {
            guard let before = undoPoint.state, undone.version == version else {
                throw ReplayError(caseID: id, version: recorded.version, problem: "it takes back an event that is not the last")
            }
            self = before
            corrections.append(CorrectionRecord(version: recorded.version, actor: recorded.actor, at: recorded.recordedAt,
                                                change: .undone(version: undone.version, type: undone.type)))
        } else {
            var before = self
            before.undoPoint = UndoPoint()
            undoPoint = UndoPoint(before, last: recorded)
            apply(recorded.event, actor: recorded.actor, at: recorded.recordedAt, version: recorded.version)
        }
        version = recorded.version
        lastChangedAt = recorded.recordedAt
    }

    /// The last event, which an undo would take back; nil right after an undo or the opening.
    public var lastUndoable: Int? { undoPoint.state == nil ? nil : version }

    /// When the case entered its current status (phase, pause or closing).
    public var statusSince: Date { history.last?.at ?? openedAt }

    /// The reminders not yet done or dismissed.
    public var openReminders: [ReminderState] { reminders.filter { $0.closed == nil } }

    /// The members of the resource group: resources the client chose.
    public var members: [Resource] { resources.filter(\.isMember) }

    /// Total professional time logged, in minutes.
    public var minutesLogged: Int { timeEntries.reduce(0) { $0 + $1.minutes } }

    public func goal(_ id: Int) -> Goal? { goals.first { $0.id == id } }
    public func resource(_ id: Int) -> Resource? { resources.first { $0.id == id } }
    public func question(_ id: Int) -> Question? { questions.first { $0.id == id } }
    public func meeting(_ id: Int) -> Meeting? { meetings.first { $0.id == id } }
}

/// A handover to another team, waiting for that team's coordinator.
public struct PendingTransfer: Sendable, Equatable {
    public var toTeam: String
    public var reason: String
    public var requestedBy: String
    public var requestedAt: Date
}

/// A plugin's reminder as the case keeps it.
public struct ReminderState: Sendable, Equatable {
    public var reminder: Reminder
    /// When the move that gave it was made.
    public var givenAt: Date
    public var closed: ReminderClosed?
}

/// The case as it was before its last event. Boxed so that a state holds one earlier state,
/// never a chain; not part of the case's value, so two states compare by what they record.
struct UndoPoint: Sendable, Equatable {
    private final class Box: Sendable {
        let state: CaseState
        let last: RecordedEvent
        init(_ state: CaseState, _ last: RecordedEvent) {
            self.state = state
            self.last = last
        }
    }

    private let box: Box?

    init() { box = nil }
    init(_ state: CaseState, last: RecordedEvent) { box = Box(state, last) }

    /// The case before its last event, and that event.
    var state: CaseState? { box?.state }
    var last: RecordedEvent? { box?.last }

    static func == (lhs: UndoPoint, rhs: UndoPoint) -> Bool { true }
}

/// A stream of events that cannot be folded.
public struct ReplayError: Error, Sendable, Equatable {
    public var caseID: Int
    public var version: Int
    public var problem: String
}
