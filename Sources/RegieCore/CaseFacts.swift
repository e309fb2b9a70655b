import Foundation

/// What the team report needs to know of one case, read from its events (docs/reports.md
/// defines each fact; this is the same definition in code).
public struct CaseFacts: Sendable, Equatable {
    public var caseID: Int
    public var team: String
    public var complex: Bool
    public var openedOn: LocalDate
    public var status: CaseStatus
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
    /// Every pause, by kind, with how it ended: `resumed`, `closed` (closed while paused) or
    /// `ongoing`.
    public var pauses: [(kind: PauseKind, ending: String)] = []
    /// How the case was closed, if it is closed now.
    public var closedAs: CloseOutcome?
    public var goals = 0
    public var goalsAchieved = 0
    /// Members of the group now, and those of them who said both what they can and what they
    /// cannot do.
    public var members = 0
    public var membersWithCanAndCannot = 0

    public static func == (lhs: CaseFacts, rhs: CaseFacts) -> Bool {
        lhs.caseID == rhs.caseID && lhs.team == rhs.team && lhs.complex == rhs.complex && lhs.openedOn == rhs.openedOn
            && lhs.status == rhs.status && lhs.networkInvolved == rhs.networkInvolved && lhs.groupFormed == rhs.groupFormed
            && lhs.networkPickedUpQuestion == rhs.networkPickedUpQuestion && lhs.minutesToGroup == rhs.minutesToGroup
            && lhs.phaseStays.elementsEqual(rhs.phaseStays) { $0 == $1 } && lhs.pauses.elementsEqual(rhs.pauses) { $0 == $1 }
            && lhs.closedAs == rhs.closedAs && lhs.goals == rhs.goals && lhs.goalsAchieved == rhs.goalsAchieved
            && lhs.members == rhs.members && lhs.membersWithCanAndCannot == rhs.membersWithCanAndCannot
    }

    /// Folds a case's events into its facts.
    /// - Throws: ``ReplayError`` when the events do not form a case.
    public static func of(_ events: [RecordedEvent]) throws(ReplayError) -> CaseFacts {
        var state: CaseState?
        var networkInvolved = false
        for event in events {
            if state == nil {
                state = try CaseState.replay([event])
            } else {
                try state!.apply(event)
            }
            if !networkInvolved, state!.resources.contains(where: { $0.kind == .informal && ($0.contact == .willing || $0.isMember) }) {
                networkInvolved = true
            }
        }
        guard let state else { throw ReplayError(caseID: 0, version: 1, problem: "the case has no events") }
        let firstHeld = state.meetings.compactMap(\.heldOn).min()
        let openedOn = LocalDate(utcDayOf: state.openedAt)
        let informal = Set(state.resources.filter { $0.kind == .informal }.map(\.id))
        var facts = CaseFacts(
            caseID: state.id, team: state.team, complex: state.complex, openedOn: openedOn, status: state.status,
            networkInvolved: networkInvolved,
            groupFormed: firstHeld != nil,
            networkPickedUpQuestion: state.questions.contains { question in
                question.owner.map(informal.contains) == true && (question.status == .accepted || question.status == .done)
            },
            minutesToGroup: firstHeld.map { held in
                state.timeEntries.filter { $0.on <= held && $0.on >= openedOn }.reduce(0) { $0 + $1.minutes }
            })
        facts.phaseStays = Self.stays(state)
        facts.pauses = Self.pauses(state)
        if case .closed(_, let info) = state.status { facts.closedAs = info.outcome }
        facts.goals = state.goals.count
        facts.goalsAchieved = state.goals.filter { $0.status == .achieved }.count
        facts.members = state.members.count
        facts.membersWithCanAndCannot = state.members.filter { $0.canDo != nil && $0.cannotDo != nil }.count
        return facts
    }

    private static func day(_ date: Date) -> Int { LocalDate(utcDayOf: date).daysSinceEpoch }

    /// A stay ends with a move to another phase, a next round or renewal (a new stay, even in
    /// the same phase) or a close; pausing and resuming stay in the phase; a reopen starts one.
    static func stays(_ state: CaseState) -> [(phase: Phase, days: Int)] {
        var stays: [(phase: Phase, days: Int)] = []
        var current: (phase: Phase, since: Int)? = (.goals, day(state.openedAt))
        for record in state.history {
            let t = record.transition
            let ends = t.from.phase != t.to.phase || t.move == .nextRound || t.move == .renew || t.move == .close
            if ends, let open = current {
                stays.append((open.phase, day(record.at) - open.since))
                current = nil
            }
            if case .closed = t.to { continue }
            if current == nil { current = (t.to.phase, day(record.at)) }
        }
        return stays
    }

    static func pauses(_ state: CaseState) -> [(kind: PauseKind, ending: String)] {
        var pauses: [(kind: PauseKind, ending: String)] = []
        for record in state.history {
            switch record.transition.to {
            case .paused(_, let info): pauses.append((info.kind, "ongoing"))
            case .active where record.transition.move == .resume && pauses.last?.ending == "ongoing":
                pauses[pauses.count - 1].ending = "resumed"
            case .closed where pauses.last?.ending == "ongoing":
                if case .paused = record.transition.from { pauses[pauses.count - 1].ending = "closed" }
            default: break
            }
        }
        return pauses
    }
}
