import Foundation
import RegieCore

/// `report team` as text, in the workspace language.
package struct TeamReportText {
    package let l: L10n

    package init(l: L10n) { self.l = l }

    package func share(_ s: TeamReport.Share) -> String {
        let percent = s.percent.map { l.decimal($0) + "%" } ?? "-"
        return "\(l.integer(s.count)) / \(l.integer(s.of)) (\(percent))"
    }

    /// The Amsterdam pilot's figure for comparison: "pilot 77%".
    package func pilot(_ percent: Double) -> String { l("Amsterdam pilot \(l.scale(percent))%", "Amsterdamse pilot \(l.scale(percent))%") }

    package func pilot(_ hours: ClosedRange<Double>) -> String {
        l("Amsterdam pilot \(l.scale(hours.lowerBound))–\(l.scale(hours.upperBound)) h",
          "Amsterdamse pilot \(l.scale(hours.lowerBound))–\(l.scale(hours.upperBound)) u")
    }

    package func title(_ scope: TeamReportScope) -> String {
        let names = scope.teams.map(\.name).joined(separator: ", ")
        return l("Team report: \(names)", "Teamrapport: \(names)")
    }

    /// Who made it when, over which period: "Voorbeeld · made on 20 November 2026 · cases
    /// opened from … to …" (a period without an end ends on the day it was made).
    package func made(_ scope: TeamReportScope) -> String {
        let until = scope.selection.until ?? scope.madeOn
        let period = scope.selection.since.map {
            l("cases opened from \($0.spelled(l)) to \(until.spelled(l))", "casussen geopend van \($0.spelled(l)) tot en met \(until.spelled(l))")
        } ?? l("cases opened up to \(until.spelled(l))", "casussen geopend tot en met \(until.spelled(l))")
        return "\(scope.organisation) · " + l("made on \(scope.madeOn.spelled(l))", "gemaakt op \(scope.madeOn.spelled(l))") + " · " + period
    }

    package func hours(_ h: TeamReport.Hours) -> String {
        guard let mean = h.mean, let median = h.median, let min = h.minimum, let max = h.maximum else {
            return l("no group formed yet", "nog geen groep gevormd")
        }
        let cases = l.count(h.cases, ("case", "cases"), ("casus", "casussen"))
        let (a, b, c, d) = (l.decimal(mean), l.decimal(median), l.decimal(min), l.decimal(max))
        return l("mean \(a) h, median \(b) h, from \(c) to \(d) h", "gemiddeld \(a) u, mediaan \(b) u, van \(c) tot \(d) u") + " (\(cases))"
    }

    package func render(_ r: TeamReport, scope: TeamReportScope) -> [String] {
        let considered = scope.selection.all
            ? l("counted in the shares (all): \(l.integer(r.considered))", "meegeteld in de aandelen (alle): \(l.integer(r.considered))")
            : l("counted in the shares (past the goals phase): \(l.integer(r.considered))",
                "meegeteld in de aandelen (voorbij de doelenfase): \(l.integer(r.considered))")
        var lines = [
            title(scope),
            made(scope),
            l("Cases opened in the period: \(l.integer(r.opened)); \(considered).",
              "Casussen geopend in de periode: \(l.integer(r.opened)); \(considered)."),
            "",
            l("Network involved:              ", "Netwerk betrokken:             ") + share(r.networkInvolved)
                + " · " + pilot(PilotFigures.networkInvolved),
            l("Group formed:                  ", "Groep gevormd:                 ") + share(r.groupFormed) + " · " + pilot(PilotFigures.groupFormed),
            l("Network picked up a question:  ", "Netwerk pakte een vraag op:    ") + share(r.networkPickedUpQuestion)
                + " · " + pilot(PilotFigures.networkPickedUpQuestion),
            l("Hours to form a group:         ", "Uren tot een groep:            ") + hours(r.hoursToGroup)
                + " · " + pilot(PilotFigures.hoursToGroup),
        ]
        for team in r.hoursToGroupByTeam { lines.append("  \(scope.name(of: team.team)): " + hours(team.hours)) }
        lines.append(l("  complex: ", "  complex: ") + hours(r.hoursToGroupComplex) + " · " + pilot(PilotFigures.hoursToGroupComplex))
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
