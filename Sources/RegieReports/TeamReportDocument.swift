import Foundation
import RegieCore

/// `report team` as a document for Markdown and HTML: the measures as charts with their
/// figures as tables, each share with its denominator.
package struct TeamReportDocument {
    package let l: L10n

    package init(l: L10n) { self.l = l }

    package func document(_ r: TeamReport, scope: TeamReportScope) -> ReportDocument {
        let words = TeamReportText(l: l)
        let n = l.integer
        let counted = scope.selection.all
            ? l("all \(n(r.considered)) count in the shares", "alle \(n(r.considered)) tellen mee in de aandelen")
            : l("\(n(r.considered)) past the goals phase count in the shares", "\(n(r.considered)) voorbij de doelenfase tellen mee in de aandelen")
        var doc = ReportDocument(title: words.title(scope),
                                 lead: words.made(scope) + ". " + l("Opened: \(n(r.opened)); \(counted).", "Geopend: \(n(r.opened)); \(counted)."))

        guard r.opened > 0 else {
            doc.add(.empty(l("No cases were opened in this period, so there is nothing to count yet.",
                             "In deze periode zijn geen casussen geopend, dus er valt nog niets te tellen.")))
            return doc
        }
        doc.add(.heading(l("Does the method work?", "Werkt de methode?")))
        let shares: [(String, TeamReport.Share, Double?)] = [
            (l("Network involved", "Netwerk betrokken"), r.networkInvolved, PilotFigures.networkInvolved),
            (l("Group formed", "Groep gevormd"), r.groupFormed, PilotFigures.groupFormed),
            (l("Network picked up a question", "Netwerk pakte een vraag op"), r.networkPickedUpQuestion, PilotFigures.networkPickedUpQuestion),
            (l("Goals achieved", "Doelen bereikt"), r.goalsAchieved, nil),
            (l("Members with a can and cannot", "Leden met een kan en kan niet"), r.membersWithCanAndCannot, nil),
        ]
        let charts = ReportCharts(l: l)
        doc.add(.figure(
            svg: charts.bars(shares.map { .init(label: $0.0, value: $0.1.percent, text: words.share($0.1), reference: $0.2) }, scale: 100,
                             ticks: [(0, "0%"), (50, "50%"), (100, "100%")], id: "shares", title: l("The measures as shares", "De maten als aandelen")),
            caption: l("Each bar is a share from 0 to 100%; the first three are shares of cases, the last two of goals and of members. "
                       + "The dashed marks are the Amsterdam pilot's figures: 77%, 66% and 64% of its cases.",
                       "Elke balk is een aandeel van 0 tot 100%; de eerste drie zijn aandelen van casussen, de laatste twee van doelen en van leden. "
                       + "De gestippelde strepen zijn de cijfers van de Amsterdamse pilot: 77%, 66% en 64% van de casussen."),
            text: .table(header: [l("Measure", "Maat"), l("Count", "Aantal"), l("Of", "Van"), l("Share", "Aandeel"),
                                  l("Amsterdam pilot", "Amsterdamse pilot")],
                         rows: shares.map { [$0.0, n($0.1.count), n($0.1.of), $0.1.percent.map { l.decimal($0) + "%" } ?? "-",
                                             $0.2.map { l.scale($0) + "%" } ?? "-"] },
                         numeric: [1, 2, 3, 4])))

        doc.add(.heading(l("Through the phases", "Door de fasen")))
        doc.add(.figure(
            svg: charts.funnel(r.reached.map { .init(label: "\($0.phase.number). \($0.phase.title(l))", value: Double($0.cases),
                                                             text: l("\($0.cases) reached", "\($0.cases) bereikt")) },
                                       id: "funnel", title: l("Cases that reached each phase", "Casussen die elke fase bereikten")),
            caption: l("How many of the cases opened in the period reached each phase.",
                       "Hoeveel van de in de periode geopende casussen elke fase bereikten."),
            text: .table(header: [l("Phase", "Fase"), l("Reached", "Bereikt"), l("Active now", "Nu actief"),
                                  l("Paused now", "Nu gepauzeerd"), l("Closed", "Gesloten")],
                         rows: zip(r.reached, r.phasesNow).map { reached, now in
                             [reached.phase.title(l), n(reached.cases), n(now.active), n(now.paused), n(now.closed)]
                         }, numeric: [1, 2, 3, 4])))

        doc.add(.heading(l("Hours to form a group", "Uren tot een groep")))
        // The pilot's 8–15 hours held for its cases in general, 20–30 for complex ones.
        var hourRows: [(String, TeamReport.Hours, ClosedRange<Double>?)] = [(l("All", "Alle"), r.hoursToGroup, PilotFigures.hoursToGroup)]
        hourRows += r.hoursToGroupByTeam.map { (scope.name(of: $0.team), $0.hours, PilotFigures.hoursToGroup) }
        hourRows += [(l("Complex", "Complex"), r.hoursToGroupComplex, PilotFigures.hoursToGroupComplex),
                     (l("Not complex", "Niet complex"), r.hoursToGroupNotComplex, PilotFigures.hoursToGroup)]
        func oneDecimal(_ value: Double?) -> String { value.map { l.decimal($0) } ?? "-" }
        func range(_ hours: ClosedRange<Double>?) -> String { hours.map { "\(l.scale($0.lowerBound))–\(l.scale($0.upperBound))" } ?? "-" }
        doc.add(.figure(
            svg: charts.ranges(hourRows.map {
                .init(label: $0.0, minimum: $0.1.minimum, median: $0.1.median, maximum: $0.1.maximum,
                      text: $0.1.median.map { l("median \(oneDecimal($0)) h", "mediaan \(oneDecimal($0)) u") } ?? "-", reference: $0.2)
            }, id: "hours", title: l("Hours to form a group", "Uren tot een groep")),
            caption: l("Hours logged from the opening to the first meeting held: the range, with the median as a dot. "
                       + "The grey bands are the Amsterdam pilot's average: 8–15 hours, 20–30 for complex cases.",
                       "Uren geschreven van de opening tot de eerste gehouden bijeenkomst: de spreiding, met de mediaan als stip. "
                       + "De grijze banden zijn het gemiddelde van de Amsterdamse pilot: 8–15 uur, 20–30 voor complexe casussen."),
            text: .table(header: ["", l("Cases", "Casussen"), l("Mean", "Gemiddeld"), l("Median", "Mediaan"), l("Least", "Minst"),
                                  l("Most", "Meest"), l("Amsterdam pilot", "Amsterdamse pilot")],
                         rows: hourRows.map { [$0.0, n($0.1.cases), oneDecimal($0.1.mean), oneDecimal($0.1.median), oneDecimal($0.1.minimum),
                                               oneDecimal($0.1.maximum), range($0.2)] },
                         numeric: [1, 2, 3, 4, 5, 6])))

        doc.add(.heading(l("Days in each phase", "Dagen per fase")))
        let longest = ReportCharts.roundScale(r.daysInPhase.compactMap(\.median).max() ?? 0)
        doc.add(.figure(
            svg: charts.bars(r.daysInPhase.map { phase in
                .init(label: "\(phase.phase.number). \(phase.phase.title(l))", value: phase.median,
                      text: phase.median.map { l("\(oneDecimal($0)) days (\(phase.stays))", "\(oneDecimal($0)) dagen (\(phase.stays))") } ?? "-")
            }, scale: longest, ticks: [(0, "0"), (longest / 2, l.scale(longest / 2)), (longest, l.scale(longest))],
               id: "days", title: l("Median days in each phase", "Mediaan dagen per fase")),
            caption: l("The median length of the finished stays in each phase, pauses included.",
                       "De mediane duur van de afgeronde verblijven in elke fase, pauzes meegerekend."),
            text: .table(header: [l("Phase", "Fase"), l("Finished stays", "Afgeronde verblijven"), l("Median days", "Mediaan dagen")],
                         rows: r.daysInPhase.map { [$0.phase.title(l), n($0.stays), oneDecimal($0.median)] }, numeric: [1, 2])))

        doc.add(.heading(l("Pauses and closures", "Pauzes en afsluitingen")))
        let pauses = r.pauses.filter { $0.count > 0 }
        if pauses.isEmpty {
            doc.add(.empty(l("No pauses.", "Geen pauzes.")))
        } else {
            doc.add(.table(header: [l("Pause", "Pauze"), l("Count", "Aantal"), CaseTimeline.PauseEnding.resumed.title(l).capitalizedFirst,
                                    CaseTimeline.PauseEnding.closed.title(l).capitalizedFirst,
                                    CaseTimeline.PauseEnding.ongoing.title(l).capitalizedFirst],
                           rows: pauses.map { [$0.kind.title(l), n($0.count), n($0.resumed), n($0.closed), n($0.ongoing)] },
                           numeric: [1, 2, 3, 4]))
        }
        let closed = r.closedBy.filter { $0.count > 0 }
        if closed.isEmpty {
            doc.add(.empty(l("No cases closed.", "Geen casussen afgesloten.")))
        } else {
            doc.add(.table(header: [l("Closed because", "Afgesloten omdat"), l("Cases", "Casussen")],
                           rows: closed.map { [$0.outcome.title(l), n($0.count)] }, numeric: [1]))
        }
        doc.add(.note(scope.selection.all
            ? l("The shares count every case opened in the period, those still setting goals too.",
                "De aandelen tellen elke casus die in de periode is geopend, ook die nog doelen stellen.")
            : l("The shares leave out cases still setting goals: they have had no chance yet to involve anyone.",
                "De aandelen laten casussen weg die nog doelen stellen: die hebben nog niemand kunnen betrekken.")))
        return doc
    }
}
