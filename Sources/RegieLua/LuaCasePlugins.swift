import Foundation
import RegieCore

/// A case's plugins, in the team's order, each with the settings it is pinned to. Implements
/// the core's ``CasePlugins`` and fails closed there: a plugin whose checklist fails adds a
/// required item that does not hold, and a guard that fails refuses the move. The throwing
/// methods give the failure itself, for commands that show it.
public final class LuaCasePlugins: CasePlugins {
    public struct Entry {
        public var plugin: LuaPlugin
        public var settings: [String: PluginSetting]

        public init(plugin: LuaPlugin, settings: [String: PluginSetting]) {
            self.plugin = plugin
            self.settings = settings
            hasGuard = plugin.hooks.contains("guard")
        }

        let hasGuard: Bool
    }

    public let entries: [Entry]
    /// Ids the plugins may not use: the workflow's own items.
    let reservedIDs: Set<String>
    let locale: Language
    /// Each entry's encoded `ctx` for the last (team, second) asked: one command asks many times.
    private var contexts: [(team: String, second: Int64, bytes: [UInt8])?]

    public init(_ entries: [Entry], reservedIDs: Set<String>, locale: Language) {
        self.entries = entries
        self.reservedIDs = reservedIDs
        self.locale = locale
        contexts = Array(repeating: nil, count: entries.count)
    }

    /// Calls one hook of every plugin that has it, with the same subject and snapshot: the
    /// arguments are written once, and only each plugin's `ctx` is swapped at their end.
    private func callEach(_ hook: String, subject: LuaValue, of state: CaseState, at now: Date,
                          _ body: (Entry, (LuaValue, LuaValue)) throws(PluginError) -> Void) throws(PluginError) {
        guard entries.contains(where: { $0.plugin.hooks.contains(hook) }) else { return }
        var subjectBytes: [UInt8] = []
        LuaValueCoding.encode(subject, into: &subjectBytes)
        var arguments = LuaWireWriter()
        arguments.beginArray(3)
        arguments.raw(subjectBytes)
        state.writeLuaSnapshot(into: &arguments)
        let shared = arguments.byteCount
        for (index, entry) in entries.enumerated() where entry.plugin.hooks.contains(hook) {
            arguments.truncate(to: shared)
            arguments.raw(contextBytes(index, state, now))
            let result = try arguments.withBytes { bytes throws(PluginError) in try entry.plugin.call(hook, arguments: bytes) }
            guard let result else { continue }
            try body(entry, result)
        }
    }

    private func contextBytes(_ index: Int, _ state: CaseState, _ now: Date) -> [UInt8] {
        let second = Int64((now.timeIntervalSince1970).rounded(.down))
        if let cached = contexts[index], cached.team == state.team, cached.second == second { return cached.bytes }
        var bytes: [UInt8] = []
        LuaValueCoding.encode(context(entries[index], state, now), into: &bytes)
        contexts[index] = (state.team, second, bytes)
        return bytes
    }

    public var isEmpty: Bool { entries.isEmpty }

    // MARK: - Throwing forms

    /// Every plugin's checklist items for a phase, in order.
    /// - Throws: the first plugin's failure, or a collision of ids.
    public func items(_ phase: Phase, of state: CaseState, at now: Date) throws(PluginError) -> [PluginChecklistItem] {
        var seen = reservedIDs
        var all: [PluginChecklistItem] = []
        try callEach("checklist", subject: .string(phase.rawValue), of: state, at: now) { entry, result throws(PluginError) in
            for item in try PluginResults.checklist(result.0, from: entry.plugin, phase: phase) {
                guard seen.insert(item.item.id).inserted else {
                    throw PluginError(plugin: entry.plugin.name, file: entry.plugin.file, hook: "checklist", kind: .collision,
                                      message: "the id `\(item.item.id)` is already used by the workflow or an earlier plugin")
                }
                all.append(item)
            }
        }
        return all
    }

    /// Every plugin's prompts for a phase, in order.
    public func prompts(_ phase: Phase, of state: CaseState, at now: Date) throws(PluginError) -> [(plugin: String, text: LocalizedText)] {
        var all: [(plugin: String, text: LocalizedText)] = []
        try callEach("prompts", subject: .string(phase.rawValue), of: state, at: now) { entry, result throws(PluginError) in
            all += try PluginResults.prompts(result.0, from: entry.plugin).map { (entry.plugin.name, $0) }
        }
        return all
    }

    /// What the plugins suggest on entering the case's current phase.
    public func suggestions(on entering: Phase, of state: CaseState, at now: Date) throws(PluginError) -> [PluginSuggestion] {
        var all: [PluginSuggestion] = []
        try callEach("on_enter", subject: .string(entering.rawValue), of: state, at: now) { entry, result throws(PluginError) in
            all += try PluginResults.suggestions(result.0, from: entry.plugin)
        }
        return all
    }

