import RegieReports
import Foundation
import RegieCore
import RegieLua
import RegieStore

/// Finds the workflow and plugins in force for a team (to open a case) and the exact workflow
/// and plugins a case is pinned to (by content hash, from the store), and checks that every
/// derived item compiles and every plugin loads.
package final class RuleBook {
    package let workspace: Workspace
    /// nil when checking files without a workspace: nothing pinned can then be found.
    package let store: (any EventStore)?
    package let evaluator: LuaDerivedItemEvaluator
    private var pinned: [String: Workflow] = [:]
    /// Loaded plugins by content hash: each has its own Lua state.
    private var loadedPlugins: [String: LuaPlugin] = [:]
    /// Set once every stored plugin is loaded (``preloadStoredPlugins(from:)``): from then on
    /// nothing is read from the store, as `audit verify` reads the log in one access that
    /// another read must not enter.
    private var storeClosed = false

    package init(workspace: Workspace, store: (any EventStore)?) throws(RegieError) {
        self.workspace = workspace
        self.store = store
        do {
            evaluator = try LuaDerivedItemEvaluator()
        } catch {
            throw RegieError(.internalError, .luaUnavailable, ["detail": "\(error)"])
        }
    }

    /// How many Lua calls of these rules (derived items and every loaded plugin) the wall-clock
    /// deadline has stopped so far: compared before and after a decision or its replay.
    package var deadlineStops: Int { evaluator.deadlineStops + loadedPlugins.values.reduce(0) { $0 + $1.deadlineStops } }

    /// The workflow a team uses now, with its source and hash.
    package func current(for team: Workspace.Team) throws(RegieError) -> (workflow: Workflow, source: String, hash: String) {
        let (source, file) = try Self.source(named: team.workflow, in: workspace.root)
        let workflow = try parse(source, file: file)
        return (workflow, source, RuleHash.of(source))
    }

    /// The workflow a case is pinned to.
    package func pinned(_ hash: String) async throws(RegieError) -> Workflow {
        if let workflow = pinned[hash] { return workflow }
        let source: String?
        do {
            source = try await store?.ruleSource(hash: hash)
        } catch {
            throw RegieError.from(error)
        }
        guard let source else {
            throw RegieError(.storage, .pinnedWorkflowMissing)
        }
        let workflow = try parse(source, file: "workflow \(hash.prefix(19))")
        pinned[hash] = workflow
        return workflow
    }

    /// Parses a workflow and compiles its derived items.
    package func parse(_ source: String, file: String) throws(RegieError) -> Workflow {
        let workflow: Workflow
        do {
            workflow = try WorkflowParser.parse(source, file: file)
        } catch {
            throw RegieError(.configuration, .workflowInvalid, ["detail": "\(error)"])
        }
        for item in workflow.derivedItems {
            do {
                try evaluator.prepare(item)
            } catch {
                throw RegieError(.configuration, .derivedExpressionInvalid, ["source": "\(item.source)", "item": "\(item.id)", "detail": "\(error.message)"])
            }
        }
        return workflow
    }

    // MARK: - Plugins

    /// The team's plugins as they are now: what to pin a new case to, their sources, and the
    /// loaded plugins.
    package func currentPlugins(for team: Workspace.Team, workflow: Workflow) throws(RegieError)
        -> (pins: [PluginPin], sources: [String], plugins: LuaCasePlugins)
    {
        var pins: [PluginPin] = []
        var sources: [String] = []
        var entries: [LuaCasePlugins.Entry] = []
        for use in team.plugins {
            let (source, file) = try Self.pluginSource(named: use.name, in: workspace.root)
            let hash = RuleHash.of(source)
            let plugin = try load(source, file: file, hash: hash)
            guard plugin.name == use.name else {
                throw RegieError(.configuration, .pluginNameMismatch, ["file": "\(file)", "plugin": "\(plugin.name)", "team": "\(team.id)", "listed_as": "\(use.name)"])
            }
            pins.append(PluginPin(name: use.name, hash: hash, settings: use.settings))
            sources.append(source)
            entries.append(.init(plugin: plugin, settings: use.settings))
        }
        return (pins, sources, LuaCasePlugins(entries, reservedIDs: workflow.itemIDs, locale: workspace.locale))
    }

    /// Loads the plugins a case is pinned to from the sources stored in the database, where
    /// they are not loaded yet, so that ``plugins(for:workflow:)`` can give them.
    package func loadPlugins(of state: CaseState) async throws(RegieError) {
        for pin in state.plugins where loadedPlugins[pin.hash] == nil && !storeClosed {
            let source: String?
            do {
                source = try await store?.ruleSource(hash: pin.hash)
            } catch {
                throw RegieError.from(error)
            }
            guard let source else {
                throw RegieError(.storage, .pinnedPluginMissing, ["plugin": "\(pin.name)"])
            }
            _ = try load(source, file: Self.pinnedFileName(pin.name, hash: pin.hash), hash: pin.hash)
        }
    }

    /// The plugins a case is pinned to, with the settings it is pinned to, as loaded by
    /// ``loadPlugins(of:)`` or ``preloadStoredPlugins()``.
    package func plugins(for state: CaseState, workflow: Workflow) throws(RegieError) -> LuaCasePlugins {
        var entries: [LuaCasePlugins.Entry] = []
        for pin in state.plugins {
            guard let plugin = loadedPlugins[pin.hash] else {
                throw RegieError(.storage, .pinnedPluginNotIntact, ["plugin": "\(pin.name)"])
            }
            entries.append(.init(plugin: plugin, settings: pin.settings))
        }
        return LuaCasePlugins(entries, reservedIDs: workflow.itemIDs, locale: workspace.locale)
    }

    /// Loads every intact plugin stored in the database, so that later lookups by pin need no
    /// read; after this the rule book reads nothing more from the store, as `audit verify`
    /// replays inside one read of the log.
    package func preloadStoredPlugins() async throws(RegieError) {
        defer { storeClosed = true }
        let stored: [StoredRule]
        do {
            stored = try await store?.ruleSources(kind: "plugin") ?? []
        } catch {
            throw RegieError.from(error)
        }
        for plugin in stored {
            _ = try? load(plugin.source, file: Self.pinnedFileName(plugin.name, hash: plugin.hash), hash: plugin.hash)
        }
    }

    /// How a plugin a case is pinned to is named in messages: its file and the start of its
    /// hash, such as `plugins/fact.lua@ff40eed6`.
    package static func pinnedFileName(_ name: String, hash: String) -> String {
        "plugins/\(name).lua@" + hash.replacingOccurrences(of: "sha256:", with: "").prefix(8)
    }

    private func load(_ source: String, file: String, hash: String) throws(RegieError) -> LuaPlugin {
        if let plugin = loadedPlugins[hash] { return plugin }
        do {
            let plugin = try LuaPlugin(source: source, file: file)
            loadedPlugins[hash] = plugin
            return plugin
        } catch {
            throw RegieError.from(error)
        }
    }

    /// The text of a plugin by name: the workspace's `plugins/NAME.lua`, else the one shipped
    /// with Regie.
    package static func pluginSource(named name: String, in root: URL) throws(RegieError) -> (text: String, file: String) {
        try checkFileName(name, kind: "plugin")
        let file = root.appendingPathComponent("plugins").appendingPathComponent(name + ".lua")
        if FileManager.default.fileExists(atPath: file.path) {
            do {
                return (try String(contentsOf: file, encoding: .utf8), "plugins/\(name).lua")
            } catch {
                throw RegieError(.configuration, .pluginUnreadable, ["name": "\(name)"])
            }
        }
        if let source = ShippedPlugins.sources[name] { return (source, "(built-in) plugins/\(name).lua") }
        throw RegieError(.configuration, .pluginUnknown, ["name": "\(name)"])
    }

    /// The text of a workflow by name: the workspace's `workflows/NAME.yaml`, else the default
    /// embedded in Regie.
    package static func source(named name: String, in root: URL) throws(RegieError) -> (text: String, file: String) {
        try checkFileName(name, kind: "workflow")
        let file = root.appendingPathComponent("workflows").appendingPathComponent(name + ".yaml")
        if FileManager.default.fileExists(atPath: file.path) {
            do {
                return (try String(contentsOf: file, encoding: .utf8), "workflows/\(name).yaml")
            } catch {
                throw RegieError(.configuration, .workflowUnreadable, ["name": "\(name)"])
            }
        }
        if name == DefaultWorkflow.name { return (DefaultWorkflow.source, "(built-in) \(DefaultWorkflow.fileName)") }
        throw RegieError(.configuration, .workflowUnknown, ["name": "\(name)"])
    }

    /// A name is checked before any path is made of it, so that nothing outside the
    /// workspace's folders is read.
    private static func checkFileName(_ name: String, kind: String) throws(RegieError) {
        guard !Identifier.isFileName(name) else { return }
        throw RegieError(.configuration, .ruleNameInvalid, ["name": "\(name)", "kind": "\(kind)"])
    }
}
