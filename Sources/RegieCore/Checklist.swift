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
        // Outcomes come back in the order of the derived items.
        var nextOutcome = 0
        return items.map { item in
            if item.isManual {
                return ChecklistItemState(item: item, holds: state.ticks.contains(item.id, in: phase), failure: nil)
            }
            let outcome = nextOutcome < outcomes.count ? outcomes[nextOutcome] : .failed("not evaluated")
            nextOutcome += 1
            switch outcome {
            case .holds(let holds): return ChecklistItemState(item: item, holds: holds, failure: nil)
            case .failed(let message): return ChecklistItemState(item: item, holds: false, failure: message)
            }
        }
    }
}
