import Foundation
import RegieCore
import RegieStore

/// The agenda: what is due on the cases of the acting person's teams, worked out from each
/// case's record as it is read.
extension CaseSession {
    /// The tasks due and the meetings planned within `days` from today (and every overdue task) on
    /// the open cases of one team, or of all the acting person's teams; each case shown is logged
    /// as read.
    package func agenda(team: String?, withinDays days: Int) async throws(RegieError) -> [AgendaCase] {
        let person = try person()
        let teamID = try team.map { name throws(RegieError) in try self.team(name).id }
        if let teamID { _ = try actor(inTeam: teamID) }
        let summaries: [CaseSummary]
        do { summaries = try await store.summaries(team: teamID) } catch { throw RegieError.from(error) }
        let horizon = LocalDate(daysSinceEpoch: today.daysSinceEpoch + days)
        var entries: [AgendaCase] = []
        for summary in summaries where person.teams.contains(summary.team) {
            if case .closed = summary.status { continue }
            let events: [RecordedEvent]
            do { events = try await store.events(of: summary.id) } catch { throw RegieError.from(error) }
            let state: CaseState
            do { state = try CaseState.replay(events) } catch { throw RegieError.from(error) }
            let tasks = Agenda.tasks(of: state, today: today, timeZone: workspace.timeZone).filter { $0.due <= horizon }
            let meetings = state.meetings.filter { $0.heldOn == nil && $0.plannedOn >= today && $0.plannedOn <= horizon }
            if !tasks.isEmpty || !meetings.isEmpty { entries.append(AgendaCase(summary: summary, tasks: tasks, meetings: meetings)) }
        }
        try await recordReads(caseIDs: entries.map(\.summary.id), action: "agenda")
        return entries
    }
}
