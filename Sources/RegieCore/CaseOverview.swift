import Foundation

/// One case as a list shows it to the team: its list row, and who holds it, since when it is in
/// its status, its next meeting and when its tasks are due (``CaseWork``).
public struct CaseOverview: Sendable, Equatable {
    public var summary: CaseSummary
    public var work: CaseWork

    public init(summary: CaseSummary, work: CaseWork) {
        self.summary = summary
        self.work = work
    }

    public init(_ state: CaseState, timeZone: TimeZone, periods: Agenda.Periods) {
        self.init(summary: CaseSummary(state), work: CaseWork(state, timeZone: timeZone, periods: periods))
    }

    public var worker: String { work.worker }
    public var secondWorker: String? { work.secondWorker }
    /// The team a pending handover offers the case to.
    public var transferTo: String? { work.transferTo }
    public var nextMeeting: LocalDate? { work.nextMeeting }

    /// Whether this person holds the case, as the responsible or the second worker.
    public func isHeld(by person: String) -> Bool { worker == person || secondWorker == person }

    /// How many tasks are due today or earlier.
    public func openTasks(today: LocalDate) -> Int { work.taskDues.filter { $0 <= today }.count }

    public func isOverdue(today: LocalDate) -> Bool { work.taskDues.contains { $0 < today } }

    /// Whole days since the case entered its current status.
    public func daysInStatus(today: LocalDate, timeZone: TimeZone) -> Int {
        today.daysSinceEpoch - LocalDate(dayOf: work.statusSince, in: timeZone).daysSinceEpoch
    }
}
