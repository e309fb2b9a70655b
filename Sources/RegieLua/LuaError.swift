/// A failure inside the sandbox, already turned into a Swift value: no Lua error ever
/// unwinds through Swift.
public struct LuaError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax, runtime, memory, budget, deadline, value
        case setup
    }

    public var kind: Kind
    /// What Lua said, with its position when it gave one.
    public var message: String

    public var description: String {
        switch kind {
        case .syntax: "syntax error: \(message)"
        case .runtime: "runtime error: \(message)"
        case .memory: "memory limit reached"
        case .budget: "instruction budget exceeded (endless loop?)"
        case .deadline: "time limit reached"
        case .value: "unusable value: \(message)"
        case .setup: "the Lua sandbox could not start: \(message)"
        }
    }
}
