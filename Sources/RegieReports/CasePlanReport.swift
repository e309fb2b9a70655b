import RegieCore

/// The client's plan as a document, in the workspace language: goals, the group and what
/// each member can and cannot do, open questions, the next meeting, the group chat, the
/// ecomap and the timeline. No ids: people are named by their labels.
package struct CasePlanReport {
    package let l: L10n

    package init(l: L10n) { self.l = l }

    package func document(_ plan: CasePlan) -> ReportDocument {
        var doc = ReportDocument(title: l("The plan of \(plan.client)", "Het plan van \(plan.client)"),
                                 lead: l("Where things stand on \(plan.today.spelled(l)): \(standing(plan)).",
                                         "Zo staat het op \(plan.today.spelled(l)): \(standing(plan))."))
        doc.add(.heading(l("Goals", "Doelen")))
        if plan.goals.isEmpty {
            doc.add(.empty(l("No goals written down yet.", "Nog geen doelen opgeschreven.")))
        } else {
            doc.add(.list(plan.goals.map(goal)))
        }

        doc.add(.heading(l("The group", "De groep")))
        if plan.members.isEmpty {
            doc.add(.empty(l("No one has been chosen for the group yet.", "Er is nog niemand voor de groep gekozen.")))
        } else {
            let unsaid = l("not said yet", "nog niet gezegd")
            doc.add(.table(header: [l("Who", "Wie"), l("Relation", "Relatie"), l("Can do", "Kan doen"),
                                    l("Cannot be expected to do", "Kan niet van verwacht worden")],
                           rows: plan.members.map { [$0.label, $0.relation, $0.canDo ?? unsaid, $0.cannotDo ?? unsaid] }))
        }

        doc.add(.heading(l("Open questions", "Openstaande vragen")))
        if plan.openQuestions.isEmpty {
            doc.add(.empty(l("No open questions.", "Geen openstaande vragen.")))
        } else {
            doc.add(.table(header: [l("Question", "Vraag"), l("Who picks it up", "Wie pakt het op"), l("By when", "Wanneer klaar")],
                           rows: plan.openQuestions.map { question in
                               let owner = question.owner.map { question.status == .accepted ? l("\($0) (agreed)", "\($0) (toegezegd)") : $0 }
                               let due = question.due.map { day in
                                   question.pastDue ? l("\(day.spelled(l)) (past due)", "\(day.spelled(l)) (verlopen)") : day.spelled(l)
                               }
                               return [question.text, owner ?? l("nobody yet", "nog niemand"), due ?? "-"]
                           }))
        }

        // The short sections beside the ecomap: together they fill one printed page.
        var beside: [ReportDocument.Block] = [.heading(l("Next meeting", "Volgende bijeenkomst"))]
        if let next = plan.nextMeeting {
            beside.append(.paragraph(next.spelled(l)))
        } else {
            beside.append(.empty(l("No next meeting planned yet.", "Nog geen volgende bijeenkomst gepland.")))
        }
        if let contact = plan.contact {
            beside.append(.heading(l("Who to contact", "Contact")))
            let ways = [contact.phone, contact.email].compactMap { $0 }
            beside.append(.list(["\(contact.name), \(contact.organisation)"] + ways))
        }
        beside.append(.heading(l("Group chat", "Groepsapp")))
        if plan.groupChat.isEmpty {
            beside.append(.empty(l("Nothing agreed about a group chat yet.", "Nog niets afgesproken over een groepsapp.")))
        } else {
            beside.append(.list(plan.groupChat.map { l($0) }))
        }

        // The group by default: the page goes to the client and the group, and shows the
        // people the client did not choose (or who declined) only when asked for.
        let (heading, caption) = plan.people == .group
            ? (l("The group around \(plan.client)", "De groep rond \(plan.client)"),
               l("The members of the group, by kind. A heavier line means more contact.",
                 "De leden van de groep, per soort. Hoe dikker de lijn, hoe meer contact."))
            : (l("The people around \(plan.client)", "De mensen rond \(plan.client)"),
               l("Everyone mapped, by kind. A heavier line means more contact; a heavy frame marks a member of the group.",
                 "Iedereen die in kaart is gebracht, per soort. Hoe dikker de lijn, hoe meer contact; een dikke rand is een lid van de groep."))
        let map: [ReportDocument.Block] = [.heading(heading),
                                           .figure(svg: EcomapSVG(l: l).render(plan), caption: caption, text: networkTable(plan))]
        doc.add(.columns([beside, map]))

        doc.add(.heading(l("How it went", "Hoe het ging")))
        doc.add(.figure(svg: TimelineSVG(l: l).render(plan.timeline, today: plan.today),
                        caption: l("The phases, pauses (hatched) and meetings (filled: held; open: planned) from the start until today.",
                                   "De fasen, pauzes (gearceerd) en bijeenkomsten (gevuld: gehouden; open: gepland) vanaf de start tot vandaag."),
                        text: .list(timelineLines(plan.timeline, today: plan.today))))
        return doc
    }

    private func standing(_ plan: CasePlan) -> String {
        let phase = plan.status.phase
        let round = plan.round > 1 ? l(", round \(plan.round)", ", ronde \(plan.round)") : ""
        switch plan.status {
        case .active:
            return l("phase \(phase.number) of 5, \(phase.title(l))\(round)", "fase \(phase.number) van 5, \(phase.title(l))\(round)")
        case .paused(_, let info):
            return l("paused (\(info.kind.title(l))) in phase \(phase.number) of 5, \(phase.title(l))\(round)",
                     "gepauzeerd (\(info.kind.title(l))) in fase \(phase.number) van 5, \(phase.title(l))\(round)")
        case .closed(_, let info):
            return l("closed (\(info.outcome.title(l)))", "afgesloten (\(info.outcome.title(l)))")
        }
    }

    private func goal(_ goal: Goal) -> String {
        var text = (goal.term == .long ? l("Long term: ", "Lange termijn: ") : l("Short term: ", "Korte termijn: ")) + goal.text
        if goal.wordedBy == .worker { text += l(" (written down by the worker)", " (opgeschreven door de hulpverlener)") }
        if goal.status == .achieved { text += l(" (achieved)", " (bereikt)") }
        return text
    }

    private func networkTable(_ plan: CasePlan) -> ReportDocument.Block {
        let all = plan.people == .all
        if plan.network.isEmpty {
            return .empty(all ? l("No one mapped yet.", "Nog niemand in kaart gebracht.")
                : l("No one has been chosen for the group yet.", "Er is nog niemand voor de groep gekozen."))
        }
        return .table(header: [l("Who", "Wie"), l("Relation", "Relatie"), l("Kind", "Soort"), l("Contact", "Contact"),
                               l("Tension", "Spanning")] + (all ? [l("In the group", "In de groep")] : []),
                      rows: plan.network.map { person in
                          [person.label, person.relation, person.kind.title(l), person.contact.title(l), person.tension.title(l)]
                              + (all ? [person.isMember ? l("yes", "ja") : l("no", "nee")] : [])
                      })
    }

    private func timelineLines(_ timeline: CaseTimeline, today: LocalDate) -> [String] {
        func period(_ from: LocalDate, _ to: LocalDate?) -> String {
            to.map { l("\(from.spelled(l)) to \($0.spelled(l))", "\(from.spelled(l)) tot \($0.spelled(l))") }
                ?? l("since \(from.spelled(l))", "sinds \(from.spelled(l))")
        }
        // In order of their first day; on the same day a reopening, then phases (the stay it
        // starts), pauses, meetings and closings.
        var lines = timeline.reopenings.map { ($0, 0, l("Reopened on \($0.spelled(l))", "Heropend op \($0.spelled(l))")) }
        lines += timeline.stays.map { ($0.from, 0, "\($0.phase.title(l)): \(period($0.from, $0.to))") }
        lines += timeline.pauses.map { ($0.from, 1, l("Pause (\($0.kind.title(l))): ", "Pauze (\($0.kind.title(l))): ") + period($0.from, $0.to)) }
        lines += timeline.meetings.map { meeting in
            let day = meeting.on.spelled(l)
            let text = meeting.held ? l("Meeting held on \(day)", "Bijeenkomst gehouden op \(day)")
                : meeting.on < today ? l("Meeting planned for \(day), not recorded as held", "Bijeenkomst gepland op \(day), niet als gehouden vastgelegd")
                : l("Meeting planned for \(day)", "Bijeenkomst gepland op \(day)")
            return (meeting.on, 2, text)
        }
        lines += timeline.closings.map {
            ($0.on, 3, l("Closed on \($0.on.spelled(l)) (\($0.outcome.title(l)))", "Afgesloten op \($0.on.spelled(l)) (\($0.outcome.title(l)))"))
        }
        return lines.enumerated().sorted { ($0.element.0, $0.element.1, $0.offset) < ($1.element.0, $1.element.1, $1.offset) }
            .map(\.element.2)
    }
}
