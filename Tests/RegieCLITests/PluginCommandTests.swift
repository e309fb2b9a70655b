import Foundation
import Testing
@testable import RegieApp
@testable import RegieCLI
import RegieReports
import RegieCore
import RegieLua
import RegieStore

/// Plugins through the command line: pins, guards, checklists, hostile plugins and the
/// plugin author's tools.
@Suite("Plugins on the command line")
struct PluginCommandTests {
    static func yaml(plugins: String) -> String {
        """
        organisation: "Test"
        locale: en
        database: regie.sqlite
        teams:
          - id: west
            workflow: resourcegroep
            plugins: \(plugins)
        people:
          - id: anna
            role: worker
            teams: [west]

        """
    }

    static let strict = """
        return {
          api = 1, name = "strict", version = "1",
          checklist = function(phase, case, ctx)
            if phase == "goals" then
              return { { id = "strict.consent", nl = "Toestemming", en = "Consent recorded" } }
            end
          end,
          guard = function(move, case, ctx)
            if move.kind == "pause" and #case.goals == 0 then
              return false, { nl = "Eerst een doel", en = "First a goal" }
            end
            return true
          end,
        }
        """

    @Test("a case is pinned to its plugins; a guard refuses with the plugin's reason and nothing changes")
    func guardRefuses() async throws {
        let bench = try await Workbench(yaml: Self.yaml(plugins: "[strict, {name: quarterly, settings: {max_days: 60}}]"))
        try bench.write(Self.strict, to: "plugins/strict.lua")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "R."]).status == .success)
        let store = try await bench.store()
        guard case .opened(let opened) = try await store.events(of: 1)[0].event else { Issue.record("no opening"); return }
        #expect(opened.plugins?.map(\.name) == ["strict", "quarterly"])
        #expect(opened.plugins?[1].settings == ["max_days": .integer(60)])
        await #expect(try store.ruleSource(hash: opened.plugins![0].hash) == Self.strict)

        let before = try await bench.snapshot()
        let refused = await bench.run(["case", "pause", "1", "--kind", "crisis", "--reason", "x"])
        #expect(refused.status == .refused)
        #expect(refused.err.contains("strict: First a goal"))
        #expect(try await bench.snapshot() == before)

        // The plugin's hand-ticked item can be ticked and shows in the checklist.
        #expect(await bench.run(["check", "tick", "1", "strict.consent"]).status == .success)
        #expect(await bench.run(["check", "list", "1"]).out.contains("[x] strict.consent: Consent recorded"))
        #expect(await bench.run(["goal", "add", "1", "Weer werken", "--term", "long", "--by", "client"]).status == .success)
        #expect(await bench.run(["case", "pause", "1", "--kind", "crisis", "--reason", "x"]).status == .success)
        let log = await bench.run(["audit", "log", "1", "--json"])
        #expect(log.out.contains("\"plugin\" : \"strict\""))
        #expect(await bench.run(["audit", "verify"]).status == .success)
    }

    @Test("editing a plugin file changes new cases only")
    func pinsHold() async throws {
        let bench = try await Workbench(yaml: Self.yaml(plugins: "[strict]"))
        try bench.write(Self.strict, to: "plugins/strict.lua")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "R."]).status == .success)
        try bench.write(Self.strict.replacingOccurrences(of: "#case.goals == 0", with: "true"), to: "plugins/strict.lua")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "K."]).status == .success)
        #expect(await bench.run(["goal", "add", "1", "Een doel", "--term", "long", "--by", "client"]).status == .success)
        #expect(await bench.run(["goal", "add", "2", "Een doel", "--term", "long", "--by", "client"]).status == .success)
        #expect(await bench.run(["case", "pause", "1", "--kind", "crisis", "--reason", "x"]).status == .success)
        #expect(await bench.run(["case", "pause", "2", "--kind", "crisis", "--reason", "x"]).status == .refused)
        #expect(await bench.run(["audit", "verify"]).status == .success)
    }

    static let hostile: [(String, String)] = [
        ("guard", "guard = function() while true do end end"),
        ("guard", "guard = function() local s = 'x' while true do s = s .. s end end"),
        ("guard", "guard = function() return ('a'):rep(4000):find('a*a*a*a*b') end"),
        ("guard", "guard = function() return io.open('/etc/passwd') end"),
        ("checklist", "checklist = function() while true do pcall(function() while true do end end) end end"),
        ("checklist", "checklist = function() return { { id = 'goals.own_story', nl = 'x', en = 'x' } } end"),
    ]

    @Test("a hostile plugin ends in a clean refusal within 2 s; the case is unchanged and the next command works",
          arguments: 0..<hostile.count)
    func hostilePlugin(_ index: Int) async throws {
        let (hook, body) = Self.hostile[index]
        let bench = try await Workbench(yaml: Self.yaml(plugins: "[hostile]"))
        try bench.write("return { api = 1, name = 'hostile', version = '1', \(body) }", to: "plugins/hostile.lua")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "R."]).status == .success)
        let before = try await bench.snapshot()
        let start = ContinuousClock.now
        let move = hook == "guard" ? ["case", "pause", "1", "--kind", "crisis", "--reason", "x"] : ["case", "advance", "1"]
        let result = await bench.run(move)
        let hostile = ContinuousClock.now - start
        #expect(result.status == .refused, "\(result.err)")
        #expect(result.err.contains("hostile"))
        #expect(!result.err.contains("Fatal"))
        #expect(try await bench.snapshot() == before)
        let benignStart = ContinuousClock.now
        #expect(await bench.run(["goal", "add", "1", "Een doel", "--term", "long", "--by", "client"]).status == .success)
        // The plugin's limits stop it within 2 s more than an ordinary command takes on this
        // machine at this moment (a busy test run slows both alike).
        #expect(hostile < (ContinuousClock.now - benignStart) + .seconds(2), "took \(hostile)")
    }

    @Test("plugin check and plugin test report problems with the file and line")
    func authorTools() async throws {
        let bench = try await Workbench()
        let good = bench.folder.appendingPathComponent("plugins/fact.lua").path
        let check = await bench.run(["plugin", "check", good], as: nil, inWorkspace: false)
        #expect(check.status == .success)
        #expect(check.out.contains("plugin fact 1.0, hooks: checklist, guard, prompts"))
        let tested = await bench.run(["plugin", "test", good], as: nil, inWorkspace: false)
        #expect(tested.status == .success, "\(tested.out) \(tested.err)")
        #expect(tested.out.contains("passed, 0 failed"))

        try bench.write("return {\n api = 1, name = 'bad', version = '1',\n guard = function(move) return move.nothing.here end }", to: "plugins/bad.lua")
        let bad = await bench.run(["plugin", "check", bench.folder.appendingPathComponent("plugins/bad.lua").path], as: nil, inWorkspace: false)
        #expect(bad.status == .configuration)
        #expect(bad.out.contains("bad.lua:3"))
        try bench.write("it('fails', function() expect(1).to_be(2) end)", to: "plugins/tests/bad.lua")
        let failing = await bench.run(["plugin", "test", bench.folder.appendingPathComponent("plugins/bad.lua").path], as: nil, inWorkspace: false)
        #expect(failing.status == .configuration)
        #expect(failing.out.contains("FAILED: fails"))

        let list = await bench.run(["plugin", "list", "--json"], as: nil)
        #expect(list.status == .success)
        for name in ShippedPlugins.names { #expect(list.out.contains("\"name\" : \"\(name)\"")) }
    }

    @Test("every shipped plugin answers well for an empty case in every phase and move", arguments: ShippedPlugins.names)
    func shippedPluginsExercise(_ name: String) throws {
        let plugin = try LuaPlugin(source: try #require(ShippedPlugins.sources[name]), file: "plugins/\(name).lua")
        #expect(PluginCheckCommand.exercise(plugin) == [])
    }

    @Test("a reminder hook that fails after a move leaves the move recorded and the exit code 0")
    func failingReminderAfterMove() async throws {
        let bench = try await Workbench(yaml: Self.yaml(plugins: "[noisy]"))
        try bench.write("return { api = 1, name = 'noisy', version = '1', on_enter = function() error('broken reminder') end }",
                        to: "plugins/noisy.lua")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "R."]).status == .success)
        #expect(await bench.run(["goal", "add", "1", "Een doel", "--term", "long", "--by", "client"]).status == .success)
        #expect(await bench.run(["check", "tick", "1", "goals.own_story"]).status == .success)
        #expect(await bench.run(["goal", "add", "1", "Eerst dit", "--term", "short", "--by", "client"]).status == .success)
        let moved = await bench.run(["case", "advance", "1"])
        #expect(moved.status == .success, "\(moved.err)")
        #expect(moved.out.contains("The move is recorded, but the reminders could not be shown"))
        #expect(moved.out.contains("This team's rules could not be checked. Tell your application manager, and mention plugin noisy."),
                "\(moved.out)")
        #expect(!moved.out.contains("broken reminder"), "the Lua message is for the application manager")
    }

    @Test("a prompts hook that fails does not hide the case: case show names the plugin instead")
    func failingPrompts() async throws {
        let bench = try await Workbench(yaml: Self.yaml(plugins: "[mute]"))
        try bench.write("return { api = 1, name = 'mute', version = '1', prompts = function() return 42 end }", to: "plugins/mute.lua")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "R."]).status == .success)
        let shown = await bench.run(["case", "show", "1"])
        #expect(shown.status == .success, "\(shown.err)")
        #expect(shown.out.contains("The plugins' prompts are missing. This team's rules could not be checked; tell your application manager, and mention plugin mute."),
                "\(shown.out)")
        #expect(!shown.out.contains("expected a list"), "the technical detail is for plugin check")
        #expect(shown.out.contains("goals.own_story"))
        let check = await bench.run(["plugin", "check", bench.folder.appendingPathComponent("plugins/mute.lua").path], as: nil, inWorkspace: false)
        #expect(check.status == .configuration)
        #expect(check.out.contains("expected a list, got a number"), "\(check.out)")
    }

    @Test("a plugin that does not load: case open refuses with a sentence for the worker, plugin check gives the file, line and Lua message")
    func brokenPluginAtOpen() async throws {
        let bench = try await Workbench(yaml: Self.yaml(plugins: "[broken]"))
        try bench.write("return { api = 1, name = 'broken', version = '1',\n  checklist = function() return {} end\n  prompts = 1 }",
                        to: "plugins/broken.lua")
        let before = try await bench.snapshot()
        let opened = await bench.run(["case", "open", "--team", "west", "--client", "R."])
        #expect(opened.status == .configuration)
        #expect(opened.err == "regie: This team's rules could not be checked. Tell your application manager, and mention plugin broken.",
                "\(opened.err)")
        #expect(!opened.err.contains("plugins/broken.lua"), "no file or line for the worker")
        #expect(try await bench.snapshot() == before, "a refused case open writes nothing")

        let check = await bench.run(["plugin", "check", bench.folder.appendingPathComponent("plugins/broken.lua").path], as: nil, inWorkspace: false)
        #expect(check.status == .configuration)
        #expect(check.err.contains("plugins/broken.lua:3"), "\(check.err)")
        #expect(check.err.contains("'}' expected"), "\(check.err)")
        let list = await bench.run(["plugin", "list"], as: nil)
        #expect(list.out.contains("broken") && list.out.contains("syntax"), "\(list.out)")
    }

    @Test("a checklist hook that fails at work shows the worker the sentence, and its guard refuses with it")
    func failingChecklistAtWork() async throws {
        let bench = try await Workbench(yaml: Self.yaml(plugins: "[flaky]"))
        try bench.write("""
            return { api = 1, name = 'flaky', version = '1',
              checklist = function(phase, case) if #case.goals > 0 then error('boom for ' .. case.client_label) end return {} end }
            """, to: "plugins/flaky.lua")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "Zeldzaam"]).status == .success)
        #expect(await bench.run(["goal", "add", "1", "Een doel", "--term", "long", "--by", "client"]).status == .success)
        let shown = await bench.run(["case", "show", "1"])
        #expect(shown.status == .success, "\(shown.err)")
        #expect(shown.out.contains("This team's rules could not be checked; tell your application manager, and mention plugin flaky."),
                "\(shown.out)")
        #expect(!shown.out.contains("boom") && !shown.out.contains("flaky.lua"), "\(shown.out)")
        let moved = await bench.run(["case", "advance", "1"])
        #expect(moved.status == .refused)
        #expect(moved.err.contains("mention plugin flaky") && !moved.err.contains("flaky.lua") && !moved.err.contains("boom"), "\(moved.err)")
    }

    @Test("plugin list reports a workspace file it cannot read")
    func listWithBrokenWorkspace() async throws {
        let bench = try await Workbench()
        try bench.write("teams: [", to: "regie.yaml")
        #expect(await bench.run(["plugin", "list"], as: nil).status == .configuration)
    }

    @Test("workflow show --team gives the effective checklist with the plugins' items")
    func effectiveChecklist() async throws {
        let bench = try await Workbench(yaml: Self.yaml(plugins: "[fact, group-chat]"))
        let shown = await bench.run(["workflow", "show", "--team", "west", "--phase", "meeting"])
        #expect(shown.status == .success)
        #expect(shown.out.contains("fact.crisis_agreements"))
        #expect(shown.out.contains("group_chat.topics"))
        #expect(shown.out.contains("meeting.held"))
    }

    @Test("an unknown plugin, or a name that does not match the file, is a configuration error")
    func misconfigured() async throws {
        let bench = try await Workbench(yaml: Self.yaml(plugins: "[nonexistent]"))
        let result = await bench.run(["case", "open", "--team", "west", "--client", "R."])
        #expect(result.status == .configuration)
        #expect(result.err.contains("There is no plugin called nonexistent"))
        let renamed = try await Workbench(yaml: Self.yaml(plugins: "[mine]"))
        try renamed.write(Self.strict, to: "plugins/mine.lua")
        #expect(await renamed.run(["case", "open", "--team", "west", "--client", "R."]).status == .configuration)
    }

    @Test("the embedded plugins are exactly plugins/ (run `make embed` if not)")
    func embedded() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ShippedPlugins.names {
            let file = try String(contentsOf: root.appendingPathComponent("plugins/\(name).lua"), encoding: .utf8)
            #expect(ShippedPlugins.sources[name].map { $0 + "\n" } == file)
            let tests = try String(contentsOf: root.appendingPathComponent("plugins/tests/\(name).lua"), encoding: .utf8)
            #expect(ShippedPlugins.tests[name].map { $0 + "\n" } == tests)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("plugins").path).filter { $0.hasSuffix(".lua") }
        #expect(files.count == ShippedPlugins.names.count)
        #expect(ShippedPlugins.types + "\n" == (try String(contentsOf: root.appendingPathComponent("plugins/types/regie.lua"), encoding: .utf8)))
    }
}

