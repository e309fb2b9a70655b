import Foundation
import Testing
@testable import RegieCore
@testable import RegieLua

/// Plugins written to break Regie. Each must end in a clean error within 2 seconds, and the
/// same plugin state must answer a normal call afterwards.
@Suite("Hostile plugins end in clean errors")
struct HostilePluginTests {
    struct Attack: Sendable, CustomTestStringConvertible {
        var name: String
        /// The body of a guard hook.
        var body: String
        var expected: Set<PluginError.Kind>
        var testDescription: String { name }
    }

    static let attacks: [Attack] = [
        Attack(name: "endless loop", body: "while true do end", expected: [.budget]),
        Attack(name: "endless loop caught by pcall, looping on", body: "while true do pcall(function() while true do end end) end", expected: [.budget]),
        Attack(name: "budget error swallowed by pcall then more work",
               body: "local ok = pcall(function() while true do end end) local n = 0 while true do n = n + 1 end", expected: [.budget]),
        Attack(name: "loop in a to-be-closed handler",
               body: "local t <close> = setmetatable({}, {__close = function() while true do end end}) while true do end", expected: [.budget]),
        Attack(name: "loop in an __index metamethod", body: "local t = setmetatable({}, {__index = function() while true do end end}) return t.x", expected: [.budget]),
        Attack(name: "loop in a tostring metamethod", body: "return tostring(setmetatable({}, {__tostring = function() while true do end end}))", expected: [.budget]),
        Attack(name: "loop in a sort comparator", body: "local t = {3, 2, 1} table.sort(t, function(a, b) while true do end end)", expected: [.budget]),
        Attack(name: "loop in a gsub replacement", body: "return ('aaa'):gsub('a', function() while true do end end)", expected: [.budget]),
        Attack(name: "finalizer", body: "setmetatable({}, {__gc = function() while true do end end}) return true", expected: [.runtime]),
        Attack(name: "weak table", body: "setmetatable({}, {__mode = 'k'}) return true", expected: [.runtime]),
        Attack(name: "weak table made after setmetatable", body: "local mt = {} setmetatable({}, mt) mt.__mode = 'k' return true",
               expected: [.runtime]),
        Attack(name: "finalizer added after setmetatable", body: "local mt = {} setmetatable({}, mt) mt.__gc = print return true",
               expected: [.runtime]),
        Attack(name: "coroutine to reset the budget", body: "local co = coroutine.create(function() while true do end end) return coroutine.resume(co)", expected: [.runtime]),
        Attack(name: "memory bomb: a growing table", body: "local t = {} local i = 0 while true do i = i + 1 t[i] = ('x'):rep(100) .. i end", expected: [.memory, .budget]),
        Attack(name: "memory bomb: string doubling", body: "local s = 'x' while true do s = s .. s end", expected: [.memory]),
        Attack(name: "memory error caught by pcall", body: "local s = 'x' while true do pcall(function() s = s .. s end) end", expected: [.memory]),
        Attack(name: "huge string.rep", body: "return ('x'):rep(1e10)", expected: [.runtime]),
        Attack(name: "empty string repeated forever", body: "return (''):rep(1e15)", expected: [.runtime]),
        Attack(name: "backtracking pattern", body: "return ('a'):rep(5000):find('a*a*a*a*b')", expected: [.budget]),
        Attack(name: "backtracking in gmatch", body: "for x in ('a'):rep(3000):gmatch('a-a-a-a-b') do end", expected: [.budget]),
        Attack(name: "table.move over a huge range", body: "table.move({}, 1, 1e12, 1)", expected: [.budget]),
        Attack(name: "many C calls that each copy a lot", body: "local s = ('x'):rep(1e6) while true do local t = s:upper() end", expected: [.budget, .deadline]),
        Attack(name: "runaway recursion", body: "local function f(n) return 1 + f(n + 1) end return f(1)", expected: [.runtime, .memory, .budget]),
        Attack(name: "recursion through pcall", body: "local function f() pcall(f) end f() while true do end", expected: [.budget]),
        Attack(name: "read a file", body: "return io.open('/etc/passwd'):read('a')", expected: [.runtime]),
        Attack(name: "run a process", body: "return os.execute('true')", expected: [.runtime]),
        Attack(name: "load bytecode", body: "return load('\\27Lua')()", expected: [.runtime]),
        Attack(name: "require a module", body: "return require('os')", expected: [.runtime]),
        Attack(name: "the debug library", body: "return debug.getregistry()", expected: [.runtime]),
        Attack(name: "the string metatable", body: "local mt = getmetatable('') return mt.__index.rep == nil", expected: [.runtime]),
        Attack(name: "dump a function", body: "return string.dump(function() end)", expected: [.runtime]),
        Attack(name: "write into a library", body: "string.rep = function() return '' end return true", expected: [.runtime]),
        Attack(name: "error object that fails to print", body: "error(setmetatable({}, {__tostring = function() error('again') end}))", expected: [.runtime]),
        Attack(name: "error with a table", body: "error({code = 1})", expected: [.runtime]),
        Attack(name: "a function as the answer", body: "return function() end", expected: [.value]),
        Attack(name: "a deeply nested answer", body: "local t = {} for i = 1, 100 do t = {t} end return false, t", expected: [.value]),
        Attack(name: "a huge answer", body: "local t = {} for i = 1, 200 do t[i] = ('x'):rep(10000) end return false, t", expected: [.value]),
        Attack(name: "a refusal without a reason", body: "return false", expected: [.value]),
        Attack(name: "a string instead of a verdict", body: "return 'yes'", expected: [.value]),
        Attack(name: "address in the answer", body: "return false, string.format('%p', {})", expected: [.runtime]),
    ]

