import Foundation
import Testing
@testable import RegieCore
@testable import RegieLua

@Suite("The Lua sandbox")
struct LuaSandboxTests {
    func run(_ source: String, argument: LuaValue = .nil, budget: Int = 100_000, memory: Int = 4 << 20) throws -> LuaValue {
        let sandbox = try LuaSandbox(memoryLimit: memory, instructionBudget: budget)
        return try sandbox.call(try sandbox.compile(source, name: "=test"), binding: "case", to: argument)
    }

    func failure(_ source: String, budget: Int = 100_000, memory: Int = 4 << 20) -> LuaError? {
        do {
            _ = try run(source, budget: budget, memory: memory)
            return nil
        } catch let error as LuaError {
            return error
        } catch {
            return nil
        }
    }

    @Test("values cross both ways unchanged")
    func roundTrip() throws {
        let value = LuaValue.record([
            "n": .integer(-42), "x": .number(1.5), "s": .string("héllo\u{0}wereld"), "b": .bool(true),
            "list": .array([.integer(1), .string("two"), .array([])]),
            "nested": .record(["deep": .record(["deeper": .bool(false)])]),
        ])
        #expect(try run("return case", argument: value) == value)
    }

    @Test("table.sort is deterministic: equal elements keep their order, also on large arrays")
    func deterministicSort() throws {
        // 300 records with only 3 distinct keys: Lua's own quicksort randomises its pivot
        // from the clock above 100 elements, so the order of equals varied from run to run.
        let source = """
            local t = {}
            for i = 1, 300 do t[i] = { key = (i * 7) % 3, id = i } end
            table.sort(t, function(a, b) return a.key < b.key end)
            local ids = {}
            for i = 1, #t do ids[i] = t[i].key * 1000 + t[i].id end
            return table.concat(ids, ",")
            """
        let first = try run(source, budget: 1_000_000)
        guard case .string(let text) = first else { Issue.record("not a text: \(first)"); return }
        let values = text.split(separator: ",").compactMap { Int($0) }
        #expect(values.count == 300)
        #expect(values == values.sorted(), "sorted by key, equals in their original order (stable)")
        for _ in 0..<5 { #expect(try run(source, budget: 1_000_000) == first) }
        #expect(try run("local t = {5, 3, 9, 1, 1, 7} table.sort(t) return table.concat(t, ' ')") == .string("1 1 3 5 7 9"))
        #expect(try run("local t = {'b', 'a'} table.sort(t, function(x, y) return x > y end) return t[1]") == .string("b"))
        #expect(failure("local t = {1, 'a', 2} table.sort(t)")?.kind == .runtime, "incomparable values are an error")
    }

    @Test("a call stopped by the wall-clock deadline is counted, one stopped by the budget is not")
    func deadlineCounted() throws {
        let sandbox = try LuaSandbox(memoryLimit: 4 << 20, instructionBudget: 1_000_000_000, deadline: .milliseconds(5))
        let loop = try sandbox.compile("while true do end", name: "=t")
        let error = try #require(throws: LuaError.self) { try sandbox.call(loop, binding: "c", to: .nil) }
        #expect(error.kind == .deadline)
        #expect(sandbox.deadlineStops == 1)
        let budgeted = try LuaSandbox(memoryLimit: 4 << 20, instructionBudget: 10_000, deadline: .seconds(10))
        #expect(throws: LuaError.self) { try budgeted.call(try budgeted.compile("while true do end", name: "=t"), binding: "c", to: .nil) }
        #expect(budgeted.deadlineStops == 0, "the budget is reproducible and not counted")
    }

    @Test("helpers any, all and count are there")
    func helpers() throws {
        let list = LuaValue.array([.integer(1), .integer(2), .integer(3)])
        #expect(try run("return any(case, function(x) return x > 2 end)", argument: list) == .bool(true))
        #expect(try run("return all(case, function(x) return x > 2 end)", argument: list) == .bool(false))
        #expect(try run("return count(case, function(x) return x > 1 end)", argument: list) == .integer(2))
        #expect(try run("return all({}, function(x) return false end)") == .bool(true))
    }

    static let unreachable = ["io", "os", "load", "loadfile", "dofile", "require", "package", "debug", "collectgarbage",
                              "rawset", "coroutine", "xpcall", "next", "print", "_G", "_ENV.io"]

    @Test("dangerous globals are not reachable", arguments: unreachable)
    func noDangerousGlobals(name: String) throws {
        #expect(try run("return \(name) == nil") == .bool(true))
    }

    @Test("string.dump, math.random and the string metatable's dump are gone")
    func noDump() throws {
        #expect(try run("return string.dump == nil and math.random == nil and (''):len() == 0") == .bool(true))
        #expect(try run("return ('').dump == nil") == .bool(true))
    }

    @Test("libraries are read-only and globals do not survive a call")
    func isolation() throws {
        let sandbox = try LuaSandbox(instructionBudget: 10_000)
        let write = try sandbox.compile("string.upper = nil", name: "=t")
        #expect(throws: LuaError.self) { try sandbox.call(write, binding: "case", to: .nil) }
        let set = try sandbox.compile("leaked = 1; return leaked", name: "=t")
        #expect(try sandbox.call(set, binding: "case", to: .nil) == .integer(1))
        let get = try sandbox.compile("return leaked == nil and string.upper('a') == 'A'", name: "=t")
        #expect(try sandbox.call(get, binding: "case", to: .nil) == .bool(true))
    }

    @Test("an endless loop hits the instruction budget quickly")
    func budget() throws {
        let start = Date()
        #expect(failure("while true do end", budget: 100_000)?.kind == .budget)
        #expect(failure("local function f() return f() end return f()", budget: 100_000)?.kind == .budget)
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test("the state keeps working after a budget error")
    func recoversAfterBudget() throws {
        let sandbox = try LuaSandbox(instructionBudget: 10_000)
        let loop = try sandbox.compile("while true do end", name: "=t")
        #expect(throws: LuaError.self) { try sandbox.call(loop, binding: "case", to: .nil) }
        let fine = try sandbox.compile("return 1 + 1", name: "=t")
        #expect(try sandbox.call(fine, binding: "case", to: .nil) == .integer(2))
    }

    @Test("a memory bomb hits the cap")
    func memory() {
        let error = failure("local t = {} for i = 1, 1e8 do t[i] = string.rep('x', 64) .. i end", budget: 50_000_000, memory: 2 << 20)
        #expect(error?.kind == .memory)
        #expect(failure("return ('x'):rep(1 << 19) .. ('y'):rep(1 << 19) .. ('z'):rep(1 << 19)", budget: 10_000_000, memory: 2 << 20)?.kind == .memory)
    }

    @Test("errors carry their message and position; syntax errors are caught at compile time")
    func errors() throws {
        let runtime = failure("local x = nil\nreturn x.field")
        #expect(runtime?.kind == .runtime)
        #expect(runtime?.message.contains("test:2") == true)
        #expect(failure("error({})")?.message == "the error value is not a string")
        let sandbox = try LuaSandbox()
        #expect(throws: LuaError(kind: .syntax, message: "test:1: unexpected symbol near '+'")) {
            try sandbox.compile("return +", name: "=test")
        }
    }

    @Test("results that cannot cross are refused")
    func badResults() {
        #expect(failure("return function() end")?.kind == .value)
        #expect(failure("return {1, 2, x = 3}")?.kind == .value)
        #expect(failure("local t = {} t[1] = t return t")?.kind == .value)
    }
}

@Suite("Derived checklist items in Lua")
struct LuaDerivedItemTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func item(_ expression: String) -> ChecklistItem {
        ChecklistItem(id: "x", text: LocalizedText(nl: "x", en: "x"), required: true, expression: expression,
                      source: SourceLocation(file: "t", line: 1))
    }