@Suite("case migrate")
struct CaseMigrateTests {
    static let yaml = PluginCommandTests.yaml(plugins: "[strict]").replacingOccurrences(of: "role: worker", with: "role: coordinator")

    @Test("--team shows every running case's change with one summary, writes nothing without --yes, then migrates them all; closed cases stay")
    func migrateTeam() async throws {
        let bench = try await Workbench(yaml: Self.yaml)
        try bench.write(PluginCommandTests.strict, to: "plugins/strict.lua")
        for client in ["R.", "S.", "T."] {
            #expect(await bench.run(["case", "open", "--team", "west", "--client", client]).status == .success)
        }
        #expect(await bench.run(["case", "close", "3", "--outcome", "other", "--reason", "Verhuisd"]).status == .success)
        #expect(await bench.run(["case", "migrate", "--team", "west"]).out.contains("Nothing to migrate."))
        #expect(await bench.run(["case", "migrate", "1", "--team", "west"]).status == .usage, "a case and a team at once")
        #expect(await bench.run(["case", "migrate"]).status == .usage)

        try bench.write(Self.yaml.replacingOccurrences(of: "plugins: [strict]", with: "plugins: [strict, youth]"), to: "regie.yaml")
        let before = try await bench.snapshot()
        let dry = await bench.run(["case", "migrate", "--team", "west"])
        #expect(dry.status == .success, "\(dry.err)")
        #expect(dry.out.hasPrefix("Running cases of west: 2.\n"), "\(dry.out)")
        #expect(dry.out.components(separatedBy: "plugins added: youth").count == 3, "one plan per running case: \(dry.out)")
        #expect(!dry.out.contains("Case 3"), "a closed case is not migrated")
        #expect(dry.out.hasSuffix("Nothing was changed. Run again with --yes to migrate 2 cases: 1, 2.\n"), "\(dry.out)")
        #expect(try await bench.snapshot() == before)

        // A worker sees the plan but may not apply it.
        try bench.write(Self.yaml.replacingOccurrences(of: "plugins: [strict]", with: "plugins: [strict, youth]")
            .replacingOccurrences(of: "role: coordinator", with: "role: worker"), to: "regie.yaml")
        let worker = await bench.run(["case", "migrate", "--team", "west", "--yes"])
        #expect(worker.status == .notPermitted, "\(worker.err)")
        #expect(worker.err.contains("Only a coordinator may move a case to other rules."))
        #expect(try await bench.snapshot() == before)
        try bench.write(Self.yaml.replacingOccurrences(of: "plugins: [strict]", with: "plugins: [strict, youth]"), to: "regie.yaml")

        let done = await bench.run(["case", "migrate", "--all", "--yes", "--json"])
        #expect(done.status == .success, "\(done.err)")
        let result = try JSONSerialization.jsonObject(with: Data(done.out.utf8)) as? [String: Any]
        #expect(result?["applied"] as? Bool == true && result?["running"] as? Int == 2)
        #expect((result?["plans"] as? [[String: Any]])?.map { $0["migrated"] as? Bool } == [true, true])
        #expect(await bench.run(["check", "list", "2"]).out.contains("youth.guardian_involved"))
        let again = await bench.run(["case", "migrate", "--team", "west"])
        #expect(again.out.contains("Already on the current rules: 1, 2.") && again.out.contains("Nothing to migrate."), "\(again.out)")
        #expect(await bench.run(["audit", "verify"]).status == .success)
    }