    static func plugin(guardBody body: String) -> String {
        """
        return {
          api = 1, name = "hostile", version = "1",
          guard = function(move, case, ctx)
            if ctx.settings.calm then return true end
            \(body)
          end,
        }
        """
    }

    static func state() -> CaseState {
        let opened = CaseOpened(team: "t", clientLabel: "X", externalReference: nil, complex: false, workflow: "w", workflowHash: "h")
        return CaseState(id: 1, opened: opened, at: Date(timeIntervalSince1970: 1_700_000_000), by: "sanne")
    }

    @Test("each attack ends in a clean error within 2 s, and the next call works", arguments: attacks)
    func attack(_ attack: Attack) throws {
        let plugin = try LuaPlugin(source: Self.plugin(guardBody: attack.body), file: "plugins/hostile.lua")
        let plugins = LuaCasePlugins([.init(plugin: plugin, settings: [:])], reservedIDs: [], locale: .en)
        let state = Self.state()
        let start = ContinuousClock.now
        var failure: PluginError?
        do {
            guard let (first, second) = try plugin.call("guard", subject: .record(["kind": .string("advance")]),
                                                        snapshot: state.luaSnapshotBytes,
                                                        context: plugins.context(plugins.entries[0], state, Date())) else {
                Issue.record("the guard hook was not found")
                return
            }
            _ = try PluginResults.verdict(first, second, from: plugin)
        } catch {
            failure = error
        }
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        let error = try #require(failure, "the attack was not stopped")
        #expect(attack.expected.contains(error.kind), "\(error)")
        #expect(error.plugin == "hostile")
        #expect(error.description.contains("plugins/hostile.lua"))
        // Fail closed through the core interface too.
        let verdicts = plugins.verdicts(on: .advance, to: .active(.mapping), of: state, at: Date())
        #expect(verdicts.count == 1 && verdicts[0].allowed == false)
        // The same state still answers a normal call.
        let calm = LuaCasePlugins([.init(plugin: plugin, settings: ["calm": .bool(true)])], reservedIDs: [], locale: .en)
        #expect(calm.verdicts(on: .advance, to: .active(.mapping), of: state, at: Date()) == [GuardVerdict(plugin: "hostile", allowed: true)])
    }