    func state() throws -> CaseState {
        let opened = CaseOpened(team: "t", clientLabel: "J.", externalReference: nil, complex: false, workflow: "w", workflowHash: "h")
        var state = CaseState(id: 1, opened: opened, at: Date(timeIntervalSince1970: 0), by: "a")
        let events: [CaseEvent] = [
            .goalAdded(GoalAdded(goalID: 1, text: "Werk", term: .long, wordedBy: .client)),
            .resourceMapped(ResourceMapped(resourceID: 1, label: "Ans", relation: "buurvrouw", kind: .informal)),
            .memberChosen(MemberChosen(resourceID: 1, chosenBy: .client, note: nil)),
        ]
        for (i, event) in events.enumerated() {
            try state.apply(RecordedEvent(caseID: 1, version: i + 2, actor: "a", recordedAt: Date(timeIntervalSince1970: 0), event: event))
        }
        return state
    }

    @Test("the shipped workflow's expressions evaluate against a case")
    func shippedExpressions() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("workflows/resourcegroep.yaml"), encoding: .utf8)
        let workflow = try WorkflowParser.parse(text, file: "resourcegroep.yaml")
        let evaluator = try LuaDerivedItemEvaluator()
        let outcomes = evaluator.evaluate(workflow.derivedItems, in: try state())
        for (item, outcome) in zip(workflow.derivedItems, outcomes) {
            guard case .holds = outcome else { Issue.record("\(item.id) failed: \(outcome)"); continue }
        }
        let byID = Dictionary(uniqueKeysWithValues: zip(workflow.derivedItems.map(\.id), outcomes))
        #expect(byID["goals.long_term"] == .holds(true))
        #expect(byID["goals.short_term"] == .holds(false))
        #expect(byID["mapping.client_chose"] == .holds(true))
        #expect(byID["activation.contacted"] == .holds(false))
        let contacted = try #require(workflow.derivedItems.first { $0.id == "activation.contacted" })
        #expect(evaluator.missingNames(contacted, in: try state()) == ["Ans"], "the member not yet contacted, by label")
    }

    @Test("what is missing: a list of texts, or nothing when the expression fails or gives something else")
    func missingNames() throws {
        let evaluator = try LuaDerivedItemEvaluator(instructionBudget: 10_000)
        func names(_ expression: String) throws -> [String]? {
            var item = item("false")
            item.missing = MissingNames(text: LocalizedText(nl: "n", en: "e"), names: expression)
            return evaluator.missingNames(item, in: try state())
        }
        #expect(try names("labels(case.resources)") == ["Ans"])
        #expect(try names("labels(case.resources, function(r) return r.kind == 'professional' end)") == [])
        #expect(try names("{1, 2}") == nil, "numbers are not names")
        #expect(try names("case.nothing.here") == nil)
        #expect(try names("(function() while true do end end)()") == nil)
        #expect(evaluator.missingNames(item("false"), in: try state()) == nil, "an item without `missing:`")
    }

    @Test("a failing or non-boolean expression fails closed with a message")
    func failClosed() throws {
        let evaluator = try LuaDerivedItemEvaluator(instructionBudget: 10_000)
        let outcomes = evaluator.evaluate([item("case.nothing.here"), item("42"), item("(function() while true do end end)()"), item("nil")],
                                          in: try state())
        guard case .failed(let message) = outcomes[0] else { Issue.record("expected failure"); return }
        #expect(message.contains("nothing"))
        #expect(outcomes[1] == .failed("the expression did not give true or false"))
        guard case .failed(let budget) = outcomes[2] else { Issue.record("expected budget failure"); return }
        #expect(budget.contains("budget"))
        #expect(outcomes[3] == .holds(false))
    }
}
