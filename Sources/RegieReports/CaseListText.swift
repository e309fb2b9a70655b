import Foundation
import RegieCore

/// `case list` as a table with a header: number, client, team, worker, status, days in it,
/// next meeting and tasks due.
package struct CaseListText {
    package let l: L10n
    package let names: [String: String]

    package init(_ l: L10n, names: [String: String]) {
        self.l = l
        self.names = names
    }

    /// The table, or a sentence when there is no case to show.
    package func lines(_ cases: [CaseOverview], today: LocalDate, timeZone: TimeZone) -> [String] {
        cases.isEmpty ? [l("No cases.", "Geen casussen.")] : rows(cases, today: today, timeZone: timeZone)
    }

    package func rows(_ cases: [CaseOverview], today: LocalDate, timeZone: TimeZone) -> [String] {
        let header = [l("case", "casus"), l("client", "cliënt"), "team", l("worker", "werker"), l("status", "status"),
                      l("days", "dagen"), l("next meeting", "volgende bijeenkomst"), l("due", "te doen")]
        var table = [header]
        for entry in cases {
            let s = entry.summary
            let open = entry.openTasks(today: today)
            let due = open == 0 ? "–" : "\(open)" + (entry.isOverdue(today: today) ? l(" (overdue)", " (te laat)") : "")
            var status = s.status.title(l)
            if let team = entry.transferTo { status += l(" → team \(team)?", " → team \(team)?") }
            table.append([String(s.id), s.clientLabel, s.team, names[entry.worker] ?? entry.worker, status,
                          String(entry.daysInStatus(today: today, timeZone: timeZone)),
                          entry.nextMeeting?.description ?? "–", due])
        }
        let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }
}
