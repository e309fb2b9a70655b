import Foundation
import RegieCore

/// One plugin file, loaded into its own sandboxed Lua state, so that plugins cannot reach each
/// other. Every hook call runs the file afresh: nothing a call leaves behind (globals or the
/// file's own locals) reaches the next call, so the same case always gives the same answer.
public final class LuaPlugin {
    /// The plugin API this version of Regie speaks.
    public static let apiVersion = 1
    /// The hooks of API version 1, in the order `plugin check` lists them.
    public static let hookNames = ["checklist", "prompts", "guard", "on_enter", "agenda"]
    static let fieldNames = ["api", "name", "version", "description", "settings"]

    /// Limits for one plugin's state and each of its calls.
    public struct Limits: Sendable {
        public var memory: Int
        public var instructions: Int
        public var deadline: Swift.Duration

        public init(memory: Int = 8 << 20, instructions: Int = 1_000_000, deadline: Swift.Duration = .milliseconds(500)) {
            self.memory = memory
            self.instructions = instructions
            self.deadline = deadline
        }

        public static let standard = Limits()
    }

    public let name: String
    public let version: String
    public let description: LocalizedText?
    /// The file as named in messages, such as `plugins/fact.lua`.
    public let file: String
    public let source: String
    /// The functions the plugin defines, sorted.
    public let hooks: [String]
    /// The plugin's own setting defaults; a team's settings in `regie.yaml` go over them.
    package let defaults: [String: LuaValue]

    let sandbox: LuaSandbox

    /// How many of this plugin's calls the wall-clock deadline has stopped.
    public var deadlineStops: Int { sandbox.deadlineStops }
    let chunk: LuaSandbox.Chunk

    /// Loads and checks a plugin.
    /// - Throws: ``PluginError`` when the file does not compile, fails, or breaks the API:
    ///   `api` other than 1, a missing name or version, unknown fields or hooks.
    public init(source: String, file: String, limits: Limits = .standard) throws(PluginError) {
        let fallbackName = String(file.split(separator: "/").last ?? Substring(file)).replacingSuffix(".lua", with: "")
        func apiError(_ message: String) -> PluginError {
            PluginError(plugin: fallbackName, file: file, kind: .api, message: message)
        }
        // Lua 5.4.4 miscompiles `local _ENV <const>`; plugins have no need to touch _ENV at all.
        if Self.mentionsENV(source) { throw apiError("plugins may not use _ENV") }
        do {
            sandbox = try LuaSandbox(memoryLimit: limits.memory, instructionBudget: limits.instructions, deadline: limits.deadline)
            chunk = try sandbox.compile(source, name: "@" + file)
        } catch {
            throw PluginError(error, plugin: fallbackName, file: file, hook: nil)
        }
        let described: (fields: LuaValue, functions: [String])
        do {
            described = try sandbox.describe(chunk)
        } catch {
            throw PluginError(error, plugin: fallbackName, file: file, hook: nil)
        }
        let fields = described.fields
        guard case .integer(let api)? = fields["api"] else {
            throw apiError("the returned table needs `api = \(Self.apiVersion)`")
        }
        guard api == Self.apiVersion else {
            throw apiError("api \(api) is not known to this version of Regie, which speaks api \(Self.apiVersion)")
        }
        guard case .string(let name)? = fields["name"], Self.isValidName(name) else {
            throw apiError("`name` must be a short name of lowercase letters, digits, - and _")
        }
        guard case .string(let version)? = fields["version"], !version.isEmpty else {
            throw apiError("`version` must be a text such as \"1.0\"")
        }
        if case .table(let pairs) = fields {
            let unknown = pairs.map(\.key).filter { !Self.fieldNames.contains($0) }
            if !unknown.isEmpty { throw apiError("unknown field(s) \(unknown.map { "`\($0)`" }.joined(separator: ", "))") }
        }
        let unknownHooks = described.functions.filter { !Self.hookNames.contains($0) }
        if !unknownHooks.isEmpty {
            throw apiError("unknown hook(s) \(unknownHooks.map { "`\($0)`" }.joined(separator: ", ")); the hooks are \(Self.hookNames.joined(separator: ", "))")
        }
        var defaults: [String: LuaValue] = [:]
        switch fields["settings"] {
        case nil: break
        case .table(let pairs)?: for pair in pairs { defaults[pair.key] = pair.value }
        case .array(let items)? where items.isEmpty: break
        default: throw apiError("`settings` must be a table of names and values")
        }
        self.name = name
        self.version = version
        self.description = PluginResults.localized(fields["description"])
        self.file = file
        self.source = source
        self.hooks = described.functions
        self.defaults = defaults
    }

    /// Whether the text contains `_ENV` anywhere (a byte search: Foundation's `contains` is slow).
    static func mentionsENV(_ source: String) -> Bool {
        let needle: [UInt8] = Array("_ENV".utf8)
        var matched = 0
        for byte in source.utf8 {
            matched = byte == needle[matched] ? matched + 1 : (byte == needle[0] ? 1 : 0)
            if matched == needle.count { return true }
        }
        return false
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 40
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// Calls a hook with its subject (a phase name or a move), the case snapshot (in the
    /// sandbox's byte encoding) and the context.
    /// - Returns: the hook's first two results, or nil when the plugin does not define the hook.
    /// - Throws: ``PluginError`` for every failure inside the plugin.
    func call(_ hook: String, subject: LuaValue, snapshot: [UInt8], context: LuaValue) throws(PluginError) -> (LuaValue, LuaValue)? {
        var contextBytes: [UInt8] = []
        LuaValueCoding.encode(context, into: &contextBytes)
        var subjectBytes: [UInt8] = []
        LuaValueCoding.encode(subject, into: &subjectBytes)
        let arguments = Self.arguments(subject: subjectBytes, snapshot: snapshot, context: contextBytes)
        return try arguments.withUnsafeBufferPointer { bytes throws(PluginError) in try call(hook, arguments: bytes) }
    }

    /// The three arguments of a hook in the byte encoding, each already encoded: the subject
    /// (a phase or a move), the case snapshot and `ctx`.
    static func arguments(subject: [UInt8], snapshot: [UInt8], context: [UInt8]) -> [UInt8] {
        var arguments: [UInt8] = []
        arguments.reserveCapacity(subject.count + snapshot.count + context.count + 5)
        arguments.append(UInt8(ascii: "a"))
        arguments.append(contentsOf: [3, 0, 0, 0])
        arguments.append(contentsOf: subject)
        arguments.append(contentsOf: snapshot)
        arguments.append(contentsOf: context)
        return arguments
    }

    /// Calls a hook with its three arguments already encoded as one array.
    func call(_ hook: String, arguments: UnsafeBufferPointer<UInt8>) throws(PluginError) -> (LuaValue, LuaValue)? {
        let result: LuaValue?
        do {
            result = try sandbox.callHook(chunk, hook, encodedArguments: arguments)
        } catch {
            throw PluginError(error, plugin: name, file: file, hook: hook)
        }
        guard let result else { return nil }
        guard case .array(let values) = result, values.count == 2 else {
            throw PluginError(plugin: name, file: file, hook: hook, kind: .value, message: "the results could not be read")
        }
        return (values[0], values[1])
    }

    /// Bytes the plugin's Lua state holds now.
    public var memoryInUse: Int { sandbox.memoryInUse }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