    /// The failures a guard reports to the log while it refuses.
    final class Reported: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [PluginError] = []
        func add(_ error: PluginError) { lock.withLock { errors.append(error) } }
        var descriptions: [String] { lock.withLock { errors.map(\.description) } }
    }

    @Test("a budget error names the line the plugin was running, in the log; the refusal is worded for the worker")
    func budgetErrorLine() throws {
        let plugin = try LuaPlugin(source: Self.plugin(guardBody: "while true do end"), file: "plugins/hostile.lua")
        let loop = LuaCasePlugins([.init(plugin: plugin, settings: [:])], reservedIDs: [], locale: .en)
        let reported = Reported()
        let verdict = PluginFailureLog.$sink.withValue({ reported.add($0) }) {
            loop.verdicts(on: .advance, to: .active(.mapping), of: Self.state(), at: Date())
        }
        #expect(reported.descriptions.count == 1)
        #expect(reported.descriptions.first?.contains("(plugins/hostile.lua:5) ran out of its instruction budget") == true,
                "\(reported.descriptions)")
        #expect(verdict.first?.allowed == false)
        #expect(verdict.first?.reason?.en == "This team's rules could not be checked; tell your application manager, and mention plugin hostile.")
        let rep = try LuaPlugin(source: Self.plugin(guardBody: "local s = ('x'):rep(1000) for i = 1, 1e9 do s:rep(1000) end"),
                                file: "plugins/rep.lua")
        let charged = LuaCasePlugins([.init(plugin: rep, settings: [:])], reservedIDs: [], locale: .en)
        let again = Reported()
        _ = PluginFailureLog.$sink.withValue({ again.add($0) }) {
            charged.verdicts(on: .advance, to: .active(.mapping), of: Self.state(), at: Date())
        }
        #expect(again.descriptions.first?.contains("(plugins/rep.lua:5)") == true, "\(again.descriptions)")
    }

    @Test("neither globals nor the file's own locals survive from one call to the next")
    func noStateBetweenCalls() throws {
        let source = """
            local calls = 0
            return {
              api = 1, name = "counter", version = "1",
              guard = function(move, case, ctx)
                calls = calls + 1
                seen = (seen or 0) + 1
                if calls == 1 and seen == 1 then return true end
                return false, "state leaked"
              end,
            }
            """
        let plugin = try LuaPlugin(source: source, file: "plugins/counter.lua")
        let plugins = LuaCasePlugins([.init(plugin: plugin, settings: [:])], reservedIDs: [], locale: .en)
        for _ in 0..<3 {
            #expect(plugins.verdicts(on: .advance, to: .active(.mapping), of: Self.state(), at: Date()).allSatisfy { $0.allowed })
        }
    }

    @Test("pairs visits keys in one fixed order, and tostring shows no addresses")
    func deterministic() throws {
        let sandbox = try LuaSandbox()
        let chunk = try sandbox.compile("""
            local t = {zeta = 1, alpha = 2, [3] = 'c', [1] = 'a', mid = 3, [true] = 0, [2.5] = 'x'}
            local keys = {}
            for k in pairs(t) do keys[#keys + 1] = tostring(k) end
            return table.concat(keys, ",") .. ";" .. tostring({}) .. ";" .. tostring(print)
            """, name: "=t")
        #expect(try sandbox.call(chunk, binding: "x", to: .nil) == .string("1,2.5,3,alpha,mid,zeta,true;table;nil"))
        let tableKeys = try sandbox.compile("for k in pairs({[{}] = 1}) do end", name: "=t")
        #expect(throws: LuaError.self) { try sandbox.call(tableKeys, binding: "x", to: .nil) }
    }

    @Test("the lazily read case gives every field through reads, pairs and a returned copy")
    func lazyCase() throws {
        let source = """
            return {
              api = 1, name = "reader", version = "1",
              guard = function(move, case, ctx)
                local before = rawget(case, "team")
                local team = case.team
                local keys = {}
                for k in pairs(case) do keys[#keys + 1] = k end
                local ok = before == nil and team == "t" and rawget(case, "team") == "t" and #keys == 15
                  and case.phase == "goals" and #case.history == 0 and ctx.settings.x == 1 and getmetatable(case) == "case"
                if ok then return true end
                return false, table.concat(keys, ",")
              end,
            }
            """
        let plugin = try LuaPlugin(source: source, file: "plugins/reader.lua")
        let plugins = LuaCasePlugins([.init(plugin: plugin, settings: ["x": .integer(1)])], reservedIDs: [], locale: .en)
        #expect(plugins.verdicts(on: .advance, to: .active(.mapping), of: Self.state(), at: Date()) == [GuardVerdict(plugin: "reader", allowed: true)])
    }

    @Test("plugins cannot reach each other")
    func separateStates() throws {
        let a = try LuaPlugin(source: "return {api = 1, name = 'a', version = '1', guard = function() shared = 'from a' return true end}",
                              file: "plugins/a.lua")
        let b = try LuaPlugin(source: "return {api = 1, name = 'b', version = '1', guard = function() if shared then return false, 'leak' end return true end}",
                              file: "plugins/b.lua")
        let plugins = LuaCasePlugins([.init(plugin: a, settings: [:]), .init(plugin: b, settings: [:])], reservedIDs: [], locale: .en)
        #expect(plugins.verdicts(on: .advance, to: .active(.mapping), of: Self.state(), at: Date()).allSatisfy { $0.allowed })
    }

    @Test("loading refuses what breaks the API, naming the file and line", arguments: [
        ("return {api = 2, name = 'x', version = '1'}", PluginError.Kind.api, "api 2"),
        ("return {name = 'x', version = '1'}", .api, "api = 1"),
        ("return {api = 1, name = 'x', version = '1', gaurd = function() end}", .api, "unknown hook"),
        ("return {api = 1, name = 'x', version = '1', colour = 'red'}", .api, "unknown field"),
        ("return {api = 1, name = 'X Y', version = '1'}", .api, "name"),
        ("return 42", .runtime, "must return a table"),
        ("\nreturn {api = 1,, }", .syntax, "unexpected symbol"),
        ("local _ENV <const> = {} return {}", .api, "_ENV"),
        ("\n\nerror('broken at load')", .runtime, "broken at load"),
        ("\u{1B}Lua", .syntax, "binary"),
        ("while true do end", .budget, "budget"),
    ])
    func loadErrors(source: String, kind: PluginError.Kind, fragment: String) throws {
        do {
            _ = try LuaPlugin(source: source, file: "plugins/x.lua")
            Issue.record("loaded")
        } catch {
            #expect(error.kind == kind, "\(error)")
            #expect(error.description.contains(fragment), "\(error)")
            #expect(error.file == "plugins/x.lua")
            if kind == .syntax, source.hasPrefix("\n") { #expect(error.line == 2) }
        }
    }
}

