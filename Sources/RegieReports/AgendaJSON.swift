import RegieCore

/// `regie agenda --json`: one object per task or planned meeting, in date order.
package struct AgendaItemJSON: Encodable {
    package var caseId: Int
    package var team: String
    /// Absent for a handover to settle: the receiving team sees no client before accepting.
    package var clientLabel: String?
    /// A task's kind (`plan_next_meeting`, `record_meeting`, `question_due`, `one_to_one`,
    /// `paused_long`, `review_goals`, `reminder`), `meeting` for a planned meeting, or
    /// `transfer_offer` for a handover to this coordinator's team (its `team` is the sending team).
    package var kind: String
    package var due: LocalDate
    package var overdue: Bool
    package var subject: Int?
    package var what: String

    package static func items(_ cases: [AgendaCase], today: LocalDate, l: L10n,
                              offers: [(caseID: Int, fromTeam: String, reason: String, on: LocalDate)] = []) -> [AgendaItemJSON] {
        let text = AgendaText(l)
        var items: [AgendaItemJSON] = offers.map {
            AgendaItemJSON(caseId: $0.caseID, team: $0.fromTeam, clientLabel: nil, kind: "transfer_offer", due: $0.on,
                           overdue: $0.on < today, subject: nil, what: text.offer(caseID: $0.caseID, fromTeam: $0.fromTeam, reason: $0.reason))
        }
        for entry in cases {
            let s = entry.summary
            for task in entry.tasks {
                items.append(AgendaItemJSON(caseId: s.id, team: s.team, clientLabel: s.clientLabel, kind: task.kind.rawValue, due: task.due,
                                            overdue: task.isOverdue(today: today), subject: task.subject, what: text.what(task)))
            }
            for meeting in entry.meetings {
                items.append(AgendaItemJSON(caseId: s.id, team: s.team, clientLabel: s.clientLabel, kind: "meeting", due: meeting.plannedOn,
                                            overdue: false, subject: meeting.id, what: text.meeting(meeting)))
            }
        }
        return items.sorted { ($0.due, $0.caseId, $0.kind) < ($1.due, $1.caseId, $1.kind) }
    }
}
