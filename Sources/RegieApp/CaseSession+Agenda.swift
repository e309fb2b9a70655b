import Foundation
import RegieCore
import RegieStore

/// The agenda and the case list's columns: what is due on the cases of the acting person's
/// teams and who holds them, worked out from each case's record as it is read.
extension CaseSession {
    /// Which cases a list or the agenda covers.
    package struct CaseSelection: Sendable {
        package var team: String?
        /// Only the cases the acting person holds (as responsible or second worker).
        package var mine = false

        package init(team: String? = nil, mine: Bool = false) {
            self.team = team
            self.mine = mine
        }
    }

    /// The tasks due and the meetings planned within `days` from today (and every overdue task) on
    /// the open cases selected; each case shown is logged as read.
    package func agenda(_ selection: CaseSelection, withinDays days: Int) async throws(RegieError) -> [AgendaCase] {
        let horizon = LocalDate(daysSinceEpoch: today.daysSinceEpoch + days)
        var entries: [AgendaCase] = []
        for overview in try await overviews(selection, includeClosed: false) {
            // A meeting still to come is listed as a meeting, not yet as a task to record it.
            let tasks = overview.tasks.filter { $0.due <= horizon && ($0.kind != .recordMeeting || $0.isOpen(today: today)) }
            let meetings = overview.plannedMeetings.filter { $0.plannedOn >= today && $0.plannedOn <= horizon }
            if !tasks.isEmpty || !meetings.isEmpty { entries.append(AgendaCase(summary: overview.summary, tasks: tasks, meetings: meetings)) }
        }
        try await recordReads(caseIDs: entries.map(\.summary.id), action: "agenda")
        return entries
    }

    /// The selected cases of the acting person's teams, each worked out from its record. Not
    /// logged: the caller records what it shows.
    func overviews(_ selection: CaseSelection, includeClosed: Bool) async throws(RegieError) -> [CaseOverview.WithMeetings] {
        let person = try person()
        let teamID = try selection.team.map { name throws(RegieError) in try self.team(name).id }
        if let teamID { _ = try actor(inTeam: teamID) }
        let summaries: [CaseSummary]
        do { summaries = try await store.summaries(team: teamID) } catch { throw RegieError.from(error) }
        var overviews: [CaseOverview.WithMeetings] = []
        for summary in summaries where person.teams.contains(summary.team) {
            if !includeClosed, case .closed = summary.status { continue }
            let state = try await replayed(summary.id)
            let overview = CaseOverview(state, timeZone: workspace.timeZone, periods: try await rules.pinned(state.workflowHash).periods)
            if selection.mine && !overview.isHeld(by: person.id) { continue }
            overviews.append(CaseOverview.WithMeetings(overview: overview, plannedMeetings: state.meetings.filter { $0.heldOn == nil }))
        }
        return overviews
    }

    /// A case's state from its events, without access checks (the caller makes them).
    func replayed(_ caseID: Int) async throws(RegieError) -> CaseState {
        let events: [RecordedEvent]
        do { events = try await store.events(of: caseID) } catch { throw RegieError.from(error) }
        do { return try CaseState.replay(events) } catch { throw RegieError.from(error) }
    }

    /// The tasks of a case as `case show` lists them, with the periods of its workflow.
    package func tasks(of state: CaseState, workflow: Workflow) -> [AgendaTask] {
        Agenda.tasks(of: state, timeZone: workspace.timeZone, periods: workflow.periods)
    }
}

extension CaseOverview {
    /// An overview with the meetings still planned, for the agenda's calendar.
    package struct WithMeetings: Sendable {
        package var overview: CaseOverview
        package var plannedMeetings: [Meeting]

        package var summary: CaseSummary { overview.summary }
        package var tasks: [AgendaTask] { overview.tasks }
    }
}