    /// The agenda's periods for the case: the workflow's, then each plugin's `agenda` answer over them, in order.
    public func agendaPeriods(_ base: Agenda.Periods, of state: CaseState, at now: Date) throws(PluginError) -> Agenda.Periods {
        var periods = base
        let subject = LuaValue.table([
            ("meeting_every_days", .integer(Int64(base.meetingEveryDays))), ("pause_days", .integer(Int64(base.pauseDays))),
            ("goals_days", .integer(Int64(base.goalsDays))), ("one_to_one_days", .integer(Int64(base.oneToOneDays))),
        ])
        try callEach("agenda", subject: subject, of: state, at: now) { entry, result throws(PluginError) in
            periods = try PluginResults.periods(result.0, over: periods, from: entry.plugin)
        }
        return periods
    }

    // MARK: - CasePlugins (fail closed)

    /// A plugin that fails to give its periods leaves the workflow's (or the earlier plugins') in force.
    public func periods(_ base: Agenda.Periods, of state: CaseState, at now: Date) -> Agenda.Periods {
        do throws(PluginError) {
            return try agendaPeriods(base, of: state, at: now)
        } catch {
            PluginFailureLog.report(error)
            return base
        }
    }

    /// A plugin that fails gives one required item that does not hold, worded for the worker;
    /// the technical detail goes to ``PluginFailureLog``.
    public func checklist(_ phase: Phase, of state: CaseState, at now: Date) -> [PluginChecklistItem] {
        do {
            return try items(phase, of: state, at: now)
        } catch {
            PluginFailureLog.report(error)
            let sentence = PluginFailureLog.workerSentence(plugin: error.plugin)
            let item = ChecklistItem(
                id: "plugin.\(error.plugin)", text: LocalizedText(nl: sentence.nl, en: sentence.en),
                required: true, expression: nil, source: SourceLocation(file: error.file, line: error.line ?? 0),
                plugin: error.plugin, derivedByPlugin: true)
            return [PluginChecklistItem(item: item, derived: .failed("plugin \(error.plugin)"))]
        }
    }

    public func verdicts(on move: Move, to target: CaseStatus, of state: CaseState, at now: Date) -> [GuardVerdict] {
        guard entries.contains(where: \.hasGuard) else { return [] }
        var arguments = LuaWireWriter()
        arguments.beginArray(3)
        arguments.beginTable(4)
        arguments.key("from_phase"); arguments.string(state.status.phase.rawValue)
        arguments.key("kind"); arguments.string(move.kind.rawValue)
        arguments.key("to_phase"); arguments.string(target.phase.rawValue)
        arguments.key("to_status"); arguments.string(target.state)
        state.writeLuaSnapshot(into: &arguments)
        let shared = arguments.byteCount
        var verdicts: [GuardVerdict] = []
        for (index, entry) in entries.enumerated() where entry.hasGuard {
            do {
                arguments.truncate(to: shared)
                arguments.raw(contextBytes(index, state, now))
                let answer = try arguments.withBytes { bytes throws(PluginError) in try entry.plugin.call("guard", arguments: bytes) }
                guard let (first, second) = answer else { continue }
                verdicts.append(try PluginResults.verdict(first, second, from: entry.plugin))
            } catch {
                // Fail closed: a guard that cannot answer refuses. A refusal is never recorded
                // (a recorded move has every guard's consent), so its wording may change.
                PluginFailureLog.report(error)
                let sentence = PluginFailureLog.workerSentence(plugin: entry.plugin.name)
                verdicts.append(GuardVerdict(plugin: entry.plugin.name, allowed: false, reason: LocalizedText(nl: sentence.nl, en: sentence.en)))
            }
        }
        return verdicts
    }

    // MARK: - Context

    /// `ctx`: the time, the locale, the team and the plugin's settings (the team's over the plugin's defaults).
    func context(_ entry: Entry, _ state: CaseState, _ now: Date) -> LuaValue {
        var settings = entry.plugin.defaults
        for (key, value) in entry.settings { settings[key] = Self.luaValue(value) }
        return .record([
            "today": .string(LocalDate(utcDayOf: now).description),
            "now": .integer(Int64(now.timeIntervalSince1970.rounded(.down))),
            "locale": .string(locale.rawValue),
            "team": .string(state.team),
            "settings": .table(settings.map { (key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }),
        ])
    }

    static func luaValue(_ setting: PluginSetting) -> LuaValue {
        switch setting {
        case .string(let value): .string(value)
        case .integer(let value): .integer(Int64(value))
        case .bool(let value): .bool(value)
        case .list(let values): .array(values.map(LuaValue.string))
        }
    }
}
