import RegieCore

/// A reminder or suggestion a plugin gives when a case enters a phase.
public struct PluginSuggestion: Sendable, Equatable {
    public var plugin: String
    public var text: LocalizedText
    /// A date the suggestion is due by, such as the next meeting.
    public var due: LocalDate?
}

/// Checks what hooks give back and turns it into Regie's types. Anything else (a wrong type, an
/// unknown key, too many items, too long a text) is refused with an error naming the plugin
/// and the hook.
enum PluginResults {
    static let maxItems = 50
    static let maxText = 500
    static let maxID = 64

    /// A text in both languages: a table with `nl` and `en`, or one string for both.
    static func localized(_ value: LuaValue?) -> LocalizedText? {
        switch value {
        case .string(let text)?: return LocalizedText(nl: text, en: text)
        case .table?:
            guard case .string(let nl)? = value?["nl"], case .string(let en)? = value?["en"] else { return nil }
            return LocalizedText(nl: nl, en: en)
        default: return nil
        }
    }

    static func checklist(_ value: LuaValue, from plugin: LuaPlugin, phase: Phase) throws(PluginError) -> [PluginChecklistItem] {
        let hook = "checklist"
        var items: [PluginChecklistItem] = []
        for (index, entry) in try list(value, plugin, hook).enumerated() {
            let at = "item \(index + 1)"
            try onlyKeys(entry, ["id", "nl", "en", "required", "holds"], plugin, hook, at)
            guard case .string(let id)? = entry["id"], isValidID(id) else {
                throw bad(plugin, hook, "\(at) needs an `id` of at most \(maxID) letters, digits, . _ or -")
            }
            let text = try texts(entry, plugin, hook, "item `\(id)`")
            let required: Bool
            switch entry["required"] {
            case nil: required = true
            case .bool(let value)?: required = value
            default: throw bad(plugin, hook, "`required` of item `\(id)` must be true or false")
            }
            let derived: DerivedOutcome?
            switch entry["holds"] {
            case nil: derived = nil
            case .bool(let value)?: derived = .holds(value)
            default: throw bad(plugin, hook, "`holds` of item `\(id)` must be true or false")
            }
            let item = ChecklistItem(id: id, text: text, required: required, expression: nil,
                                     source: SourceLocation(file: plugin.file, line: 0), plugin: plugin.name,
                                     derivedByPlugin: derived != nil)
            items.append(PluginChecklistItem(item: item, derived: derived))
        }
        var seen = Set<String>()
        for item in items where !seen.insert(item.item.id).inserted {
            throw PluginError(plugin: plugin.name, file: plugin.file, hook: hook, kind: .collision,
                              message: "the id `\(item.item.id)` appears twice in phase \(phase.rawValue)")
        }
        return items
    }

    static func prompts(_ value: LuaValue, from plugin: LuaPlugin) throws(PluginError) -> [LocalizedText] {
        var prompts: [LocalizedText] = []
        for (index, entry) in try list(value, plugin, "prompts").enumerated() {
            try onlyKeys(entry, ["nl", "en"], plugin, "prompts", "prompt \(index + 1)")
            prompts.append(try texts(entry, plugin, "prompts", "prompt \(index + 1)"))
        }
        return prompts
    }

    static func suggestions(_ value: LuaValue, from plugin: LuaPlugin) throws(PluginError) -> [PluginSuggestion] {
        var suggestions: [PluginSuggestion] = []
        for (index, entry) in try list(value, plugin, "on_enter").enumerated() {
            let at = "suggestion \(index + 1)"
            try onlyKeys(entry, ["nl", "en", "due"], plugin, "on_enter", at)
            var due: LocalDate?
            if let value = entry["due"] {
                guard case .string(let text) = value, let date = LocalDate(iso: text) else {
                    throw bad(plugin, "on_enter", "`due` of \(at) must be a date written YYYY-MM-DD")
                }
                due = date
            }
            suggestions.append(PluginSuggestion(plugin: plugin.name, text: try texts(entry, plugin, "on_enter", at), due: due))
        }
        return suggestions
    }

