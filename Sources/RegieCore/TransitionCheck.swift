import Foundation

/// Replays one recorded transition against the case as it stood just before it and the rules
/// recorded with it: was the move legal from that status, did it carry the reason it needs,
/// and does its checklist snapshot match what the rules say held at that moment (so that an
/// override is recorded exactly when required items were unmet)?
public enum TransitionCheck {
    /// What is wrong with a recorded transition.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        case wrongStartingStatus
        case illegalMove(MoveKind)
        case missingReason(MoveKind)
        case checklistDiffers(recorded: [String], recomputed: [String])
        case overrideWithoutReason
        case guardsDiffer

        public var description: String {
            switch self {
            case .wrongStartingStatus: "the recorded starting status is not the case's status at that moment"
            case .illegalMove(let kind): "\(kind.rawValue) was not a legal move from that status"
            case .missingReason(let kind): "\(kind.rawValue) needs a reason and has none"
            case .checklistDiffers(let recorded, let recomputed):
                "the recorded unmet items [\(recorded.joined(separator: ", "))] differ from the rules' [\(recomputed.joined(separator: ", "))]"
            case .overrideWithoutReason: "an override without a written reason"
            case .guardsDiffer: "the recorded plugin verdicts differ from what the pinned plugins say"
            }
        }
    }

    /// - Returns: nil when the transition was legal.
    public static func problem(with transition: Transitioned, before state: CaseState, workflow: Workflow,
                               evaluator: any DerivedItemEvaluator, plugins: any CasePlugins = NoPlugins(),
                               at time: Date = Date(timeIntervalSince1970: 0)) -> Problem? {
        guard transition.from == state.status else { return .wrongStartingStatus }
        guard let move = move(of: transition),
              Lifecycle.target(of: move, from: state.status, reason: transition.reason ?? "") == transition.to
        else { return .illegalMove(transition.move) }
        if move.needsReason, transition.reason == nil { return .missingReason(transition.move) }
        let verdicts = plugins.verdicts(on: move, to: transition.to, of: state, at: time)
        guard (plugins.isEmpty ? nil : verdicts) == transition.guards, verdicts.allSatisfy(\.allowed) else { return .guardsDiffer }
        guard move.isForward else { return nil }
        let checklist = Checklist.evaluate(state.status.phase, of: state, workflow: workflow, evaluator: evaluator,
                                           plugins: plugins, at: time)
        let unmet = checklist.filter { $0.item.required && !$0.holds }.map(\.item.id)
        let snapshot = checklist.map { ChecklistSnapshot(item: $0.item.id, required: $0.item.required, holds: $0.holds) }
        guard unmet == transition.unmet, snapshot == transition.checklist, transition.overridden == !unmet.isEmpty else {
            return .checklistDiffers(recorded: transition.unmet, recomputed: unmet)
        }
        if transition.overridden, transition.reason == nil { return .overrideWithoutReason }
        return nil
    }

    /// The move that leads to the recorded status (its details live in the target status).
    static func move(of transition: Transitioned) -> Move? {
        switch (transition.move, transition.to) {
        case (.advance, _): .advance
        case (.revisit, .active(let phase)): .revisit(phase)
        case (.nextRound, _): .nextRound
        case (.renew, _): .renew
        case (.pause, .paused(_, let info)): .pause(info.kind)
        case (.resume, _): .resume
        case (.close, .closed(_, let info)): .close(info.outcome)
        case (.reopen, _): .reopen
        default: nil
        }
    }
}
