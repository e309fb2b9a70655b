import Foundation
import Testing
@testable import RegieLua

/// The plugins in `plugins/` load in the real sandbox and pass their own Lua tests.
@Suite("Shipped plugins")
struct ShippedPluginTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("plugins")
    static let names = ["fact", "youth", "addiction", "neighbourhood", "group-chat", "quarterly"]

    static func load(_ name: String) throws -> LuaPlugin {
        let source = try String(contentsOf: folder.appendingPathComponent(name + ".lua"), encoding: .utf8)
        return try LuaPlugin(source: source, file: "plugins/\(name).lua")
    }

    @Test("loads, and its own tests pass", arguments: names)
    func ownTests(_ name: String) throws {
        let plugin = try Self.load(name)
        #expect(plugin.name == name)
        #expect(plugin.description != nil)
        let tests = try String(contentsOf: Self.folder.appendingPathComponent("tests/\(name).lua"), encoding: .utf8)
        let run = try plugin.runTests(source: tests, file: "plugins/tests/\(name).lua")
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.passed >= 2)
    }

    @Test("the LuaCATS annotations are valid Lua")
    func annotations() throws {
        let types = try String(contentsOf: Self.folder.appendingPathComponent("types/regie.lua"), encoding: .utf8)
        let sandbox = try LuaSandbox()
        _ = try sandbox.compile(types, name: "@plugins/types/regie.lua")
        for name in ["any", "all", "count", "days_between", "add_days", "describe", "it", "expect", "sample_case", "context", "move"] {
            #expect(types.contains("function \(name)("))
        }
    }

    @Test("a failing expectation is reported with its test name and line")
    func failingTest() throws {
        let plugin = try Self.load("quarterly")
        let run = try plugin.runTests(source: """
            describe("dates", function()
              it("is wrong on purpose", function()
                expect(add_days("2027-01-01", 1)).to_be("2027-01-03")
              end)
              it("passes", function() expect(1).to_be(1) end)
            end)
            """, file: "t.lua")
        #expect(run.passed == 1)
        #expect(run.failures == [.init(name: "dates is wrong on purpose", message: "t.lua:3: expected \"2027-01-03\", got \"2027-01-02\"")])
        #expect(!run.succeeded)
    }

    @Test("an endless loop in a test file is stopped")
    func endlessTest() throws {
        let plugin = try Self.load("fact")
        #expect(throws: PluginError.self) {
            try plugin.runTests(source: "it('loops', function() while true do end end)", file: "t.lua", instructions: 100_000)
        }
    }
}
