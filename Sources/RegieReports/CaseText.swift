import Foundation
import RegieCore

/// The text form of a case for `case show`.
package struct CaseText {
    package let l: L10n
    /// People's display names by id, for who holds the case.
    package var names: [String: String] = [:]

    package init(l: L10n, names: [String: String] = [:]) {
        self.l = l
        self.names = names
    }

    /// A person as a reader knows them: the display name, or the id if there is none.
    package func person(_ id: String) -> String { names[id] ?? id }

    package func render(_ c: CaseState, checklist: [ChecklistItemState], prompts: [LocalizedText]) -> [String] {
        var lines: [String] = []
        lines.append(l("Case \(c.id) · client \(c.clientLabel) · team \(c.team)\(c.complex ? " · complex" : "")",
                       "Casus \(c.id) · cliënt \(c.clientLabel) · team \(c.team)\(c.complex ? " · complex" : "")"))
        lines.append(l("Status: \(c.status.title(l)) · round \(c.round) · version \(c.version)",
                       "Status: \(c.status.title(l)) · ronde \(c.round) · versie \(c.version)"))
        let second = c.secondWorker.map { l(" · second: \(person($0))", " · tweede: \(person($0))") } ?? ""
        lines.append(l("Worker: \(person(c.worker))\(second)", "Werker: \(person(c.worker))\(second)"))
        if let t = c.pendingTransfer {
            lines.append(l("Offered to team \(t.toTeam) by \(person(t.requestedBy)), waiting for its coordinator: \(t.reason)",
                           "Aangeboden aan team \(t.toTeam) door \(person(t.requestedBy)), wacht op de coördinator: \(t.reason)"))
        }
        if case .paused(_, let info) = c.status { lines.append(l("Paused because: \(info.reason)", "Gepauzeerd omdat: \(info.reason)")) }
        if case .closed(_, let info) = c.status { lines.append(l("Closed because: \(info.reason)", "Afgesloten omdat: \(info.reason)")) }
        lines.append("")
        lines.append(l("Checklist · \(c.status.phase.title(l))", "Checklist · \(c.status.phase.title(l))"))
        lines += checklistLines(checklist)
        let open = checklist.filter { $0.item.required && !$0.holds }
        lines.append(open.isEmpty
            ? l("  All required items hold.", "  Alle verplichte punten zijn in orde.")
            : l("  Still open: ", "  Nog open: ")
                + l.count(open.count, ("required item", "required items"), ("verplicht punt", "verplichte punten")) + ".")
        if !prompts.isEmpty {
            lines.append("")
            lines.append(l("Prompts", "Vragen en aandachtspunten"))
            lines += prompts.map { "  - " + l($0) }
        }
        lines.append("")
        lines.append(l("Goals", "Doelen"))
        if c.goals.isEmpty { lines.append(l("  (none yet)", "  (nog geen)")) }
        for g in c.goals {
            lines.append("  \(g.id). “\(g.text)” · \(g.term == .long ? l("long term", "lange termijn") : l("short term", "korte termijn"))"
                + " · \(l("worded by", "verwoord door")) \(g.wordedBy == .client ? l("the client", "de cliënt") : l("the worker", "de hulpverlener"))"
                + " · \(g.status.title(l))")
        }
        lines.append("")
        lines.append(l("Resources", "Resources"))
        if c.resources.isEmpty { lines.append(l("  (none yet)", "  (nog geen)")) }
        for r in c.resources {
            var parts = ["\(r.label) (\(r.relation))", r.kind.title(l), r.contact.title(l)]
            if r.isMember { parts.append(l("member", "groepslid")) }
            if r.oneToOneHeld { parts.append(l("one-to-one held", "persoonlijk gesprek gehad")) }
            if r.tension != .none { parts.append(r.tension.title(l)) }
            lines.append("  \(r.id). " + parts.joined(separator: " · "))
            if let can = r.canDo { lines.append("       " + l("can: ", "kan: ") + can) }
            if let cannot = r.cannotDo { lines.append("       " + l("cannot: ", "kan niet: ") + cannot) }
        }
        lines.append("")
        lines.append(l("Questions", "Vragen"))
        if c.questions.isEmpty { lines.append(l("  (none yet)", "  (nog geen)")) }
        for q in c.questions {
            let owner = q.owner.flatMap { c.resource($0) }.map { "\(l("picked up by", "opgepakt door")) \($0.label)" }
                ?? l("no one picks it up yet", "nog niemand pakt hem op")
            let due = q.due.map { " · \(l("by", "uiterlijk")) \($0)" } ?? ""
            lines.append("  \(q.id). \(q.text) · \(owner)\(due) · \(q.status.title(l))")
        }
        if !c.meetings.isEmpty || !c.cancelledMeetings.isEmpty {
            lines.append("")
            lines.append(l("Meetings", "Bijeenkomsten"))
            for m in (c.meetings + c.cancelledMeetings).sorted(by: { $0.id < $1.id }) {
                if let reason = m.cancellation {
                    lines.append("  \(m.id). \(l("round", "ronde")) \(m.round) · \(l("planned", "gepland")) \(m.plannedOn) · "
                                 + l("cancelled: \(reason)", "afgezegd: \(reason)"))
                    continue
                }
                let held = m.heldOn.map { l("held \($0)", "gehouden \($0)") } ?? l("not held yet", "nog niet gehouden")
                let lead = m.ledBy.map { " · \(l("led by", "geleid door")) \($0.title(l))" } ?? ""
                let who = m.attendees.isEmpty ? "" : " · \(l("attended", "aanwezig")): " + m.attendees.map { resourceName($0, in: c) }.joined(separator: ", ")
                lines.append("  \(m.id). \(l("round", "ronde")) \(m.round) · \(l("planned", "gepland")) \(m.plannedOn) · \(held)\(lead)\(who)")
            }
        }
        if !c.corrections.isEmpty {
            lines.append("")
            lines.append(l("Corrections (the originals stay on record)", "Verbeteringen (de originelen blijven vastgelegd)"))
            for correction in c.corrections {
                lines.append("  v\(correction.version) \(LocalDate(utcDayOf: correction.at)) \(correction.actor): " + correctionText(correction.change, in: c))
            }
        }
        lines.append("")
        lines.append(l("Time logged: ", "Geregistreerde tijd: ") + Duration.text(minutes: c.minutesLogged))
        return lines
    }

    /// A time entry in words: day, duration and activity.
    package func timeText(_ entry: TimeEntry) -> String {
        "\(entry.on) \(Duration.text(minutes: entry.minutes)) \(entry.activity.title(l))"
    }

    /// A resource as a reader knows them: their label, or their number if they were removed.
    package func resourceName(_ id: Int, in c: CaseState) -> String { c.resource(id)?.label ?? "#\(id)" }

    /// A correction in words: what changed from what to what, people by their labels.
    package func correctionText(_ change: CorrectionRecord.Change, in c: CaseState) -> String {
        func ids(_ list: [Int]) -> String {
            list.isEmpty ? l("nobody", "niemand") : list.map { resourceName($0, in: c) }.joined(separator: ", ")
        }
        return switch change {
        case .meetingMoved(let meeting, let from, let to):
            l("meeting \(meeting) moved from \(from) to \(to)", "bijeenkomst \(meeting) verzet van \(from) naar \(to)")
        case .meetingCancelled(let meeting, let plannedOn, let reason):
            l("meeting \(meeting) of \(plannedOn) cancelled: \(reason)", "bijeenkomst \(meeting) van \(plannedOn) afgezegd: \(reason)")
        case .meetingDayCorrected(let meeting, let from, let to):
            l("meeting \(meeting) held on \(to), not \(from)", "bijeenkomst \(meeting) gehouden op \(to), niet \(from)")
        case .meetingAttendeesCorrected(let meeting, let from, let to):
            l("attendees of meeting \(meeting): \(ids(to)), not \(ids(from))", "aanwezig bij bijeenkomst \(meeting): \(ids(to)), niet \(ids(from))")
        case .timeCorrected(let from, let to):
            l("time entry \(to.id): \(timeText(to)), not \(timeText(from))", "tijdregistratie \(to.id): \(timeText(to)), niet \(timeText(from))")
        case .timeWithdrawn(let entry, let reason):
            l("time entry \(entry.id) (\(timeText(entry))) withdrawn: \(reason)",
              "tijdregistratie \(entry.id) (\(timeText(entry))) ingetrokken: \(reason)")
        case .questionEdited(let question, let from, let to):
            l("question \(question) now reads “\(to)”, was “\(from)”", "vraag \(question) luidt nu ‘\(to)’, was ‘\(from)’")
        case .clientRelabelled(let from, let to):
            l("client label now “\(to)”, was “\(from)”", "cliëntlabel nu ‘\(to)’, was ‘\(from)’")
        case .referenceCorrected(let from, let to):
            l("reference now \(to ?? "none"), was \(from ?? "none")", "kenmerk nu \(to ?? "geen"), was \(from ?? "geen")")
        case .undone(let version, let type):
            l("undone: \(EventNames.title(type, l)) (version \(version))", "ongedaan gemaakt: \(EventNames.title(type, l)) (versie \(version))")
        }
    }

    package func checklistLines(_ checklist: [ChecklistItemState]) -> [String] {
        if checklist.isEmpty { return [l("  (no items in this phase)", "  (geen punten in deze fase)")] }
        return checklist.map { s in
            let box = s.holds ? "[x]" : "[ ]"
            var tags: [String] = []
            if !s.item.required { tags.append(l("optional", "optioneel")) }
            if !s.item.isManual { tags.append(l("from the record", "volgt uit dossier")) }
            if let failure = s.failure { tags.append(l("failed: ", "mislukt: ") + failure) }
            if let names = s.missing, let text = s.item.missing?.text { tags.append(l(text) + ": " + names.joined(separator: ", ")) }
            let suffix = tags.isEmpty ? "" : " (" + tags.joined(separator: "; ") + ")"
            return "  \(box) \(s.item.id): \(l(s.item.text))\(suffix)"
        }
    }
}
