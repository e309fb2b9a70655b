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
        let openedOn = LocalDate(daysSinceEpoch: Int((state.openedAt.timeIntervalSince1970 / 86_400).rounded(.down)))
        let informal = Set(state.resources.filter { $0.kind == .informal }.map(\.id))
        return CaseFacts(
            caseID: state.id, team: state.team, complex: state.complex, openedOn: openedOn, status: state.status,
            networkInvolved: networkInvolved,
            groupFormed: firstHeld != nil,
            networkPickedUpQuestion: state.questions.contains { question in
                question.owner.map(informal.contains) == true && (question.status == .accepted || question.status == .done)
            },
            minutesToGroup: firstHeld.map { held in
                state.timeEntries.filter { $0.on <= held && $0.on >= openedOn }.reduce(0) { $0 + $1.minutes }
            })
    }
}
