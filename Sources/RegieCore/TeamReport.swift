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
    /// Goals achieved, of all goals.
    public var goalsAchieved: Share
    /// Members who said what they can and cannot do, of all members.
    public var membersWithCanAndCannot: Share

    public init(_ facts: [CaseFacts], selection: Selection) {
        let period = facts.filter { Selection(since: selection.since, until: selection.until, all: true).includes($0) }
        let counted = period.filter(selection.includes)
        func share(_ test: (CaseFacts) -> Bool) -> Share { Share(count: counted.filter(test).count, of: counted.count) }
        func hours(_ cases: [CaseFacts]) -> Hours { Hours(minutes: cases.compactMap(\.minutesToGroup)) }
        opened = period.count
        considered = counted.count
        networkInvolved = share(\.networkInvolved)
        groupFormed = share(\.groupFormed)
        networkPickedUpQuestion = share(\.networkPickedUpQuestion)
        hoursToGroup = hours(counted)
        hoursToGroupByTeam = Set(counted.map(\.team)).sorted().map { team in (team, hours(counted.filter { $0.team == team })) }
        hoursToGroupComplex = hours(counted.filter(\.complex))
        hoursToGroupNotComplex = hours(counted.filter { !$0.complex })
        daysInPhase = Phase.allCases.map { phase in
            let days = counted.flatMap { $0.phaseStays.filter { $0.phase == phase }.map { Double($0.days) } }.sorted()
            return (phase, days.count, Self.median(ofSorted: days))
        }
        let allPauses = counted.flatMap(\.pauses)
        pauses = PauseKind.allCases.map { kind in
            let these = allPauses.filter { $0.kind == kind }
            return (kind, these.count, these.filter { $0.ending == .resumed }.count, these.filter { $0.ending == .closed }.count,
                    these.filter { $0.ending == .ongoing }.count)
        }
        closedBy = CloseOutcome.allCases.map { outcome in (outcome, counted.filter { $0.closedAs == outcome }.count) }
        goalsAchieved = Share(count: counted.reduce(0) { $0 + $1.goalsAchieved }, of: counted.reduce(0) { $0 + $1.goals })
        membersWithCanAndCannot = Share(count: counted.reduce(0) { $0 + $1.membersWithCanAndCannot },
                                        of: counted.reduce(0) { $0 + $1.members })
        reached = Phase.allCases.map { phase in (phase, period.filter { $0.furthestPhase >= phase }.count) }
        phasesNow = Phase.allCases.map { phase in
            let here = period.filter { $0.phase == phase }
            return (phase, here.filter { $0.state == .active }.count, here.filter { $0.state == .paused }.count,
                    here.filter { $0.state == .closed }.count)
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
