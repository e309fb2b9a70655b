import Foundation
import RegieCore
import RegieLua

/// The plugin figures of the plugin issue: a guard call on a typical case (20 events),
/// loading the six shipped plugins, and the in-memory engine with two plugins on the team.
public enum PluginWorkload {
    /// A guard of the usual shape: look at the case, say yes or no with a reason.
    public static let guardSource = """
        return {
          api = 1, name = "bench-guard", version = "1",
          guard = function(move, case, ctx)
            if move.kind == "advance" and case.complex and #case.members == 0 then
              return false, { nl = "Eerst een groep", en = "First a group" }
            end
            return true
          end,
        }
        """

    /// A checklist plugin that adds one derived item per phase.
    public static let checklistSource = """
        return {
          api = 1, name = "bench-check", version = "1",
          checklist = function(phase, case, ctx)
            return { { id = "bench." .. phase, nl = "x", en = "x", required = true,
                       holds = case.ticked[phase .. ".a"] ~= nil } }
          end,
        }
        """

    /// The case the guard is asked about: the workload's case after its 20 events.
    public static func typicalCase(evaluator: any DerivedItemEvaluator, now: Date) throws -> CaseState {
        let recorded = try BenchmarkWorkload.runCase(id: 1, hash: "h", evaluator: evaluator, now: now)
        return try CaseState.replay(recorded)
    }

    public static func guardPlugins() throws -> LuaCasePlugins {
        LuaCasePlugins([.init(plugin: try LuaPlugin(source: guardSource, file: "bench-guard.lua"), settings: [:])],
                       reservedIDs: [], locale: .en)
    }

    /// The two plugins of the in-memory figure.
    public static func twoPlugins() throws -> LuaCasePlugins {
        LuaCasePlugins([
            .init(plugin: try LuaPlugin(source: guardSource, file: "bench-guard.lua"), settings: [:]),
            .init(plugin: try LuaPlugin(source: checklistSource, file: "bench-check.lua"), settings: [:]),
        ], reservedIDs: BenchmarkWorkload.workflow.itemIDs, locale: .en)
    }

    /// The shipped plugins' sources, read from the repository's `plugins/` folder.
    public static let shippedSources: [(name: String, source: String)] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("plugins")
        return ["fact", "youth", "addiction", "neighbourhood", "group-chat", "quarterly"].map { name in
            (name, (try? String(contentsOf: folder.appendingPathComponent(name + ".lua"), encoding: .utf8)) ?? "")
        }
    }()

    /// Loads the six shipped plugins, each into its own Lua state, as a process does when it starts.
    public static func loadShipped() throws -> [LuaPlugin] {
        try shippedSources.map { try LuaPlugin(source: $0.source, file: "plugins/\($0.name).lua") }
    }
}
