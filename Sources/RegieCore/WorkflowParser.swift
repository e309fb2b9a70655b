import Yams

/// Reads a workflow file (`workflows/NAME.yaml`) into a ``Workflow``.
///
/// ```yaml
/// workflow: resourcegroep
/// description: { nl: ..., en: ... }
/// agenda:                                # optional; the periods of ``Agenda``, in days
///   meeting_every_days: 92
///   pause_days: 28
///   goals_days: 92
///   one_to_one_days: 14
/// phases:
///   goals:
///     checklist:
///       - id: goals.long_term
///         nl: ...
///         en: ...
///         required: true                 # default true
///         derived: any(case.goals, function(g) return g.term == "long" end)   # omit for hand-ticked items
///         missing:                       # optional, with derived: what a refusal names
///           nl: ...
///           en: ...
///           names: labels(case.members, function(r) return not r.one_to_one_held end)
///     prompts:
///       - nl: ...
///         en: ...
/// ```
public enum WorkflowParser {
    /// Parses workflow YAML.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the name used in error messages, such as `workflows/resourcegroep.yaml`.
    /// - Throws: ``FileFormatError`` naming the line and what was expected.
    public static func parse(_ text: String, file: String) throws(FileFormatError) -> Workflow {
        let root = try YAMLNodeReader.document(text, file: file)
        try root.allowOnly(["workflow", "description", "agenda", "phases"])
        let name = try root.string("workflow")
        let description = try root.child("description").map { node throws(FileFormatError) in try localized(node) }
        guard let phasesNode = try root.child("phases") else {
            throw FileFormatError(file: file, line: root.line, problem: "missing `phases`")
        }
        var phases: [Phase: PhaseDefinition] = [:]
        var seenIDs: [String: Int] = [:]
        for entry in phasesNode.entries {
            guard let phase = Phase(rawValue: entry.key) else {
                throw FileFormatError(
                    file: file, line: entry.line,
                    problem: "unknown phase `\(entry.key)`; expected one of: \(Phase.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let node = try YAMLNodeReader(entry.value, file: file, what: "phase `\(entry.key)`")
            try node.allowOnly(["checklist", "prompts"])
            var checklist: [ChecklistItem] = []
            for itemNode in try node.sequence("checklist") {
                let item = try checklistItem(YAMLNodeReader(itemNode, file: file, what: "a checklist item"))
                if let earlier = seenIDs[item.id] {
                    throw FileFormatError(file: file, line: item.source.line,
                                          problem: "checklist item id `\(item.id)` is already used on line \(earlier)")
                }
                seenIDs[item.id] = item.source.line
                checklist.append(item)
            }
            var prompts: [LocalizedText] = []
            for promptNode in try node.sequence("prompts") {
                prompts.append(try localized(YAMLNodeReader(promptNode, file: file, what: "a prompt")))
            }
            phases[phase] = PhaseDefinition(checklist: checklist, prompts: prompts)
        }
        var workflow = Workflow(name: name, description: description, phases: phases)
        if let node = try root.child("agenda") {
            try node.allowOnly(["meeting_every_days", "pause_days", "goals_days", "one_to_one_days"])
            var periods = Agenda.Periods()
            periods.meetingEveryDays = try node.int("meeting_every_days", in: 1...731, default: periods.meetingEveryDays)
            periods.pauseDays = try node.int("pause_days", in: 1...731, default: periods.pauseDays)
            periods.goalsDays = try node.int("goals_days", in: 1...731, default: periods.goalsDays)
            periods.oneToOneDays = try node.int("one_to_one_days", in: 1...731, default: periods.oneToOneDays)
            workflow.periods = periods
        }
        return workflow
    }

    private static func checklistItem(_ node: YAMLNodeReader) throws(FileFormatError) -> ChecklistItem {
        try node.allowOnly(["id", "nl", "en", "required", "derived", "missing"])
        let id = try node.string("id")
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }) else {
            throw FileFormatError(file: node.file, line: node.line,
                                  problem: "checklist item id `\(id)` may only hold letters, digits, `.`, `_` and `-`")
        }
        var item = ChecklistItem(
            id: id, text: try localized(node, allowing: nil), required: try node.bool("required", default: true),
            expression: try node.optionalString("derived"), source: SourceLocation(file: node.file, line: node.line))
        if let missing = try node.child("missing") {
            guard item.expression != nil else {
                throw FileFormatError(file: node.file, line: missing.line, problem: "`missing` needs `derived`: an item ticked by hand names nothing")
            }
            try missing.allowOnly(["nl", "en", "names"])
            item.missing = MissingNames(text: try localized(missing, allowing: nil), names: try missing.string("names"))
        }
        return item
    }

    private static func localized(_ node: YAMLNodeReader, allowing keys: [String]? = ["nl", "en"]) throws(FileFormatError) -> LocalizedText {
        if let keys { try node.allowOnly(keys) }
        return LocalizedText(nl: try node.string("nl"), en: try node.string("en"))
    }
}
