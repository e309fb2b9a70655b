/// A plugin that could not be loaded or whose hook failed, as one Swift value: which plugin,
/// where, in which hook and what kind of failure.
public struct PluginError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The file could not be read or does not follow the plugin API.
        case api
        case syntax, runtime, memory, budget, deadline
        /// The hook gave back something Regie does not accept.
        case value
        /// Two items with one id.
        case collision
    }

    public var plugin: String
    public var file: String
    public var line: Int?
    public var hook: String?
    public var kind: Kind
    public var message: String

    public init(plugin: String, file: String, line: Int? = nil, hook: String? = nil, kind: Kind, message: String) {
        self.plugin = plugin
        self.file = file
        self.line = line
        self.hook = hook
        self.kind = kind
        self.message = message
    }

    /// Where it happened: `plugins/fact.lua:12`, or the file alone.
    public var location: String { line.map { "\(file):\($0)" } ?? file }

    public var description: String {
        let what = switch kind {
        case .api: "does not follow the plugin API"
        case .syntax: "has a syntax error"
        case .runtime: "failed"
        case .memory: "ran out of memory"
        case .budget: "ran out of its instruction budget (an endless loop?)"
        case .deadline: "took too long"
        case .value: "gave back something Regie cannot use"
        case .collision: "uses an id that is already taken"
        }
        let hookText = hook.map { " in `\($0)`" } ?? ""
        return "plugin `\(plugin)` (\(location)) \(what)\(hookText): \(message)"
    }

    /// Makes a plugin error from a sandbox error, taking the line from Lua's `file:line:` prefix.
    init(_ error: LuaError, plugin: String, file: String, hook: String?) {
        let kind: Kind = switch error.kind {
        case .syntax: .syntax
        case .runtime: .runtime
        case .memory: .memory
        case .budget: .budget
        case .deadline: .deadline
        case .value: .value
        case .setup: .api
        }
        var message = error.message
        var line: Int?
        let prefix = file + ":"
        if message.hasPrefix(prefix) {
            let rest = message.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isNumber }
            if let number = Int(digits), rest.dropFirst(digits.count).hasPrefix(": ") {
                line = number
                message = String(rest.dropFirst(digits.count + 2))
            }
        }
        self.init(plugin: plugin, file: file, line: line, hook: hook, kind: kind, message: message)
    }
}
