import Foundation

/// One case as a list shows it to the team: its list row, who holds it, since when it is in
/// its phase, its next meeting and when its tasks are due (``CaseWork``).
public struct CaseOverview: Sendable, Equatable {
    public var summary: CaseSummary
    public var worker: String
    public var secondWorker: String?
    /// The team a pending handover offers the case to.
    public var transferTo: String?
    /// When the case entered its current status.
    public var statusSince: Date
    /// The first meeting planned and not held, if any.
    public var nextMeeting: LocalDate?
    /// The due day of every task (``Agenda/tasks(of:timeZone:periods:)``), due or not.
    public var taskDues: [LocalDate]

    public init(summary: CaseSummary, work: CaseWork) {
        self.summary = summary
        worker = work.worker
        secondWorker = work.secondWorker
        transferTo = work.transferTo
        statusSince = work.statusSince
        nextMeeting = work.nextMeeting
        taskDues = work.taskDues
    }

    public init(_ state: CaseState, timeZone: TimeZone, periods: Agenda.Periods) {
        self.init(summary: CaseSummary(state), work: CaseWork(state, timeZone: timeZone, periods: periods))
    }

    /// Whether this person holds the case, as the responsible or the second worker.
    public func isHeld(by person: String) -> Bool { worker == person || secondWorker == person }

    /// How many tasks are due today or earlier.
    public func openTasks(today: LocalDate) -> Int { taskDues.filter { $0 <= today }.count }

    public func isOverdue(today: LocalDate) -> Bool { taskDues.contains { $0 < today } }

    /// Whole days since the case entered its current status.
    public func daysInStatus(today: LocalDate, timeZone: TimeZone) -> Int {
        today.daysSinceEpoch - LocalDate(dayOf: statusSince, in: timeZone).daysSinceEpoch
    }
}
