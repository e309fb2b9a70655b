/// Items ticked by hand, per phase. Stored by phase position rather than in a dictionary:
/// it is read and written on every tick and every forward move.
public struct PhaseTicks: Sendable, Equatable {
    private var byPhase: [Set<String>] = Array(repeating: [], count: Phase.allCases.count)

    public init() {}

    /// The items ticked in a phase, or `nil` when none are.
    public subscript(_ phase: Phase) -> Set<String>? {
        get {
            let items = byPhase[phase.number - 1]
            return items.isEmpty ? nil : items
        }
        set { byPhase[phase.number - 1] = newValue ?? [] }
    }

    /// True when nothing is ticked in any phase.
    public var isEmpty: Bool { byPhase.allSatisfy(\.isEmpty) }

    mutating func insert(_ item: String, in phase: Phase) { byPhase[phase.number - 1].insert(item) }

    mutating func remove(_ item: String, from phase: Phase) { byPhase[phase.number - 1].remove(item) }

    func contains(_ item: String, in phase: Phase) -> Bool { byPhase[phase.number - 1].contains(item) }
}
