import Foundation
import RegieCore

/// `report team` as text, in the workspace language.
package struct TeamReportText {
    package let l: L10n

    package init(l: L10n) { self.l = l }

    package func share(_ s: TeamReport.Share) -> String {
        let percent = s.percent.map { l.decimal($0) + "%" } ?? "-"
        return "\(s.count) / \(s.of) (\(percent))"
    }

    package func hours(_ h: TeamReport.Hours) -> String {
        guard let mean = h.mean, let median = h.median, let min = h.minimum, let max = h.maximum else {
            return l("no group formed yet", "nog geen groep gevormd")
        }
        let cases = l.count(h.cases, ("case", "cases"), ("casus", "casussen"))
        let (a, b, c, d) = (l.decimal(mean), l.decimal(median), l.decimal(min), l.decimal(max))
        return l("mean \(a) h, median \(b) h, from \(c) to \(d) h", "gemiddeld \(a) u, mediaan \(b) u, van \(c) tot \(d) u") + " (\(cases))"
    }

    package func render(_ r: TeamReport, teams: [String]) -> [String] {
        var lines = [
            l("Team report: \(teams.joined(separator: ", "))", "Teamrapport: \(teams.joined(separator: ", "))"),
            l("Cases opened in the period: \(r.opened); counted in the shares (past the goals phase): \(r.considered).",
              "Casussen geopend in de periode: \(r.opened); meegeteld in de aandelen (voorbij de doelenfase): \(r.considered)."),
            "",
            l("Network involved:              ", "Netwerk betrokken:             ") + share(r.networkInvolved),
            l("Group formed:                  ", "Groep gevormd:                 ") + share(r.groupFormed),
            l("Network picked up a question:  ", "Netwerk pakte een vraag op:    ") + share(r.networkPickedUpQuestion),
            l("Hours to form a group:         ", "Uren tot een groep:            ") + hours(r.hoursToGroup),
        ]
        for team in r.hoursToGroupByTeam { lines.append("  \(team.team): " + hours(team.hours)) }
        lines.append(l("  complex: ", "  complex: ") + hours(r.hoursToGroupComplex))
        lines.append(l("  not complex: ", "  niet complex: ") + hours(r.hoursToGroupNotComplex))
        lines.append(l("Goals achieved:                ", "Doelen bereikt:                ") + share(r.goalsAchieved))
        lines.append(l("Members with a can and cannot: ", "Leden met een kan en kan niet: ") + share(r.membersWithCanAndCannot))
        lines.append("")
        lines.append(l("Cases per phase now (active / paused / closed):", "Casussen per fase nu (actief / gepauzeerd / gesloten):"))
        for phase in r.phasesNow { lines.append("  \(phase.phase.title(l)): \(phase.active) / \(phase.paused) / \(phase.closed)") }
        lines.append(l("Cases that reached each phase: ", "Casussen die elke fase bereikten: ")
            + r.reached.map { "\($0.phase.title(l)) \($0.cases)" }.joined(separator: ", "))
        lines.append(l("Median days in each phase (finished stays):", "Mediaan dagen per fase (afgeronde verblijven):"))
        for phase in r.daysInPhase {
            let median = phase.median.map { l.decimal($0) } ?? "-"
            lines.append("  \(phase.phase.title(l)): \(median) (\(phase.stays))")
        }
        let paused = r.pauses.filter { $0.count > 0 }
        lines.append(l("Pauses: ", "Pauzes: ") + (paused.isEmpty ? "-" : paused.map {
            l("\($0.kind.title(l)) \($0.count) (resumed \($0.resumed), closed \($0.closed), ongoing \($0.ongoing))",
              "\($0.kind.title(l)) \($0.count) (hervat \($0.resumed), gesloten \($0.closed), loopt nog \($0.ongoing))")
        }.joined(separator: "; ")))
        let closed = r.closedBy.filter { $0.count > 0 }
        lines.append(l("Closed: ", "Gesloten: ") + (closed.isEmpty ? "-" : closed.map { "\($0.outcome.title(l)) \($0.count)" }.joined(separator: ", ")))
        return lines
    }
}
