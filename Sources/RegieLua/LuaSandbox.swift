import CLuaShims

/// A sandboxed Lua state: text chunks only, no `io`, `os`, `load`, `require` or `debug`,
/// read-only libraries, a fresh environment per call, an instruction budget per call and a
/// memory cap for the state.
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

    private let state: OpaquePointer
    package let instructionBudget: Int
    private var argumentBuffer: [UInt8] = []
    private var message = [CChar](repeating: 0, count: 512)

    /// Creates a state.
    /// - Parameters:
    ///   - memoryLimit: bytes the state may allocate in all.
    ///   - instructionBudget: VM instructions one call may run.
    ///   - prelude: Lua source that defines helpers visible to every chunk.
    /// - Throws: ``LuaError`` of kind `setup` when the state cannot be made.
    package init(memoryLimit: Int = defaultMemoryLimit, instructionBudget: Int = defaultInstructionBudget,
                 prelude: String = LuaPrelude.source) throws(LuaError) {
        var message = [CChar](repeating: 0, count: 512)
        var prelude = prelude
        let state = prelude.withUTF8 { text in
            regie_lua_open(memoryLimit, UnsafeRawPointer(text.baseAddress)?.assumingMemoryBound(to: CChar.self),
                           text.count, &message, message.count)
        }
        guard let state else { throw LuaError(kind: .setup, message: Self.text(message)) }
        self.state = state
        self.instructionBudget = instructionBudget
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
        guard reference >= 0 else { throw Self.error(status, message) }
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
            regie_lua_call(state, chunk.reference, name, bytes.baseAddress, bytes.count, instructionBudget,
                           &result, &length, &message, message.count)
        }
        guard status == REGIE_LUA_OK else { throw Self.error(status, message) }
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

    private static func error(_ status: regie_lua_status, _ message: [CChar]) -> LuaError {
        let text = Self.text(message)
        switch status {
        case REGIE_LUA_SYNTAX: return LuaError(kind: .syntax, message: text)
        case REGIE_LUA_MEMORY: return LuaError(kind: .memory, message: text)
        case REGIE_LUA_BUDGET: return LuaError(kind: .budget, message: text)
        case REGIE_LUA_VALUE: return LuaError(kind: .value, message: text)
        default: return LuaError(kind: .runtime, message: text)
        }
    }
}
