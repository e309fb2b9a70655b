import RegieCore
import RegieReports

/// A time entry as `time list --json` and `GET /api/v1/cases/{id}/time` give it.
package struct TimeEntryJSON: Encodable, Sendable {
    package var id: Int, on: LocalDate, minutes: Int, activity: TimeActivity

    package init(_ entry: TimeEntry) {
        (id, on, minutes, activity) = (entry.id, entry.on, entry.minutes, entry.activity)
    }

    /// `time list` as text: one line per entry, then the total.
    package static func lines(_ state: CaseState, l: L10n) -> [String] {
        state.timeEntries.map { "\($0.id).\t\($0.on)\t\(Duration.text(minutes: $0.minutes))\t\($0.activity.title(l))" }
            + [l("Total: ", "Totaal: ") + Duration.text(minutes: state.minutesLogged)]
    }
}
