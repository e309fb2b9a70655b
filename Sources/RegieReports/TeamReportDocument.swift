import Foundation
import RegieCore

/// `report team` as a document for Markdown and HTML: the measures as charts with their
/// figures as tables, each share with its denominator.
package struct TeamReportDocument {
    package let l: L10n

    package init(l: L10n) { self.l = l }

    package func document(_ r: TeamReport, teams: [String], since: LocalDate?, until: LocalDate?, all: Bool) -> ReportDocument {
        let words = TeamReportText(l: l)
        let period: String
        switch (since, until) {
        case let (from?, to?): period = l("opened from \(from.spelled(l)) to \(to.spelled(l))", "geopend van \(from.spelled(l)) tot en met \(to.spelled(l))")
        case let (from?, nil): period = l("opened since \(from.spelled(l))", "geopend sinds \(from.spelled(l))")
        case let (nil, to?): period = l("opened up to \(to.spelled(l))", "geopend tot en met \(to.spelled(l))")
        case (nil, nil): period = l("opened at any time", "ooit geopend")
        }
        let counted = all
            ? l("all \(r.considered) count in the shares", "alle \(r.considered) tellen mee in de aandelen")
            : l("\(r.considered) past the goals phase count in the shares", "\(r.considered) voorbij de doelenfase tellen mee in de aandelen")
        var doc = ReportDocument(title: l("Team report: \(teams.joined(separator: ", "))", "Teamrapport: \(teams.joined(separator: ", "))"),
                                 lead: l("Cases \(period): \(r.opened); \(counted).", "Casussen \(period): \(r.opened); \(counted)."))

        guard r.opened > 0 else {
            doc.add(.empty(l("No cases were opened in this period, so there is nothing to count yet.",
                             "In deze periode zijn geen casussen geopend, dus er valt nog niets te tellen.")))
            return doc
        }
        doc.add(.heading(l("Does the method work?", "Werkt de methode?")))
        let shares: [(String, TeamReport.Share)] = [
            (l("Network involved", "Netwerk betrokken"), r.networkInvolved),
            (l("Group formed", "Groep gevormd"), r.groupFormed),
            (l("Network picked up a question", "Netwerk pakte een vraag op"), r.networkPickedUpQuestion),
            (l("Goals achieved", "Doelen bereikt"), r.goalsAchieved),
            (l("Members with a can and cannot", "Leden met een kan en kan niet"), r.membersWithCanAndCannot),
        ]
        doc.add(.figure(
            svg: ReportCharts().bars(shares.map { .init(label: $0.0, value: $0.1.percent, text: words.share($0.1)) }, scale: 100,
                                     ticks: [(0, "0%"), (50, "50%"), (100, "100%")], id: "shares", title: l("The measures as shares", "De maten als aandelen")),
            caption: l("Each bar is a share from 0 to 100%; the first three are shares of cases, the last two of goals and of members.",
                       "Elke balk is een aandeel van 0 tot 100%; de eerste drie zijn aandelen van casussen, de laatste twee van doelen en van leden."),
            text: .table(header: [l("Measure", "Maat"), l("Count", "Aantal"), l("Of", "Van"), l("Share", "Aandeel")],
                         rows: shares.map { [$0.0, "\($0.1.count)", "\($0.1.of)", $0.1.percent.map { l.decimal($0) + "%" } ?? "-"] },
                         numeric: [1, 2, 3])))

        doc.add(.heading(l("Through the phases", "Door de fasen")))
        doc.add(.figure(
            svg: ReportCharts().funnel(r.reached.map { .init(label: "\($0.phase.number). \($0.phase.title(l))", value: Double($0.cases),
                                                             text: l("\($0.cases) reached", "\($0.cases) bereikt")) },
                                       id: "funnel", title: l("Cases that reached each phase", "Casussen die elke fase bereikten")),
            caption: l("How many of the cases opened in the period reached each phase.",
                       "Hoeveel van de in de periode geopende casussen elke fase bereikten."),
            text: .table(header: [l("Phase", "Fase"), l("Reached", "Bereikt"), l("Active now", "Nu actief"),
                                  l("Paused now", "Nu gepauzeerd"), l("Closed", "Gesloten")],
                         rows: zip(r.reached, r.phasesNow).map { reached, now in
                             [reached.phase.title(l), "\(reached.cases)", "\(now.active)", "\(now.paused)", "\(now.closed)"]
                         }, numeric: [1, 2, 3, 4])))

        doc.add(.heading(l("Hours to form a group", "Uren tot een groep")))
        var hourRows: [(String, TeamReport.Hours)] = [(l("All", "Alle"), r.hoursToGroup)]
        hourRows += r.hoursToGroupByTeam.map { ("Team \($0.team)", $0.hours) }
        hourRows += [(l("Complex", "Complex"), r.hoursToGroupComplex), (l("Not complex", "Niet complex"), r.hoursToGroupNotComplex)]
        func oneDecimal(_ value: Double?) -> String { value.map { l.decimal($0) } ?? "-" }
        doc.add(.figure(
            svg: ReportCharts().ranges(hourRows.map {
                .init(label: $0.0, minimum: $0.1.minimum, median: $0.1.median, maximum: $0.1.maximum,
                      text: $0.1.median.map { l("median \(oneDecimal($0)) h", "mediaan \(oneDecimal($0)) u") } ?? "-")
            }, id: "hours", title: l("Hours to form a group", "Uren tot een groep")),
            caption: l("Hours logged from the opening to the first meeting held: the range, with the median as a dot.",
                       "Uren geschreven van de opening tot de eerste gehouden bijeenkomst: de spreiding, met de mediaan als stip."),
            text: .table(header: ["", l("Cases", "Casussen"), l("Mean", "Gemiddeld"), l("Median", "Mediaan"), l("Least", "Minst"),
                                  l("Most", "Meest")],
                         rows: hourRows.map { [$0.0, "\($0.1.cases)", oneDecimal($0.1.mean), oneDecimal($0.1.median), oneDecimal($0.1.minimum), oneDecimal($0.1.maximum)] },
                         numeric: [1, 2, 3, 4, 5])))

        doc.add(.heading(l("Days in each phase", "Dagen per fase")))
        let longest = ReportCharts.roundScale(r.daysInPhase.compactMap(\.median).max() ?? 0)
        doc.add(.figure(
            svg: ReportCharts().bars(r.daysInPhase.map { phase in
                .init(label: "\(phase.phase.number). \(phase.phase.title(l))", value: phase.median,
                      text: phase.median.map { l("\(oneDecimal($0)) days (\(phase.stays))", "\(oneDecimal($0)) dagen (\(phase.stays))") } ?? "-")
            }, scale: longest, ticks: [(0, "0"), (longest / 2, HTMLPage.number(longest / 2)), (longest, HTMLPage.number(longest))],
               id: "days", title: l("Median days in each phase", "Mediaan dagen per fase")),
            caption: l("The median length of the finished stays in each phase, pauses included.",
                       "De mediane duur van de afgeronde verblijven in elke fase, pauzes meegerekend."),
            text: .table(header: [l("Phase", "Fase"), l("Finished stays", "Afgeronde verblijven"), l("Median days", "Mediaan dagen")],
                         rows: r.daysInPhase.map { [$0.phase.title(l), "\($0.stays)", oneDecimal($0.median)] }, numeric: [1, 2])))

        doc.add(.heading(l("Pauses and closures", "Pauzes en afsluitingen")))
        let pauses = r.pauses.filter { $0.count > 0 }
        if pauses.isEmpty {
            doc.add(.empty(l("No pauses.", "Geen pauzes.")))
        } else {
            doc.add(.table(header: [l("Pause", "Pauze"), l("Count", "Aantal"), CaseTimeline.PauseEnding.resumed.title(l).capitalizedFirst,
                                    CaseTimeline.PauseEnding.closed.title(l).capitalizedFirst,
                                    CaseTimeline.PauseEnding.ongoing.title(l).capitalizedFirst],
                           rows: pauses.map { [$0.kind.title(l), "\($0.count)", "\($0.resumed)", "\($0.closed)", "\($0.ongoing)"] },
                           numeric: [1, 2, 3, 4]))
        }
        let closed = r.closedBy.filter { $0.count > 0 }
        if closed.isEmpty {
            doc.add(.empty(l("No cases closed.", "Geen casussen afgesloten.")))
        } else {
            doc.add(.table(header: [l("Closed because", "Afgesloten omdat"), l("Cases", "Casussen")],
                           rows: closed.map { [$0.outcome.title(l), "\($0.count)"] }, numeric: [1]))
        }
        doc.add(.note(l("Definitions: docs/reports.md. Shares leave out cases still in the goals phase unless --all is given.",
                        "Definities: docs/reports.md. De aandelen laten casussen in de doelenfase weg, tenzij met --all.")))
        return doc
    }
}
