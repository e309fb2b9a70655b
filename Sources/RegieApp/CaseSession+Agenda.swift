import Foundation
import RegieCore
import RegieLua
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
    /// the open cases selected, worked out from each record as it is read; each case shown is
    /// logged as read.
    package func agenda(_ selection: CaseSelection, withinDays days: Int) async throws(RegieError) -> [AgendaCase] {
        let horizon = LocalDate(daysSinceEpoch: today.daysSinceEpoch + days)
        let person = try person()
        let summaries = try await selectedSummaries(selection)
        let stored = try await storedWork(of: summaries)
        var entries: [AgendaCase] = []
        for summary in summaries {
            if case .closed = summary.status { continue }
            // The stored part says when the case's tasks are due and when it meets next: a case
            // with nothing within the horizon need not be read at all.
            if let work = stored[summary.id] {
                if selection.mine && work.worker != person.id && work.secondWorker != person.id { continue }
                if !work.taskDues.contains(where: { $0 <= horizon }), (work.nextMeeting.map { $0 > horizon } ?? true) { continue }
            }
            let state = try await replayed(summary.id, version: summary.version)
            if selection.mine && state.worker != person.id && state.secondWorker != person.id { continue }
            let periods = try await periods(of: state)
            // A meeting still to come is listed as a meeting, not yet as a task to record it.
            let tasks = Agenda.tasks(of: state, timeZone: workspace.timeZone, periods: periods)
                .filter { $0.due <= horizon && ($0.kind != .recordMeeting || $0.isOpen(today: today)) }
            let meetings = state.meetings.filter { $0.heldOn == nil && $0.plannedOn >= today && $0.plannedOn <= horizon }
            if !tasks.isEmpty || !meetings.isEmpty { entries.append(AgendaCase(summary: summary, tasks: tasks, meetings: meetings)) }
        }
        try await recordReads(caseIDs: entries.map(\.summary.id), action: "agenda")
        return entries
    }

    /// The case-list part stored with the report facts of these cases, where it was worked out
    /// in the workspace's time zone (any other is worked out again).
    private func storedWork(of summaries: [CaseSummary]) async throws(RegieError) -> [Int: CaseWork] {
        var work: [Int: CaseWork] = [:]
        let zone = workspace.timeZone.identifier
        do {
            _ = try await store.forEachCaseFacts(teams: Array(Set(summaries.map(\.team))).sorted()) { facts in
                if let known = facts.work, known.zone == zone { work[facts.caseID] = known }
            }
        } catch {
            throw RegieError.from(error)
        }
        return work
    }

    /// The list rows of the selected team (or all the acting person's teams) that the person may
    /// see. Not logged: the caller records what it shows.
    func selectedSummaries(_ selection: CaseSelection) async throws(RegieError) -> [CaseSummary] {
        let person = try person()
        let teamID = try selection.team.map { name throws(RegieError) in try self.team(name).id }
        if let teamID { _ = try actor(inTeam: teamID) }
        // One team's rows at a time, read by the store's team index: a person of one team among
        // fifty reads that team's cases, not the whole list.
        var summaries: [CaseSummary] = []
        for team in teamID.map({ [$0] }) ?? person.teams {
            do { summaries += try await store.summaries(team: team) } catch { throw RegieError.from(error) }
        }
        return summaries.filter { person.teams.contains($0.team) }.sorted { $0.id < $1.id }
    }

    /// The selected cases with who holds them and when their tasks are due: from the copy the
    /// store keeps with each case's report facts, or, where there is none (or it was worked out
    /// in another time zone), from the case's events. Not logged: the caller records what it shows.
    func overviews(_ selection: CaseSelection) async throws(RegieError) -> [CaseOverview] {
        let person = try person()
        let summaries = try await selectedSummaries(selection)
        let work = try await storedWork(of: summaries)
        var overviews: [CaseOverview] = []
        for summary in summaries {
            let overview: CaseOverview
            if let stored = work[summary.id] {
                overview = CaseOverview(summary: summary, work: stored)
            } else {
                let state = try await replayed(summary.id, version: summary.version)
                overview = CaseOverview(state, timeZone: workspace.timeZone, periods: try await periods(of: state))
            }
            if selection.mine && !overview.isHeld(by: person.id) { continue }
            overviews.append(overview)
        }
        return overviews
    }

    /// A case's state from its events, without access checks (the caller makes them).
    /// - Parameter version: the version the case list gives: a state kept at it is the same.
    func replayed(_ caseID: Int, version: Int? = nil) async throws(RegieError) -> CaseState {
        if let version, let kept = replays?.state(caseID, version: version) { return kept }
        let events: [RecordedEvent]
        do { events = try await store.events(of: caseID) } catch { throw RegieError.from(error) }
        let state: CaseState
        do { state = try CaseState.replay(events) } catch { throw RegieError.from(error) }
        replays?.keep(state)
        return state
    }

    /// The handovers on a coordinator's agenda (of one of their teams, or all), theirs to settle
    /// whatever `mine` says, with the day each was offered.
    package func agendaOffers(team: String?) async throws(RegieError)
        -> [(caseID: Int, fromTeam: String, reason: String, on: LocalDate)]
    {
        try await offersToSettle().filter { team == nil || $0.transfer.toTeam == team }.map {
            (caseID: $0.caseID, fromTeam: $0.fromTeam, reason: $0.transfer.reason, on: LocalDate(dayOf: $0.transfer.requestedAt, in: workspace.timeZone))
        }
    }

    /// The agenda's periods for a case (``Agenda/periods(of:workflow:plugins:)``) under its pinned rules.
    package func periods(of state: CaseState) async throws(RegieError) -> Agenda.Periods {
        let workflow = try await rules.pinned(state.workflowHash)
        guard !state.plugins.isEmpty else { return workflow.periods }
        try await rules.loadPlugins(of: state)
        return Agenda.periods(of: state, workflow: workflow, plugins: try rules.plugins(for: state, workflow: workflow))
    }

    /// The tasks of a case as `case show` lists them, with its periods.
    package func tasks(of state: CaseState) async throws(RegieError) -> [AgendaTask] {
        Agenda.tasks(of: state, timeZone: workspace.timeZone, periods: try await periods(of: state))
    }
}
