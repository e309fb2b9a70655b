import RegieCore

/// The agenda as lines of text, in date order: `2027-01-14  overdue  case 3 (J.B.)  plan …`.
package struct AgendaText {
    package let l: L10n

    package init(_ l: L10n) { self.l = l }

    /// What a task asks, in words.
    package func what(_ task: AgendaTask) -> String {
        let subject = task.subject.map(String.init) ?? ""
        let text = task.subjectText ?? ""
        return switch task.kind {
        case .planNextMeeting: l("plan the next meeting of the group", "plan de volgende bijeenkomst van de groep")
        case .recordMeeting: l("record meeting \(subject): held, moved or cancelled", "leg bijeenkomst \(subject) vast: gehouden, verzet of afgezegd")
        case .questionDue: l("question \(subject) is due: “\(text)”", "vraag \(subject) moet af zijn: ‘\(text)’")
        case .oneToOne: l("one-to-one talk with \(text)", "persoonlijk gesprek met \(text)")
        case .pausedLong: l("the pause has lasted long: look at the case again", "de pauze duurt lang: bekijk de casus opnieuw")
        case .reviewGoals: l("look at the goals again with the client", "bekijk de doelen opnieuw met de cliënt")
        case .reminder: l("reminder \(subject): ", "herinnering \(subject): ") + (task.reminder.map { l($0.text) } ?? "")
        }
    }

    /// A planned meeting in words.
    package func meeting(_ meeting: Meeting) -> String {
        l("meeting \(meeting.id) of the group", "bijeenkomst \(meeting.id) van de groep")
    }

    /// A handover to settle, as the receiving team may see it: no client, only the case number.
    package func offer(caseID: Int, fromTeam: String, reason: String) -> String {
        l("accept or decline the handover from team \(fromTeam) (`regie case transfer \(caseID) --accept` or `--decline`): \(reason)",
          "neem de overdracht van team \(fromTeam) aan of weiger hem (`regie case transfer \(caseID) --accept` of `--decline`): \(reason)")
    }

    package func lines(_ cases: [AgendaCase], today: LocalDate,
                       offers: [(caseID: Int, fromTeam: String, reason: String, on: LocalDate)] = []) -> [String] {
        var rows: [(LocalDate, Int, String)] = []
        for offer in offers {
            let mark = offer.on < today ? l("overdue", "te laat") : l("due", "te doen")
            rows.append((offer.on, offer.caseID, "\(offer.on)  \(mark)  \(l("case", "casus")) \(offer.caseID)  "
                         + self.offer(caseID: offer.caseID, fromTeam: offer.fromTeam, reason: offer.reason)))
        }
        for entry in cases {
            let who = l("case \(entry.summary.id) (\(entry.summary.clientLabel))", "casus \(entry.summary.id) (\(entry.summary.clientLabel))")
            for task in entry.tasks {
                let mark = task.isOverdue(today: today) ? l("overdue", "te laat") : l("due", "te doen")
                rows.append((task.due, entry.summary.id, "\(task.due)  \(mark)  \(who)  \(what(task))"))
            }
            for meeting in entry.meetings {
                rows.append((meeting.plannedOn, entry.summary.id, "\(meeting.plannedOn)  \(l("meeting", "bijeenkomst"))  \(who)  \(self.meeting(meeting))"))
            }
        }
        guard !rows.isEmpty else { return [l("Nothing is due.", "Er staat niets open.")] }
        return rows.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }
}
