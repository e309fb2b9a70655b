import Foundation

/// The rules a case's plugins add: checklist items per phase and guards on moves. The core
/// does not know how they are decided; the Lua runtime implements this. Implementations fail
/// closed: a plugin that fails gives a required item that does not hold, or a refusing verdict.
public protocol CasePlugins {
    /// The items the plugins add to a phase's checklist, in plugin order.
    func checklist(_ phase: Phase, of state: CaseState, at now: Date) -> [PluginChecklistItem]
    /// Each plugin's verdict on a move from the case's status to `target`.
    func verdicts(on move: Move, to target: CaseStatus, of state: CaseState, at now: Date) -> [GuardVerdict]
    /// True when the case has no plugins (its transitions then record no `guards` at all).
    var isEmpty: Bool { get }
    /// The agenda's periods for the case, the plugins' over the workflow's `base`. No default:
    /// a default in an extension would be chosen, silently, wherever the implementation's
    /// module is not imported.
    func periods(_ base: Agenda.Periods, of state: CaseState, at now: Date) -> Agenda.Periods
}

/// A checklist item from a plugin, with its outcome when the plugin derived it from the case.
public struct PluginChecklistItem: Sendable, Equatable {
    public var item: ChecklistItem
    /// `nil` for an item ticked by hand.
    public var derived: DerivedOutcome?

    public init(item: ChecklistItem, derived: DerivedOutcome?) {
        self.item = item
        self.derived = derived
    }
}

/// A case without plugins.
public struct NoPlugins: CasePlugins {
    public init() {}
    public func checklist(_ phase: Phase, of state: CaseState, at now: Date) -> [PluginChecklistItem] { [] }
    public func verdicts(on move: Move, to target: CaseStatus, of state: CaseState, at now: Date) -> [GuardVerdict] { [] }
    public func periods(_ base: Agenda.Periods, of state: CaseState, at now: Date) -> Agenda.Periods { base }
    public var isEmpty: Bool { true }
}