@Suite("The agenda hook")
struct AgendaHookTests {
    func plugins(_ hook: String) throws -> LuaCasePlugins {
        let source = """
            return { api = 1, name = "p", version = "1", agenda = function(periods, case, ctx) \(hook) end }
            """
        let plugin = try LuaPlugin(source: source, file: "p.lua")
        return LuaCasePlugins([.init(plugin: plugin, settings: [:])], reservedIDs: [], locale: .en)
    }

    func state(complex: Bool) -> CaseState {
        CaseState(id: 1, opened: CaseOpened(team: "t", clientLabel: "J.", externalReference: nil, complex: complex, workflow: "w",
                                            workflowHash: "h"), at: Date(timeIntervalSince1970: 0), by: "a")
    }

    @Test("a plugin sets periods for a case, over the workflow's; nothing keeps them")
    func answers() throws {
        let base = Agenda.Periods()
        let complexOnly = try plugins("if case.complex then return { meeting_every_days = 30, pause_days = periods.pause_days * 2 } end")
        #expect(try complexOnly.agendaPeriods(base, of: state(complex: true), at: Date()).meetingEveryDays == 30)
        #expect(try complexOnly.agendaPeriods(base, of: state(complex: true), at: Date()).pauseDays == 56)
        #expect(try complexOnly.agendaPeriods(base, of: state(complex: false), at: Date()) == base)
    }

    @Test("a bad answer is an error naming the hook, and the workflow's periods stay in force", arguments: [
        "return { meeting_every_days = 0 }", "return { meeting_every_days = 1000 }", "return { meeting_every_days = 1.5 }",
        "return { meeting_days = 3 }", "return 92", "error('boom')", "while true do end",
    ])
    func badAnswers(_ body: String) throws {
        let plugins = try plugins(body)
        #expect(throws: PluginError.self) { try plugins.agendaPeriods(Agenda.Periods(), of: state(complex: false), at: Date()) }
        #expect(plugins.periods(Agenda.Periods(), of: state(complex: false), at: Date()) == Agenda.Periods())
    }
}
