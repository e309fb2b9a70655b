import CLuaShims

/// A sandboxed Lua state: text chunks only, no `io`, `os`, `load`, `require`, `debug` or
/// coroutines, read-only libraries, a fresh environment per call, an instruction budget and a
/// wall-clock deadline per call that the code cannot catch, and a memory cap for the state.
/// `pairs` and `tostring` behave the same in every run (see docs/plugins.md).
///
/// Every `lua_*` call lives in `CLuaShims`, which runs it under `lua_pcall`, so Lua's errors
/// never jump across a Swift frame. A state is single-threaded: it has one owner.
package final class LuaSandbox {
    /// A compiled chunk kept in the state.
    package struct Chunk: Sendable, Hashable {
        fileprivate let reference: Int32
    }

    package static let defaultMemoryLimit = 16 << 20
    package static let defaultInstructionBudget = 1_000_000
    package static let defaultDeadline: Swift.Duration = .milliseconds(500)

    private let state: OpaquePointer
    package let instructionBudget: Int
    package let deadline: Swift.Duration
    private var argumentBuffer: [UInt8] = []
    private var message = [CChar](repeating: 0, count: 512)

    /// Creates a state.
    /// - Parameters:
    ///   - memoryLimit: bytes the state may allocate in all.
    ///   - instructionBudget: VM instructions one call may run.
    ///   - deadline: wall-clock time one call may take.
    ///   - prelude: Lua source that defines helpers visible to every chunk.
    /// - Throws: ``LuaError`` of kind `setup` when the state cannot be made.
    package init(memoryLimit: Int = defaultMemoryLimit, instructionBudget: Int = defaultInstructionBudget,
                 deadline: Swift.Duration = defaultDeadline, prelude: String = LuaPrelude.source) throws(LuaError) {
        var message = [CChar](repeating: 0, count: 512)
        var prelude = prelude
        var strings = LuaStringPatterns.source
        let state = strings.withUTF8 { stringsText in
            prelude.withUTF8 { preludeText in
                regie_lua_open(memoryLimit, Self.chars(stringsText), stringsText.count,
                               Self.chars(preludeText), preludeText.count, &message, message.count)
            }
        }
        guard let state else { throw LuaError(kind: .setup, message: Self.text(message)) }
        self.state = state
        self.instructionBudget = instructionBudget
        self.deadline = deadline
    }

    private static func chars(_ text: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        UnsafeRawPointer(text.baseAddress)?.assumingMemoryBound(to: CChar.self)
    }

    private var budget: regie_lua_budget {
        let (seconds, attoseconds) = deadline.components
        return regie_lua_budget(instructions: instructionBudget,
                                milliseconds: Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    deinit { regie_lua_close(state) }

    /// Compiles Lua source text.
    /// - Parameter name: the chunk name Lua uses in messages; start it with `=` to use it as is.
    /// - Throws: ``LuaError`` of kind `syntax` (or `memory`).
    package func compile(_ source: String, name: String) throws(LuaError) -> Chunk {
        var message = [CChar](repeating: 0, count: 512)
        var status = REGIE_LUA_OK
        var source = source
        let reference = source.withUTF8 { text in
            text.withMemoryRebound(to: CChar.self) { chars in
                regie_lua_compile(state, name, chars.baseAddress, chars.count, &status, &message, message.count)
            }
        }
        guard reference >= 0 else { throw error(status, message) }
        return Chunk(reference: reference)
    }

    /// Runs a chunk with `argument` bound to the global `name` in a fresh environment.
    /// - Returns: the chunk's first result.
    /// - Throws: ``LuaError`` for every failure: runtime error, budget, memory, unusable result.
    package func call(_ chunk: Chunk, binding name: String, to argument: LuaValue) throws(LuaError) -> LuaValue {
        argumentBuffer.removeAll(keepingCapacity: true)
        LuaValueCoding.encode(argument, into: &argumentBuffer)
        return try call(chunk, binding: name, encoded: argumentBuffer)
    }

    /// Runs a chunk with an argument already in the byte encoding (see ``LuaWireWriter``).
    func call(_ chunk: Chunk, binding name: String, encoded argumentBuffer: [UInt8]) throws(LuaError) -> LuaValue {
        var result: UnsafePointer<UInt8>?
        var length = 0
        let status = argumentBuffer.withUnsafeBufferPointer { bytes in
            regie_lua_call(state, chunk.reference, name, bytes.baseAddress, bytes.count, budget,
                           &result, &length, &message, message.count)
        }
        guard status == REGIE_LUA_OK else { throw error(status, message) }
        return try Self.value(result, length)
    }

    /// Runs a plugin chunk in a fresh environment and describes the table it returns: its
    /// plain fields, and the names of its functions (sorted).
    /// - Throws: ``LuaError`` when the chunk fails or does not return a table.
    package func describe(_ chunk: Chunk) throws(LuaError) -> (fields: LuaValue, functions: [String]) {
        var result: UnsafePointer<UInt8>?
        var length = 0
        let status = regie_lua_describe(state, chunk.reference, budget, &result, &length, &message, message.count)
        guard status == REGIE_LUA_OK else { throw error(status, message) }
        let value = try Self.value(result, length)
        let functions: [String] = if case .array(let names)? = value["functions"] {
            names.compactMap { if case .string(let name) = $0 { name } else { nil } }
        } else { [] }
        return (value["fields"] ?? .table([]), functions)
    }

    /// Runs a plugin chunk in a fresh environment, so that nothing survives from an earlier
    /// call, and calls its function `hook` with `arguments` (already in the byte encoding, as
    /// one array).
    /// - Returns: the hook's result, or nil when the plugin has no such function.
    /// - Throws: ``LuaError`` for every failure.
    package func callHook(_ chunk: Chunk, _ hook: String, encodedArguments arguments: UnsafeBufferPointer<UInt8>)
        throws(LuaError) -> LuaValue?
    {
        var result: UnsafePointer<UInt8>?
        var length = 0
        let status = regie_lua_call_hook(state, chunk.reference, hook, arguments.baseAddress, arguments.count, budget,
                                         &result, &length, &message, message.count)
        if status == REGIE_LUA_NO_HOOK { return nil }
        guard status == REGIE_LUA_OK else { throw error(status, message) }
        return try Self.value(result, length)
    }

    /// Runs a plugin's test file with the test library (see ``PluginTestLibrary``), under a
    /// budget of its own.
    /// - Returns: the library's report.
    package func runTests(plugin: Chunk, library: Chunk, tests: Chunk, instructions: Int, deadline: Swift.Duration) throws(LuaError) -> LuaValue {
        var result: UnsafePointer<UInt8>?
        var length = 0
        let (seconds, attoseconds) = deadline.components
        let budget = regie_lua_budget(instructions: instructions,
                                      milliseconds: Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
        let status = regie_lua_run_tests(state, plugin.reference, library.reference, tests.reference, budget,
                                         &result, &length, &message, message.count)
        guard status == REGIE_LUA_OK else { throw error(status, message) }
        return try Self.value(result, length)
    }

    private static func value(_ result: UnsafePointer<UInt8>?, _ length: Int) throws(LuaError) -> LuaValue {
        guard let result, let value = LuaValueCoding.decode(UnsafeBufferPointer(start: result, count: length)) else {
            throw LuaError(kind: .value, message: "the result could not be read")
        }
        return value
    }

    /// Bytes the state holds now.
    package var memoryInUse: Int { regie_lua_memory_in_use(state) }

    /// The text of a NUL-terminated C buffer.
    private static func text(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls this state's wall-clock deadline stopped (not its instruction budget). A verdict a
    /// deadline decided depends on how busy the machine was: whoever records or replays a
    /// decision compares this count before and after, and marks the decision as not
    /// reproducible when it moved. One state belongs to one thread at a time, as the state does.
    package private(set) var deadlineStops = 0

    private func error(_ status: regie_lua_status, _ message: [CChar]) -> LuaError {
        let text = Self.text(message)
        switch status {
        case REGIE_LUA_SYNTAX: return LuaError(kind: .syntax, message: text)
        case REGIE_LUA_MEMORY: return LuaError(kind: .memory, message: text)
        case REGIE_LUA_BUDGET: return LuaError(kind: .budget, message: text)
        case REGIE_LUA_VALUE: return LuaError(kind: .value, message: text)
        case REGIE_LUA_DEADLINE:
            deadlineStops += 1
            return LuaError(kind: .deadline, message: text)
        default: return LuaError(kind: .runtime, message: text)
        }
    }
}