    /// The agenda's periods a plugin sets: a table of some of `meeting_every_days`, `pause_days`,
    /// `goals_days` and `one_to_one_days`, each a whole number of days from 1 to 731; nil keeps them.
    static func periods(_ value: LuaValue, over base: Agenda.Periods, from plugin: LuaPlugin) throws(PluginError) -> Agenda.Periods {
        if case .nil = value { return base }
        if case .table(let pairs) = value, pairs.isEmpty { return base }
        try onlyKeys(value, ["meeting_every_days", "pause_days", "goals_days", "one_to_one_days"], plugin, "agenda", "the answer")
        var periods = base
        for key in ["meeting_every_days", "pause_days", "goals_days", "one_to_one_days"] {
            guard let given = value[key] else { continue }
            guard case .integer(let days) = given, (1...731).contains(days) else {
                throw bad(plugin, "agenda", "`\(key)` must be a whole number of days from 1 to 731")
            }
            switch key {
            case "meeting_every_days": periods.meetingEveryDays = Int(days)
            case "pause_days": periods.pauseDays = Int(days)
            case "goals_days": periods.goalsDays = Int(days)
            default: periods.oneToOneDays = Int(days)
            }
        }
        return periods
    }

    /// A guard answers `true`, or `false` and a reason (`{nl = ..., en = ...}` or one text).
    static func verdict(_ first: LuaValue, _ second: LuaValue, from plugin: LuaPlugin) throws(PluginError) -> GuardVerdict {
        switch first {
        case .bool(true): return GuardVerdict(plugin: plugin.name, allowed: true)
        case .bool(false):
            guard let reason = localized(second), valid(reason) else {
                throw bad(plugin, "guard", "a refusal needs a reason: `return false, {nl = \"...\", en = \"...\"}`")
            }
            return GuardVerdict(plugin: plugin.name, allowed: false, reason: reason)
        default:
            throw bad(plugin, "guard", "a guard must return true, or false and a reason, not \(describe(first))")
        }
    }

    // MARK: - Helpers

    private static func list(_ value: LuaValue, _ plugin: LuaPlugin, _ hook: String) throws(PluginError) -> [LuaValue] {
        switch value {
        case .nil: return []
        case .array(let items):
            guard items.count <= maxItems else { throw bad(plugin, hook, "more than \(maxItems) entries") }
            return items
        case .table(let pairs) where pairs.isEmpty: return []
        default: throw bad(plugin, hook, "expected a list, got \(describe(value))")
        }
    }

    private static func onlyKeys(_ entry: LuaValue, _ allowed: [String], _ plugin: LuaPlugin, _ hook: String,
                                 _ at: String) throws(PluginError) {
        guard case .table(let pairs) = entry else { throw bad(plugin, hook, "\(at) must be a table, not \(describe(entry))") }
        let unknown = pairs.map(\.key).filter { !allowed.contains($0) }
        if !unknown.isEmpty { throw bad(plugin, hook, "\(at) has unknown key(s) \(unknown.joined(separator: ", "))") }
    }

    private static func texts(_ entry: LuaValue, _ plugin: LuaPlugin, _ hook: String, _ at: String) throws(PluginError) -> LocalizedText {
        guard let text = localized(entry), valid(text) else {
            throw bad(plugin, hook, "\(at) needs `nl` and `en` texts of 1 to \(maxText) characters")
        }
        return text
    }

    private static func valid(_ text: LocalizedText) -> Bool {
        [text.nl, text.en].allSatisfy { !$0.allSatisfy(\.isWhitespace) && $0.count <= maxText }
    }

    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= maxID
            && id.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    private static func describe(_ value: LuaValue) -> String {
        switch value {
        case .nil: "nil"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .table: "a table"
        }
    }

    private static func bad(_ plugin: LuaPlugin, _ hook: String, _ message: String) -> PluginError {
        PluginError(plugin: plugin.name, file: plugin.file, hook: hook, kind: .value, message: message)
    }
}
