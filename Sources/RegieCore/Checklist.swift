/// The state of one checklist item for a case.
public struct ChecklistItemState: Sendable, Equatable {
    public var item: ChecklistItem
    public var holds: Bool
    /// Why a derived item could not be evaluated; it then does not hold.
    public var failure: String?
}

/// Evaluates a phase's checklist against a case.
public enum Checklist {
    /// Every item of the phase with whether it holds: ticked by hand in the current round, or
    /// derived from the case by its expression.
    public static func evaluate(
        _ phase: Phase, of state: CaseState, workflow: Workflow, evaluator: any DerivedItemEvaluator
    ) -> [ChecklistItemState] {
        let items = workflow.definition(of: phase).checklist
        let derived = items.filter { !$0.isManual }
        let outcomes = derived.isEmpty ? [] : evaluator.evaluate(derived, in: state)
        var outcomeByID: [String: DerivedOutcome] = [:]
        for (item, outcome) in zip(derived, outcomes) { outcomeByID[item.id] = outcome }
        let ticked = state.ticks[phase] ?? []
        return items.map { item in
            if item.isManual {
                return ChecklistItemState(item: item, holds: ticked.contains(item.id), failure: nil)
            }
            switch outcomeByID[item.id] ?? .failed("not evaluated") {
            case .holds(let holds): return ChecklistItemState(item: item, holds: holds, failure: nil)
            case .failed(let message): return ChecklistItemState(item: item, holds: false, failure: message)
            }
        }
    }
}
