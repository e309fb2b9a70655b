import Foundation

/// What the team report needs to know of one case, read from its state (docs/reports.md
/// defines each fact; this is the same definition in code). It holds no text about the
/// client: the store keeps a copy of it per case so that the report does not replay events.
public struct CaseFacts: Sendable, Equatable {
    /// Whether a case is active, paused or closed, without the reasons.
    public enum State: String, Sendable, Equatable {
        case active, paused, closed
    }

    public var caseID: Int
    public var team: String
    public var complex: Bool
    public var openedOn: LocalDate
    /// The phase the case is in, or was paused or closed in.
    public var phase: Phase
    public var state: State
    /// An informal resource said yes (contact `willing`) at some point, or was chosen as a member.
    public var networkInvolved: Bool
    /// At least one meeting was recorded as held.
    public var groupFormed: Bool
    /// A question is owned by an informal resource and accepted or done (at the end of the record).
    public var networkPickedUpQuestion: Bool
    /// Minutes logged on days from the opening up to and including the first held meeting;
    /// nil when no meeting was held.
    public var minutesToGroup: Int?
    /// Every finished stay in a phase: from entering it to the move that left it (time paused
    /// included), in whole days.
    public var phaseStays: [(phase: Phase, days: Int)] = []
    /// Every pause, by kind, with how it ended.
    public var pauses: [(kind: PauseKind, ending: CaseTimeline.PauseEnding)] = []
    /// The furthest phase the case reached.
    public var furthestPhase: Phase = .goals
    /// How the case was closed, if it is closed now.
    public var closedAs: CloseOutcome?
    /// Every goal, and those dropped among them: goals achieved count against those not
    /// dropped. `goalsDropped` is nil in facts a store kept from before it counted them; the
    /// team report then works the case out from its events.
    public var goals = 0
    public var goalsDropped: Int? = 0
    public var goalsAchieved = 0
    /// Members of the group now, and those of them who said both what they can and what they
    /// cannot do.
    public var members = 0
    public var membersWithCanAndCannot = 0
    /// What the case list shows (absent in facts made without it: the list then replays the case).
    public var work: CaseWork?

    public init(caseID: Int, team: String, complex: Bool, openedOn: LocalDate, phase: Phase, state: State, networkInvolved: Bool,
                groupFormed: Bool, networkPickedUpQuestion: Bool, minutesToGroup: Int?) {
        self.caseID = caseID
        self.team = team
        self.complex = complex
        self.openedOn = openedOn
        self.phase = phase
        self.state = state
        self.networkInvolved = networkInvolved
        self.groupFormed = groupFormed
        self.networkPickedUpQuestion = networkPickedUpQuestion
        self.minutesToGroup = minutesToGroup
    }

    public static func == (lhs: CaseFacts, rhs: CaseFacts) -> Bool {
        lhs.caseID == rhs.caseID && lhs.team == rhs.team && lhs.complex == rhs.complex && lhs.openedOn == rhs.openedOn
            && lhs.phase == rhs.phase && lhs.state == rhs.state && lhs.networkInvolved == rhs.networkInvolved
            && lhs.groupFormed == rhs.groupFormed
            && lhs.networkPickedUpQuestion == rhs.networkPickedUpQuestion && lhs.minutesToGroup == rhs.minutesToGroup
            && lhs.phaseStays.elementsEqual(rhs.phaseStays) { $0 == $1 } && lhs.pauses.elementsEqual(rhs.pauses) { $0 == $1 }
            && lhs.closedAs == rhs.closedAs && lhs.goals == rhs.goals && lhs.goalsAchieved == rhs.goalsAchieved
            && lhs.goalsDropped == rhs.goalsDropped
            && lhs.furthestPhase == rhs.furthestPhase && lhs.members == rhs.members
            && lhs.membersWithCanAndCannot == rhs.membersWithCanAndCannot && lhs.work == rhs.work
    }

    /// Folds a case's events into its facts.
    /// - Throws: ``ReplayError`` when the events do not form a case.
    public static func of(_ events: [RecordedEvent]) throws(ReplayError) -> CaseFacts {
        CaseFacts(try CaseState.replay(events))
    }

    /// The facts of a case as it stands, with what the case list shows of it.
    public init(_ state: CaseState, timeZone: TimeZone, periods: Agenda.Periods) {
        self.init(state)
        work = CaseWork(state, timeZone: timeZone, periods: periods)
    }

    /// The facts of a case as it stands.
    public init(_ state: CaseState) {
        let firstHeld = state.meetings.compactMap(\.heldOn).min()
        let openedOn = LocalDate(utcDayOf: state.openedAt)
        let informal = Set(state.resources.filter { $0.kind == .informal }.map(\.id))
        let condition: State, outcome: CloseOutcome?
        switch state.status {
        case .active: (condition, outcome) = (.active, nil)
        case .paused: (condition, outcome) = (.paused, nil)
        case .closed(_, let info): (condition, outcome) = (.closed, info.outcome)
        }
        self.init(
            caseID: state.id, team: state.team, complex: state.complex, openedOn: openedOn, phase: state.status.phase,
            state: condition, networkInvolved: state.informalNetworkInvolved,
            groupFormed: firstHeld != nil,
            networkPickedUpQuestion: state.questions.contains { question in
                question.owner.map(informal.contains) == true && (question.status == .accepted || question.status == .done)
            },
            minutesToGroup: firstHeld.map { held in
                state.timeEntries.filter { $0.on <= held && $0.on >= openedOn }.reduce(0) { $0 + $1.minutes }
            })
        closedAs = outcome
        let timeline = CaseTimeline(state)
        phaseStays = timeline.finishedStays
        pauses = timeline.pauses.map { ($0.kind, $0.ending) }
        furthestPhase = timeline.furthestPhase
        goals = state.goals.count
        goalsDropped = state.goals.filter { $0.status == .dropped }.count
        goalsAchieved = state.goals.filter { $0.status == .achieved }.count
        members = state.members.count
        membersWithCanAndCannot = state.members.filter { $0.canDo != nil && $0.cannotDo != nil }.count
    }
}
