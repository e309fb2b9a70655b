/// Counts cases into a team report one at a time, so that a report over many cases needs
/// no list of them: the store hands each case's facts in as it reads them. Gives the same
/// report as ``TeamReport/init(_:selection:)``, which uses it.
public struct TeamReportTally: Sendable {
    public let selection: TeamReport.Selection
    private let period: TeamReport.Selection

    var opened = 0
    var considered = 0
    var networkInvolved = 0
    var groupFormed = 0
    var networkPickedUpQuestion = 0
    var minutes: [Int] = []
    var minutesByTeam: [String: [Int]] = [:]
    var minutesComplex: [Int] = []
    var minutesNotComplex: [Int] = []
    /// Per phase (by position): the length in days of every finished stay.
    var stayDays = Array(repeating: [Double](), count: Phase.allCases.count)
    /// Per kind of pause (by position): how many, and how many ended each way.
    var pauses = Array(repeating: (count: 0, resumed: 0, closed: 0, ongoing: 0), count: PauseKind.allCases.count)
    var closedBy = Array(repeating: 0, count: CloseOutcome.allCases.count)
    /// Goals not dropped, and those of them achieved.
    var goals = 0
    var goalsAchieved = 0
    var members = 0
    var membersWithCanAndCannot = 0
    /// Per phase: cases that reached it, and those in it now by state.
    var reached = Array(repeating: 0, count: Phase.allCases.count)
    var phasesNow = Array(repeating: (active: 0, paused: 0, closed: 0), count: Phase.allCases.count)

    public init(selection: TeamReport.Selection) {
        self.selection = selection
        period = TeamReport.Selection(since: selection.since, until: selection.until, all: true)
    }

    public mutating func add(_ facts: CaseFacts) {
        guard period.includes(facts) else { return }
        opened += 1
        for phase in 0..<facts.furthestPhase.number { reached[phase] += 1 }
        let now = facts.phase.number - 1
        switch facts.state {
        case .active: phasesNow[now].active += 1
        case .paused: phasesNow[now].paused += 1
        case .closed: phasesNow[now].closed += 1
        }
        guard selection.includes(facts) else { return }
        considered += 1
        if facts.networkInvolved { networkInvolved += 1 }
        if facts.groupFormed { groupFormed += 1 }
        if facts.networkPickedUpQuestion { networkPickedUpQuestion += 1 }
        if let spent = facts.minutesToGroup {
            minutes.append(spent)
            minutesByTeam[facts.team, default: []].append(spent)
            if facts.complex { minutesComplex.append(spent) } else { minutesNotComplex.append(spent) }
        }
        for stay in facts.phaseStays { stayDays[stay.phase.number - 1].append(Double(stay.days)) }
        for pause in facts.pauses {
            let kind = PauseKind.allCases.firstIndex(of: pause.kind)!
            pauses[kind].count += 1
            switch pause.ending {
            case .resumed: pauses[kind].resumed += 1
            case .closed: pauses[kind].closed += 1
            case .ongoing: pauses[kind].ongoing += 1
            }
        }
        if let outcome = facts.closedAs { closedBy[CloseOutcome.allCases.firstIndex(of: outcome)!] += 1 }
        goals += facts.goals - (facts.goalsDropped ?? 0)
        goalsAchieved += facts.goalsAchieved
        members += facts.members
        membersWithCanAndCannot += facts.membersWithCanAndCannot
    }
}
