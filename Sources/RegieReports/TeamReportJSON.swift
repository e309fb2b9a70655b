import RegieCore

/// `report team --format json`: every measure with its count and denominator (docs/json.md).
package struct TeamReportJSON: Encodable {
    package struct Share: Encodable {
        package var count: Int, of: Int, percent: Double?
        package init(_ share: TeamReport.Share) { (count, of, percent) = (share.count, share.of, share.percent) }
    }

    package struct Hours: Encodable {
        package var cases: Int, mean: Double?, median: Double?, min: Double?, max: Double?
        package init(_ hours: TeamReport.Hours) {
            (cases, mean, median, min, max) = (hours.cases, hours.mean, hours.median, hours.minimum, hours.maximum)
        }
    }

    package struct TeamHours: Encodable { var team: String, hours: Hours }
    package struct PhaseCount: Encodable { var phase: Phase, active: Int, paused: Int, closed: Int }
    package struct PhaseReached: Encodable { var phase: Phase, cases: Int }
    package struct PhaseDays: Encodable { var phase: Phase, stays: Int, medianDays: Double? }
    package struct Pauses: Encodable { var kind: PauseKind, count: Int, resumed: Int, closed: Int, ongoing: Int }
    package struct Closed: Encodable { var outcome: CloseOutcome, count: Int }

    package struct TeamName: Encodable { var id: String, name: String }

    /// The team ids; `team_names` gives each with its name.
    package var teams: [String]
    package var teamNames: [TeamName]
    package var organisation: String
    package var madeOn: LocalDate
    package var since: LocalDate?, until: LocalDate?
    package var includesGoalsPhase: Bool
    package var opened: Int
    package var considered: Int
    package var networkInvolved: Share
    package var groupFormed: Share
    package var networkPickedUpQuestion: Share
    package var hoursToGroup: Hours
    package var hoursToGroupByTeam: [TeamHours]
    package var hoursToGroupComplex: Hours
    package var hoursToGroupNotComplex: Hours
    package var phasesNow: [PhaseCount]
    package var reached: [PhaseReached]
    package var daysInPhase: [PhaseDays]
    package var pauses: [Pauses]
    package var closedBy: [Closed]
    package var goalsAchieved: Share
    package var membersWithCanAndCannot: Share

    package init(_ r: TeamReport, scope: TeamReportScope) {
        teams = scope.teams.map(\.id)
        teamNames = scope.teams.map { TeamName(id: $0.id, name: $0.name) }
        organisation = scope.organisation
        madeOn = scope.madeOn
        since = scope.selection.since
        until = scope.selection.until
        includesGoalsPhase = scope.selection.all
        opened = r.opened
        considered = r.considered
        networkInvolved = Share(r.networkInvolved)
        groupFormed = Share(r.groupFormed)
        networkPickedUpQuestion = Share(r.networkPickedUpQuestion)
        hoursToGroup = Hours(r.hoursToGroup)
        hoursToGroupByTeam = r.hoursToGroupByTeam.map { TeamHours(team: $0.team, hours: Hours($0.hours)) }
        hoursToGroupComplex = Hours(r.hoursToGroupComplex)
        hoursToGroupNotComplex = Hours(r.hoursToGroupNotComplex)
        phasesNow = r.phasesNow.map { PhaseCount(phase: $0.phase, active: $0.active, paused: $0.paused, closed: $0.closed) }
        reached = r.reached.map { PhaseReached(phase: $0.phase, cases: $0.cases) }
        daysInPhase = r.daysInPhase.map { PhaseDays(phase: $0.phase, stays: $0.stays, medianDays: $0.median) }
        pauses = r.pauses.map { Pauses(kind: $0.kind, count: $0.count, resumed: $0.resumed, closed: $0.closed, ongoing: $0.ongoing) }
        closedBy = r.closedBy.map { Closed(outcome: $0.outcome, count: $0.count) }
        goalsAchieved = Share(r.goalsAchieved)
        membersWithCanAndCannot = Share(r.membersWithCanAndCannot)
    }
}
