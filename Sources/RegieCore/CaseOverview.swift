import Foundation

/// One case as a list shows it to the team: its list row, who holds it, since when it is in
/// its phase, its next meeting and its tasks, worked out from its record as it is read.
public struct CaseOverview: Sendable, Equatable {
    public var summary: CaseSummary
    public var worker: String
    public var secondWorker: String?
    public var pendingTransfer: PendingTransfer?
    /// When the case entered its current status.
    public var statusSince: Date
    /// The first meeting planned and not held, if any.
    public var nextMeeting: LocalDate?
    /// Every task (``Agenda/tasks(of:timeZone:periods:)``), due or not.
    public var tasks: [AgendaTask]

    public init(_ state: CaseState, timeZone: TimeZone, periods: Agenda.Periods) {
        summary = CaseSummary(state)
        worker = state.worker
        secondWorker = state.secondWorker
        pendingTransfer = state.pendingTransfer
        statusSince = state.statusSince
        nextMeeting = state.meetings.filter { $0.heldOn == nil }.map(\.plannedOn).min()
        tasks = Agenda.tasks(of: state, timeZone: timeZone, periods: periods)
    }

    /// Whether this person holds the case, as the responsible or the second worker.
    public func isHeld(by person: String) -> Bool { worker == person || secondWorker == person }

    /// The tasks due today or earlier.
    public func openTasks(today: LocalDate) -> [AgendaTask] { tasks.filter { $0.isOpen(today: today) } }

    public func isOverdue(today: LocalDate) -> Bool { tasks.contains { $0.isOverdue(today: today) } }

    /// Whole days since the case entered its current status.
    public func daysInStatus(today: LocalDate, timeZone: TimeZone) -> Int {
        today.daysSinceEpoch - LocalDate(dayOf: statusSince, in: timeZone).daysSinceEpoch
    }
}
