import RegieCore

/// Evaluates derived checklist items with a ``LuaSandbox``. Each expression is compiled once
/// and kept; the case snapshot is built once per evaluation.
public final class LuaDerivedItemEvaluator: DerivedItemEvaluator {
    private let sandbox: LuaSandbox

    /// How many evaluations the wall-clock deadline has stopped (see ``LuaSandbox/deadlineStops``).
    public var deadlineStops: Int { sandbox.deadlineStops }
    private var chunks: [String: LuaSandbox.Chunk] = [:]

    /// - Throws: ``LuaError`` when the sandbox cannot start.
    public init(instructionBudget: Int = 100_000) throws(LuaError) {
        sandbox = try LuaSandbox(instructionBudget: instructionBudget)
    }

    /// Compiles an item's expression, so that a syntax error shows when a workflow is loaded
    /// rather than when a case is checked.
    /// - Throws: ``LuaError`` of kind `syntax`.
    public func prepare(_ item: ChecklistItem) throws(LuaError) {
        guard let expression = item.expression else { return }
        _ = try chunk(for: expression)
        if let names = item.missing?.names { _ = try chunk(for: names) }
    }

    public func evaluate(_ items: [ChecklistItem], in state: CaseState) -> [DerivedOutcome] {
        let snapshot = state.luaSnapshotBytes
        return items.map { item in
            guard let expression = item.expression else { return .failed("not a derived item") }
            do throws(LuaError) {
                let chunk = try chunk(for: expression)
                switch try sandbox.call(chunk, binding: "case", encoded: snapshot) {
                case .bool(let holds): return .holds(holds)
                case .nil: return .holds(false)
                default: return .failed("the expression did not give true or false")
                }
            } catch {
                return .failed(error.description)
            }
        }
    }

    public func missingNames(_ item: ChecklistItem, in state: CaseState) -> [String]? {
        if case .success(let names) = missing(item, in: state) { names } else { nil }
    }

    /// What an item's `missing` expression gives for the case: the names (nil when the item
    /// has none), or why it failed, for `workflow check`.
    public func missing(_ item: ChecklistItem, in state: CaseState) -> Result<[String]?, LuaError> {
        guard let expression = item.missing?.names else { return .success(nil) }
        do throws(LuaError) {
            let value = try sandbox.call(try chunk(for: expression), binding: "case", encoded: state.luaSnapshotBytes)
            switch value {
            case .array(let entries):
                let names = entries.compactMap { entry -> String? in if case .string(let text) = entry { text } else { nil } }
                if names.count == entries.count { return .success(names) }
            case .table(let entries) where entries.isEmpty:
                return .success([])
            default:
                break
            }
            return .failure(LuaError(kind: .runtime, message: "the missing expression did not give a list of names"))
        } catch {
            return .failure(error)
        }
    }

    private func chunk(for expression: String) throws(LuaError) -> LuaSandbox.Chunk {
        if let chunk = chunks[expression] { return chunk }
        let chunk = try sandbox.compile("return " + expression, name: "=expression")
        chunks[expression] = chunk
        return chunk
    }
}
