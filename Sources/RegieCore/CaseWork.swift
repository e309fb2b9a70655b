import Foundation

/// What `case list` shows of a case besides its list row: who holds it, since when it is in its
/// status, its next meeting and the days its tasks are due. Worked out from the case's state,
/// in a time zone (the days of a pause or a reminder depend on it); the store keeps a copy with
/// the report facts, so that the list does not replay every case.
public struct CaseWork: Sendable, Equatable {
    /// The time zone's identifier the days were worked out in.
    public var zone: String
    public var worker: String
    public var secondWorker: String?
    public var transferTo: String?
    public var statusSince: Date
    public var nextMeeting: LocalDate?
    /// The due day of every task, in order.
    public var taskDues: [LocalDate]

    public init(zone: String, worker: String, secondWorker: String?, transferTo: String?, statusSince: Date,
                nextMeeting: LocalDate?, taskDues: [LocalDate]) {
        self.zone = zone
        self.worker = worker
        self.secondWorker = secondWorker
        self.transferTo = transferTo
        self.statusSince = statusSince
        self.nextMeeting = nextMeeting
        self.taskDues = taskDues
    }

    public init(_ state: CaseState, timeZone: TimeZone, periods: Agenda.Periods) {
        self.init(zone: timeZone.identifier, worker: state.worker, secondWorker: state.secondWorker,
                  transferTo: state.pendingTransfer?.toTeam, statusSince: state.statusSince,
                  nextMeeting: state.meetings.filter { $0.heldOn == nil }.map(\.plannedOn).min(),
                  taskDues: Agenda.tasks(of: state, timeZone: timeZone, periods: periods).map(\.due).sorted())
    }
}
