/// Decides whether derived checklist items hold for a case. The core does not know how: the
/// Lua runtime implements this, and tests may use a stand-in.
public protocol DerivedItemEvaluator {
    /// Evaluates each item's expression against the case.
    /// - Returns: one outcome per item, in the same order.
    func evaluate(_ items: [ChecklistItem], in state: CaseState) -> [DerivedOutcome]

    /// The names an item's ``ChecklistItem/missing`` expression gives for the case; nil when it
    /// has none or it fails (a refusal then names the item only). No default, so that no
    /// implementation can be passed over where its module is not imported.
    func missingNames(_ item: ChecklistItem, in state: CaseState) -> [String]?
}

/// The result of evaluating one derived item.
public enum DerivedOutcome: Sendable, Equatable {
    case holds(Bool)
    /// The expression failed; the item counts as not holding (fail closed).
    case failed(String)
}
