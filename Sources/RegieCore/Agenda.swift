import Foundation

/// What is due on a case, derived from its record: the method's rhythm (the group meets again
/// within about three months), meetings whose day passed without being recorded, questions due,
/// one-to-one talks in activation, long pauses and goals nobody has looked at.
public enum Agenda {
    /// The periods the tasks are worked out with.
    public struct Periods: Sendable, Equatable {
        /// The next meeting is due so many days after the last one held (the quarterly rhythm).
        public var meetingEveryDays = 92
        /// A pause this long needs a look.
        public var pauseDays = 28
        /// Goals untouched this long need a look.
        public var goalsDays = 92
        /// In activation, the one-to-one talks are due this long after entering it (or by the
        /// first planned meeting, if sooner).
        public var oneToOneDays = 14

        public init() {}
    }

    /// The periods for a case: its workflow's, with its plugins' answers over them, asked at the
    /// time of its last event so that a replay (`audit verify`) gets the same answer.
    public static func periods(of state: CaseState, workflow: Workflow, plugins: any CasePlugins) -> Periods {
        plugins.periods(workflow.periods, of: state, at: state.lastChangedAt)
    }

    /// The tasks of one case, by due date. A closed case has none. They depend on the record
    /// alone (not on today), so that the store can keep their due days with the case list;
    /// whether one is open or overdue is a matter of the day it is read.
    public static func tasks(of state: CaseState, timeZone: TimeZone, periods: Periods = Periods()) -> [AgendaTask] {
        func day(_ date: Date) -> LocalDate { LocalDate(dayOf: date, in: timeZone) }
        func after(_ date: LocalDate, _ days: Int) -> LocalDate { LocalDate(daysSinceEpoch: date.daysSinceEpoch + days) }
        if case .closed = state.status { return [] }
        var tasks: [AgendaTask] = []
        let id = state.id
        let planned = state.meetings.filter { $0.heldOn == nil }
        // Once a meeting's day has passed, it is to be recorded (held, moved or cancelled).
        for meeting in planned {
            tasks.append(AgendaTask(caseID: id, kind: .recordMeeting, due: after(meeting.plannedOn, 1), subject: meeting.id))
        }
        if let lastHeld = state.meetings.compactMap(\.heldOn).max(), !planned.contains(where: { $0.plannedOn >= lastHeld }) {
            tasks.append(AgendaTask(caseID: id, kind: .planNextMeeting, due: after(lastHeld, periods.meetingEveryDays)))
        }
        for question in state.questions where question.status == .open || question.status == .accepted {
            if let due = question.due { tasks.append(AgendaTask(caseID: id, kind: .questionDue, due: due, subject: question.id, subjectText: question.text)) }
        }
        switch state.status {
        case .active(.activation):
            // The talks come before the meeting: due by the first planned meeting, and at the
            // latest so many days after entering activation.
            var due = after(day(state.statusSince), periods.oneToOneDays)
            if let first = planned.map(\.plannedOn).min(), first < due { due = first }
            for member in state.members where !member.oneToOneHeld {
                tasks.append(AgendaTask(caseID: id, kind: .oneToOne, due: due, subject: member.id, subjectText: member.label))
            }
        case .paused:
            tasks.append(AgendaTask(caseID: id, kind: .pausedLong, due: after(day(state.statusSince), periods.pauseDays)))
        default:
            break
        }
        if case .active = state.status {
            tasks.append(AgendaTask(caseID: id, kind: .reviewGoals, due: after(day(state.goalsLookedAt ?? state.openedAt), periods.goalsDays)))
        }
        for open in state.openReminders {
            tasks.append(AgendaTask(caseID: id, kind: .reminder, due: open.reminder.due ?? day(open.givenAt), subject: open.reminder.id,
                                    reminder: open.reminder))
        }
        return tasks.sorted { ($0.due, $0.kind.rawValue, $0.subject ?? 0) < ($1.due, $1.kind.rawValue, $1.subject ?? 0) }
    }
}
