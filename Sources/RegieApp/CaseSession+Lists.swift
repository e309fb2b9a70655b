import Foundation
import RegieCore
import RegieStore

/// Reads across cases: the case list and the team report, each limited to the acting
/// person's teams and recorded in the access log before it is handed back.
extension CaseSession {
    /// What `case list` can leave out.
    package struct ListFilter: Sendable {
        package var selection = CaseSelection()
        /// `active`, `paused` or `closed`.
        package var state: String?
        package var phase: Phase?
        /// Only cases with a task past its due day.
        package var overdue = false

        package init() {}
    }

    /// The cases of one team (or of all the acting person's teams) the person may see, with who
    /// holds them and what is due. A person sees the cases of their own teams only; each case
    /// shown is a read of it.
    package func caseList(_ filter: ListFilter = ListFilter()) async throws(RegieError) -> [CaseOverview] {
        let visible = try await filtered(filter)
        try await recordReads(caseIDs: visible.map(\.summary.id), action: "case list")
        return visible
    }

    /// One page of the case list: at most `limit` cases after case `after`, in case order; only
    /// the cases on the page are logged as read.
    /// - Returns: the page, and whether more cases follow it.
    package func casePage(_ filter: ListFilter, after: Int?, limit: Int, action: String) async throws(RegieError)
        -> (cases: [CaseOverview], more: Bool)
    {
        let rest = try await filtered(filter).filter { entry in after.map { entry.summary.id > $0 } ?? true }
        let page = Array(rest.prefix(limit))
        try await recordReads(caseIDs: page.map(\.summary.id), action: action)
        return (page, rest.count > page.count)
    }

    private func filtered(_ filter: ListFilter) async throws(RegieError) -> [CaseOverview] {
        let today = self.today
        return try await overviews(filter.selection).filter { entry in
            (filter.state == nil || entry.summary.status.state == filter.state)
                && (filter.phase == nil || entry.summary.status.phase == filter.phase)
                && (!filter.overdue || entry.isOverdue(today: today))
        }
    }

    /// The numbers of the cases of the acting person's teams, for shell completion: numbers
    /// only, no case data, so not logged.
    package func caseNumbers() async throws(RegieError) -> [Int] {
        try await selectedSummaries(CaseSelection()).map(\.id)
    }

    /// The hand-ticked checklist items of the acting person's teams' workflows, for completion.
    package func manualItemIDs() -> [String] {
        guard let person = try? person() else { return [] }
        var ids: [String] = []
        for teamID in person.teams {
            guard let team = workspace.team(teamID), let (workflow, _, _) = try? rules.current(for: team) else { continue }
            for phase in Phase.allCases {
                for item in workflow.definition(of: phase).checklist where item.isManual && !ids.contains(item.id) { ids.append(item.id) }
            }
        }
        return ids
    }

    /// The team report of one team (or of all the acting person's teams).
    /// - Returns: the report and the teams it covers.
    package func teamReport(team: String?, selection: TeamReport.Selection) async throws(RegieError)
        -> (report: TeamReport, scope: TeamReportScope)
    {
        let person = try person()
        let teams: [String]
        if let team {
            _ = try self.team(team)
            _ = try actor(inTeam: team)
            teams = [team]
        } else {
            teams = person.teams
        }
        // One row per case from the facts stored with its events, counted as it is read; a
        // case without them (a store written by other means), or with a row from before the
        // facts counted dropped goals, is worked out from its events.
        var tally = TeamReportTally(selection: selection)
        var stale: [Int] = []
        let missing: [Int]
        do {
            missing = try await store.forEachCaseFacts(teams: teams) { facts in
                if facts.goalsDropped == nil { stale.append(facts.caseID) } else { tally.add(facts) }
            }
        } catch {
            throw RegieError.from(error)
        }
        for caseID in (missing + stale).sorted() {
            let events: [RecordedEvent]
            do { events = try await store.events(of: caseID) } catch { throw RegieError.from(error) }
            do {
                tally.add(try CaseFacts.of(events))
            } catch {
                throw RegieError.from(error)
            }
        }
        try await recordRead(caseID: nil, action: "report team")
        let named = teams.map { TeamReportScope.Team(id: $0, name: workspace.team($0)?.name ?? $0) }
        return (TeamReport(tally), TeamReportScope(organisation: workspace.organisation, teams: named, madeOn: today, selection: selection))
    }
}
