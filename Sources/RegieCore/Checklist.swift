import Foundation

/// The state of one checklist item for a case.
public struct ChecklistItemState: Sendable, Equatable {
    public var item: ChecklistItem
    public var holds: Bool
    /// Why a derived item could not be evaluated; it then does not hold.
    public var failure: String?
    /// For a derived item that does not hold and says what is missing (``MissingNames``): the
    /// names its expression gave, such as the members without a one-to-one talk.
    public var missing: [String]?

    public init(item: ChecklistItem, holds: Bool, failure: String?, missing: [String]? = nil) {
        self.item = item
        self.holds = holds
        self.failure = failure
        self.missing = missing
    }
}

/// Evaluates a phase's checklist against a case.
public enum Checklist {
    /// Every item of the phase with whether it holds: ticked by hand in the current round, or
    /// derived from the case by its expression.
    /// The plugins' items follow the workflow's, in plugin order.
    public static func evaluate(
        _ phase: Phase, of state: CaseState, workflow: Workflow, evaluator: any DerivedItemEvaluator,
        plugins: any CasePlugins = NoPlugins(), at now: Date = Date(timeIntervalSince1970: 0)
    ) -> [ChecklistItemState] {
        evaluateWorkflow(phase, of: state, workflow: workflow, evaluator: evaluator)
            + plugins.checklist(phase, of: state, at: now).map { added in
                switch added.derived {
                case nil: ChecklistItemState(item: added.item, holds: state.ticks.contains(added.item.id, in: phase), failure: nil)
                case .holds(let holds)?: ChecklistItemState(item: added.item, holds: holds, failure: nil)
                case .failed(let message)?: ChecklistItemState(item: added.item, holds: false, failure: message)
                }
            }
    }

    private static func evaluateWorkflow(
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
            case .holds(true): return ChecklistItemState(item: item, holds: true, failure: nil)
            case .holds(false):
                // What is missing is worked out only for an item that does not hold: it is for
                // the person reading a refusal, never part of what is recorded.
                let names = item.missing == nil ? nil : evaluator.missingNames(item, in: state)
                return ChecklistItemState(item: item, holds: false, failure: nil, missing: names.flatMap { $0.isEmpty ? nil : $0 })
            case .failed(let message): return ChecklistItemState(item: item, holds: false, failure: message)
            }
        }
    }
}
