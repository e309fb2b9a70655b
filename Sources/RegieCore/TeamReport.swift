/// The pilot's measures over a set of cases (definitions in docs/reports.md). Pure: the
/// command reads the cases' facts and hands them in.
public struct TeamReport: Sendable, Equatable {
    /// A share with its denominator stated.
    public struct Share: Sendable, Equatable {
        public var count: Int
        public var of: Int
        /// The share in percent, rounded to one decimal; nil when there are no cases.
        public var percent: Double? { of == 0 ? nil : (Double(count) * 1000 / Double(of)).rounded() / 10 }
    }

    /// Hours to form a group over the cases that formed one.
    public struct Hours: Sendable, Equatable {
        public var cases: Int
        public var mean: Double?
        public var median: Double?
        public var minimum: Double?
        public var maximum: Double?

        init(minutes: [Int]) {
            let hours = minutes.sorted().map { Double($0) / 60 }
            cases = hours.count
            guard !hours.isEmpty else { return }
            mean = Self.round(hours.reduce(0, +) / Double(hours.count))
            median = TeamReport.median(ofSorted: hours).map(Self.round)
            minimum = Self.round(hours[0])
            maximum = Self.round(hours[hours.count - 1])
        }

        static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
    }

    /// Which cases count: opened in the period, and (unless `all`) past the goals phase.
    public struct Selection: Sendable, Equatable {
        public var since: LocalDate?
        public var until: LocalDate?
        public var all: Bool

        public init(since: LocalDate? = nil, until: LocalDate? = nil, all: Bool = false) {
            self.since = since
            self.until = until
            self.all = all
        }

        func includes(_ facts: CaseFacts) -> Bool {
            if let since, facts.openedOn < since { return false }
            if let until, until < facts.openedOn { return false }
            return all || facts.phase != .goals
        }
    }

    /// Cases opened in the period, in any phase: the funnel and the cases per phase now.
    public var opened: Int
    /// The denominator of every share.
    public var considered: Int
    public var networkInvolved: Share
    public var groupFormed: Share
    public var networkPickedUpQuestion: Share
    public var hoursToGroup: Hours
    public var hoursToGroupByTeam: [(team: String, hours: Hours)]
    public var hoursToGroupComplex: Hours
    public var hoursToGroupNotComplex: Hours
    /// Cases opened in the period by the phase they are in now (paused and closed ones by the
    /// phase they were paused or closed in), and how many of them are paused or closed.
    public var phasesNow: [(phase: Phase, active: Int, paused: Int, closed: Int)]
    /// The funnel: per phase, how many cases opened in the period have reached it (are in it
    /// or were in it or a later phase at some point).
    public var reached: [(phase: Phase, cases: Int)]
    /// Per phase: how many finished stays, and the median of their length in days.
    public var daysInPhase: [(phase: Phase, stays: Int, median: Double?)]
    /// Per kind of pause: how many, and how they ended.
    public var pauses: [(kind: PauseKind, count: Int, resumed: Int, closed: Int, ongoing: Int)]
    /// Closed cases by how they ended.
    public var closedBy: [(outcome: CloseOutcome, count: Int)]
    /// Goals achieved, of the goals not dropped.
    public var goalsAchieved: Share
    /// Members who said what they can and cannot do, of all members.
    public var membersWithCanAndCannot: Share

    public init(_ facts: [CaseFacts], selection: Selection) {
        var tally = TeamReportTally(selection: selection)
        for one in facts { tally.add(one) }
        self.init(tally)
    }

    public init(_ t: TeamReportTally) {
        func share(_ count: Int) -> Share { Share(count: count, of: t.considered) }
        opened = t.opened
        considered = t.considered
        networkInvolved = share(t.networkInvolved)
        groupFormed = share(t.groupFormed)
        networkPickedUpQuestion = share(t.networkPickedUpQuestion)
        hoursToGroup = Hours(minutes: t.minutes)
        hoursToGroupByTeam = t.minutesByTeam.keys.sorted().map { team in (team, Hours(minutes: t.minutesByTeam[team]!)) }
        hoursToGroupComplex = Hours(minutes: t.minutesComplex)
        hoursToGroupNotComplex = Hours(minutes: t.minutesNotComplex)
        daysInPhase = Phase.allCases.enumerated().map { index, phase in
            let days = t.stayDays[index].sorted()
            return (phase, days.count, Self.median(ofSorted: days))
        }
        pauses = PauseKind.allCases.enumerated().map { index, kind in
            let p = t.pauses[index]
            return (kind, p.count, p.resumed, p.closed, p.ongoing)
        }
        closedBy = CloseOutcome.allCases.enumerated().map { ($1, t.closedBy[$0]) }
        goalsAchieved = Share(count: t.goalsAchieved, of: t.goals)
        membersWithCanAndCannot = Share(count: t.membersWithCanAndCannot, of: t.members)
        reached = Phase.allCases.enumerated().map { ($1, t.reached[$0]) }
        phasesNow = Phase.allCases.enumerated().map { index, phase in
            (phase, t.phasesNow[index].active, t.phasesNow[index].paused, t.phasesNow[index].closed)
        }
    }

    /// The middle value, or the mean of the middle two; nil for no values.
    static func median(ofSorted values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let middle = values.count / 2
        return values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
    }

    public static func == (lhs: TeamReport, rhs: TeamReport) -> Bool {
        lhs.opened == rhs.opened && lhs.considered == rhs.considered && lhs.networkInvolved == rhs.networkInvolved
            && lhs.groupFormed == rhs.groupFormed && lhs.networkPickedUpQuestion == rhs.networkPickedUpQuestion
            && lhs.hoursToGroup == rhs.hoursToGroup
            && lhs.hoursToGroupByTeam.elementsEqual(rhs.hoursToGroupByTeam) { $0.team == $1.team && $0.hours == $1.hours }
            && lhs.hoursToGroupComplex == rhs.hoursToGroupComplex && lhs.hoursToGroupNotComplex == rhs.hoursToGroupNotComplex
            && lhs.phasesNow.elementsEqual(rhs.phasesNow) { $0 == $1 } && lhs.reached.elementsEqual(rhs.reached) { $0 == $1 }
            && lhs.daysInPhase.elementsEqual(rhs.daysInPhase) { $0 == $1 } && lhs.pauses.elementsEqual(rhs.pauses) { $0 == $1 }
            && lhs.closedBy.elementsEqual(rhs.closedBy) { $0 == $1 } && lhs.goalsAchieved == rhs.goalsAchieved
            && lhs.membersWithCanAndCannot == rhs.membersWithCanAndCannot
    }
}