    @Test("shows the change, writes nothing without --yes, then migrates and keeps the old rules for the record")
    func migrate() async throws {
        let bench = try await Workbench(yaml: Self.yaml)
        try bench.write(PluginCommandTests.strict, to: "plugins/strict.lua")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "R."]).status == .success)
        #expect(await bench.run(["case", "migrate", "1"]).out.contains("already follows"))

        // The team adds a plugin and changes the strict one.
        try bench.write(Self.yaml.replacingOccurrences(of: "plugins: [strict]", with: "plugins: [strict, youth]"), to: "regie.yaml")
        try bench.write(PluginCommandTests.strict.replacingOccurrences(of: "Consent recorded", with: "Consent written down"),
                        to: "plugins/strict.lua")
        let before = try await bench.snapshot()
        let dry = await bench.run(["case", "migrate", "1"])
        #expect(dry.status == .success)
        #expect(dry.out.contains("plugins added: youth"))
        #expect(dry.out.contains("plugins changed: strict"))
        #expect(dry.out.contains("items added in this phase: youth.guardian_involved"))
        #expect(dry.out.contains("Nothing was changed"))
        #expect(try await bench.snapshot() == before)

        let done = await bench.run(["case", "migrate", "1", "--yes", "--json"])
        #expect(done.status == .success)
        #expect(done.out.contains("\"migrated\" : true"))
        #expect(await bench.run(["check", "list", "1"]).out.contains("youth.guardian_involved"))
        #expect(await bench.run(["check", "list", "1"]).out.contains("Consent written down"))
        #expect(await bench.run(["case", "migrate", "1"]).out.contains("already follows"))
        // The record still verifies: transitions before and after are replayed under their own rules.
        #expect(await bench.run(["goal", "add", "1", "Naar school", "--term", "long", "--by", "client"]).status == .success)
        #expect(await bench.run(["case", "pause", "1", "--kind", "crisis", "--reason", "x"]).status == .success)
        let verify = await bench.run(["audit", "verify"])
        #expect(verify.status == .success, "\(verify.out)")
    }

    @Test("only a coordinator migrates")
    func coordinatorsOnly() async throws {
        let bench = try await Workbench(yaml: PluginCommandTests.yaml(plugins: "[]"))
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "R."]).status == .success)
        try bench.write(PluginCommandTests.yaml(plugins: "[youth]"), to: "regie.yaml")
        let before = try await bench.snapshot()
        #expect(await bench.run(["case", "migrate", "1", "--yes"]).status == .notPermitted)
        #expect(try await bench.snapshot() == before)
    }
}
