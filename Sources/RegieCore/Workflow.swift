/// A team's way of working through the five phases: per phase, a checklist and prompts.
public struct Workflow: Sendable, Equatable {
    public let name: String
    public let description: LocalizedText?
    /// How long the agenda gives for the method's rhythm (`agenda:` in the file).
    public var periods = Agenda.Periods()
    /// One definition per phase, in phase order; looked up on every command, so an array.
    private let definitions: [PhaseDefinition]
    private let itemIndex: [String: ItemLocation]

    private struct ItemLocation: Sendable, Equatable {
        var phase: Phase
        var offset: Int
    }

    public init(name: String, description: LocalizedText? = nil, phases: [Phase: PhaseDefinition]) {
        self.name = name
        self.description = description
        definitions = Phase.allCases.map { phases[$0] ?? PhaseDefinition(checklist: [], prompts: []) }
        var index: [String: ItemLocation] = [:]
        for phase in Phase.allCases {
            for (offset, item) in (phases[phase]?.checklist ?? []).enumerated() where index[item.id] == nil {
                index[item.id] = ItemLocation(phase: phase, offset: offset)
            }
        }
        itemIndex = index
    }

    /// The definition of a phase; an empty one when the workflow says nothing about it.
    public func definition(of phase: Phase) -> PhaseDefinition {
        definitions[phase.number - 1]
    }

    /// The checklist item with this id, in whichever phase it is.
    public func item(_ id: String) -> (phase: Phase, item: ChecklistItem)? {
        guard let location = itemIndex[id] else { return nil }
        return (location.phase, definition(of: location.phase).checklist[location.offset])
    }

    /// The ids of every item in every phase.
    public var itemIDs: Set<String> { Set(itemIndex.keys) }

    /// Every derived item, in phase order.
    public var derivedItems: [ChecklistItem] {
        Phase.allCases.flatMap { definition(of: $0).checklist.filter { $0.expression != nil } }
    }
}

/// What a workflow says about one phase.
public struct PhaseDefinition: Sendable, Equatable {
    public var checklist: [ChecklistItem]
    /// Questions and reminders shown to the worker in this phase.
    public var prompts: [LocalizedText]

    public init(checklist: [ChecklistItem], prompts: [LocalizedText]) {
        self.checklist = checklist
        self.prompts = prompts
    }
}

/// One item of a phase's checklist.
public struct ChecklistItem: Sendable, Equatable, Hashable {
    /// Stable id, such as `goals.long_term`; stored in ticks and transitions.
    public var id: String
    public var text: LocalizedText
    public var required: Bool
    /// A Lua expression over the case, for items derived from the record; `nil` for items
    /// ticked by hand.
    public var expression: String?
    /// Where the item is defined, for error messages.
    public var source: SourceLocation
    /// The plugin that added the item; `nil` for the workflow's own items.
    public var plugin: String?
    /// True for a plugin's item that the plugin derives from the case.
    public var derivedByPlugin: Bool
    /// For a derived item: how a refusal names what is missing.
    public var missing: MissingNames?

    public init(id: String, text: LocalizedText, required: Bool, expression: String?, source: SourceLocation,
                plugin: String? = nil, derivedByPlugin: Bool = false) {
        self.id = id
        self.text = text
        self.required = required
        self.expression = expression
        self.source = source
        self.plugin = plugin
        self.derivedByPlugin = derivedByPlugin
    }

    /// True for items ticked by hand.
    public var isManual: Bool { expression == nil && !derivedByPlugin }
}

/// How a derived item says what is missing when it does not hold: a phrase and a Lua
/// expression giving the names, as in "no one-to-one talk yet with: Moeder, POH-GGZ".
public struct MissingNames: Sendable, Equatable, Hashable {
    public var text: LocalizedText
    /// A Lua expression giving a list of texts, usually `labels(case.members, function(r) ... end)`.
    public var names: String

    public init(text: LocalizedText, names: String) {
        self.text = text
        self.names = names
    }
}

/// A file and line, for messages that point at a definition.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
