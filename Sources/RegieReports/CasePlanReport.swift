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
                               return [question.text, owner ?? l("nobody yet", "nog niemand"), question.due?.spelled(l) ?? "-"]
                           }))
        }

        doc.add(.heading(l("Next meeting", "Volgende bijeenkomst")))
        if let next = plan.nextMeeting {
            doc.add(.paragraph(next.spelled(l)))
        } else {
            doc.add(.empty(l("No next meeting planned yet.", "Nog geen volgende bijeenkomst gepland.")))
        }

        if let contact = plan.contact {
            doc.add(.heading(l("Who to contact", "Contact")))
            let ways = [contact.phone, contact.email].compactMap { $0 }.joined(separator: " · ")
            doc.add(.paragraph(l("\(contact.name), \(contact.organisation)", "\(contact.name), \(contact.organisation)")
                + (ways.isEmpty ? "" : " · " + ways)))
        }

        doc.add(.heading(l("Group chat", "Groepsapp")))
        if plan.groupChat.isEmpty {
            doc.add(.empty(l("Nothing agreed about a group chat yet.", "Nog niets afgesproken over een groepsapp.")))
        } else {
            doc.add(.list(plan.groupChat.map { l($0) }))
        }

        doc.add(.heading(l("The people around \(plan.client)", "De mensen rond \(plan.client)")))
        doc.add(.figure(svg: EcomapSVG(l: l).render(plan),
                        caption: l("Everyone mapped, by kind. A heavier line means more contact; a heavy frame marks a member of the group.",
                                   "Iedereen die in kaart is gebracht, per soort. Hoe dikker de lijn, hoe meer contact; een dikke rand is een lid van de groep."),
                        text: networkTable(plan)))

        doc.add(.heading(l("How it went", "Hoe het ging")))
        doc.add(.figure(svg: TimelineSVG(l: l).render(plan.timeline, today: plan.today),
                        caption: l("The phases, pauses (hatched) and meetings (filled: held; open: planned) from the start until today.",
                                   "De fasen, pauzes (gearceerd) en bijeenkomsten (gevuld: gehouden; open: gepland) vanaf de start tot vandaag."),
                        text: .list(timelineLines(plan.timeline))))
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
        .table(header: [l("Who", "Wie"), l("Relation", "Relatie"), l("Kind", "Soort"), l("Contact", "Contact"),
                        l("Tension", "Spanning"), l("In the group", "In de groep")],
               rows: plan.network.map { person in
                   [person.label, person.relation, person.kind.title(l), person.contact.title(l), person.tension.title(l),
                    person.isMember ? l("yes", "ja") : l("no", "nee")]
               })
    }

    private func timelineLines(_ timeline: CaseTimeline) -> [String] {
        func period(_ from: LocalDate, _ to: LocalDate?) -> String {
            to.map { l("\(from.spelled(l)) to \($0.spelled(l))", "\(from.spelled(l)) tot \($0.spelled(l))") }
                ?? l("since \(from.spelled(l))", "sinds \(from.spelled(l))")
        }
        // In order of their first day; on the same day, phases before pauses before meetings.
        var lines = timeline.stays.map { ($0.from, "\($0.phase.title(l)): \(period($0.from, $0.to))") }
        lines += timeline.pauses.map { ($0.from, l("Pause (\($0.kind.title(l))): ", "Pauze (\($0.kind.title(l))): ") + period($0.from, $0.to)) }
        lines += timeline.meetings.map {
            ($0.on, $0.held ? l("Meeting held on \($0.on.spelled(l))", "Bijeenkomst gehouden op \($0.on.spelled(l))")
                : l("Meeting planned for \($0.on.spelled(l))", "Bijeenkomst gepland op \($0.on.spelled(l))"))
        }
        return lines.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
    }
}
