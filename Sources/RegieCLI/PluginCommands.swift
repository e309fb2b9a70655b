import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports
import RegieLua

struct PluginGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plugin", abstract: H("List, check and test Lua plugins (see docs/plugins.md).",
                                               "Toon, controleer en test Lua-plugins (zie docs/plugins.md)."),
            subcommands: [PluginListCommand.self, PluginCheckCommand.self, PluginTestCommand.self])
    }
}

/// Reads a plugin file and loads it in the real sandbox, as a case would.
enum PluginFile {
    static func read(_ path: String) throws(RegieError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RegieError(.notFound, .fileUnreadable, ["path": "\(path)"])
        }
    }

    static func load(_ path: String) throws(RegieError) -> LuaPlugin {
        let source = try read(path)
        do {
            return try LuaPlugin(source: source, file: path)
        } catch {
            throw RegieError.technical(error)
        }
    }

    /// The plugin's tests: `tests/NAME.lua` beside the plugin file.
    static func testsPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent("tests").appendingPathComponent(url.lastPathComponent).path
    }
}

struct PluginListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list", abstract: H("List the plugins of the workspace and those shipped with Regie, and which teams use them.",
                                             "Toon de plugins van de werkomgeving en die met Regie meekomen, en welke teams ze gebruiken."))
    }

    @Option(name: .long, help: H("The workspace folder (default: REGIE_WORKSPACE, else the nearest regie.yaml upward).",
                                 "De map van de werkomgeving (standaard: REGIE_WORKSPACE, anders de dichtstbijzijnde regie.yaml hogerop)."))
    var workspace: String?
    @Option(help: H("Output language: nl or en.", "Taal van de uitvoer: nl of en.")) var lang: Language?
    @OptionGroup var output: JSONOption

    struct Listed: Encodable {
        var name: String, version: String, description: String?, hooks: [String], source: String, teams: [String], problem: String?
    }

    func run() async throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        // Outside a workspace, the shipped plugins alone; a workspace that cannot be read is an error.
        let root = try? WorkspaceLoader.locate(explicit: workspace, environment: ProcessEnvironment.current,
                                               currentDirectory: cwd)
        let loaded = try root.map { root throws(RegieError) in try WorkspaceLoader.load(from: root) }
        let l = L10n(language: lang ?? loaded?.locale ?? .en)
        var names = Set(ShippedPlugins.names)
        if let root = loaded?.root {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("plugins").path)) ?? []
            names.formUnion(files.filter { $0.hasSuffix(".lua") }.map { String($0.dropLast(4)) })
        }
        var listed: [Listed] = []
        for name in names.sorted() {
            let teams = loaded?.teams.filter { $0.plugins.contains { $0.name == name } }.map(\.id) ?? []
            let found = loaded.map { try? RuleBook.pluginSource(named: name, in: $0.root) }
                ?? ShippedPlugins.sources[name].map { ($0, "(built-in) plugins/\(name).lua") }
            guard let (source, file) = found else { continue }
            do {
                let plugin = try LuaPlugin(source: source, file: file)
                listed.append(Listed(name: plugin.name, version: plugin.version, description: plugin.description.map { l($0) },
                                     hooks: plugin.hooks, source: file, teams: teams, problem: nil))
            } catch {
                listed.append(Listed(name: name, version: "", description: nil, hooks: [], source: file, teams: teams,
                                     problem: error.description))
            }
        }
        if output.json { return try JSONOutput.print(listed) }
        for plugin in listed {
            var line = "\(plugin.name) \(plugin.version)"
            if let description = plugin.description { line += " — \(description)" }
            Console.current.line(line)
            if let problem = plugin.problem { Console.current.line("  " + l("PROBLEM: ", "PROBLEEM: ") + problem) }
            Console.current.line("  " + l("hooks: ", "hooks: ") + (plugin.hooks.isEmpty ? "-" : plugin.hooks.joined(separator: ", "))
                                 + " · " + plugin.source
                                 + (plugin.teams.isEmpty ? "" : " · " + l("used by ", "gebruikt door ") + plugin.teams.joined(separator: ", ")))
        }
    }
}

struct PluginCheckCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: H("Load a plugin in the real sandbox, check it against the API and call every hook on sample cases.",
                        "Laad een plugin in de echte zandbak, toets hem aan de API en roep elke haak aan op voorbeeldcasussen."))
    }

    @Argument(help: H("The plugin file.", "Het pluginbestand.")) var file: String
    @Option(help: H("Output language: nl or en.", "Taal van de uitvoer: nl of en.")) var lang: Language = .en
    @OptionGroup var output: JSONOption

    struct Report: Encodable {
        var name: String, version: String, hooks: [String], problems: [String], memoryBytes: Int
    }

    func run() async throws {
        let l = L10n(language: lang)
        let plugin = try PluginFile.load(file)
        let problems = Self.exercise(plugin)
        if output.json {
            try JSONOutput.print(Report(name: plugin.name, version: plugin.version, hooks: plugin.hooks, problems: problems,
                                        memoryBytes: plugin.memoryInUse))
        } else {
            Console.current.line(l("\(file): plugin \(plugin.name) \(plugin.version), hooks: \(plugin.hooks.joined(separator: ", ")).",
                                   "\(file): plugin \(plugin.name) \(plugin.version), hooks: \(plugin.hooks.joined(separator: ", "))."))
            for problem in problems { Console.current.line("  " + problem) }
            if problems.isEmpty {
                Console.current.line(l("Every hook answered well for a sample case in each phase.",
                                       "Elke hook gaf een goed antwoord voor een voorbeeldcasus in elke fase."))
            }
        }
        if !problems.isEmpty { throw ExitCode(ExitStatus.configuration.rawValue) }
    }

    /// Calls every hook for an empty sample case in each phase and for every move, and
    /// returns each failure as one line.
    static func exercise(_ plugin: LuaPlugin) -> [String] {
        let opened = CaseOpened(team: "sample", clientLabel: "S.", externalReference: nil, complex: false, workflow: "sample",
                                workflowHash: "", plugins: [PluginPin(name: plugin.name, hash: "")])
        let state = CaseState(id: 1, opened: opened, at: Date(timeIntervalSince1970: 1_767_225_600), by: "sample")
        let plugins = LuaCasePlugins([.init(plugin: plugin, settings: [:])], reservedIDs: [], locale: .en)
        let now = Date(timeIntervalSince1970: 1_795_420_800)
        var problems: [String] = []
        func note(_ error: PluginError) {
            let text = error.description
            if !problems.contains(text) { problems.append(text) }
        }
        for phase in Phase.allCases {
            do throws(PluginError) {
                _ = try plugins.items(phase, of: state, at: now)
                _ = try plugins.prompts(phase, of: state, at: now)
                _ = try plugins.suggestions(on: phase, of: state, at: now)
            } catch {
                note(error)
            }
        }
        do throws(PluginError) {
            _ = try plugins.agendaPeriods(Agenda.Periods(), of: state, at: now)
        } catch {
            note(error)
        }
        // A guard that fails refuses (fail closed) and reports the failure to the log.
        let failures = FailureCollector()
        PluginFailureLog.$sink.withValue({ failures.add($0) }) {
            for move in [Move.advance, .nextRound, .renew, .pause(.crisis), .resume, .reopen] {
                _ = plugins.verdicts(on: move, to: .active(.mapping), of: state, at: now)
            }
        }
        failures.all.forEach(note)
        return problems
    }
}

/// The plugin failures reported while `plugin check` calls the guards.
private final class FailureCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [PluginError] = []

    func add(_ error: PluginError) { lock.withLock { errors.append(error) } }
    var all: [PluginError] { lock.withLock { errors } }
}

struct PluginTestCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "test",
            abstract: H("Run a plugin's own tests (tests/NAME.lua beside it, written with describe/it/expect) in the real sandbox.",
                        "Draai de eigen tests van een plugin (tests/NAAM.lua ernaast, met describe/it/expect) in de echte zandbak."))
    }

    @Argument(help: H("The plugin file.", "Het pluginbestand.")) var file: String
    @Option(help: H("The test file (default: tests/NAME.lua beside the plugin).",
                    "Het testbestand (standaard: tests/NAAM.lua naast de plugin).")) var tests: String?
    @Option(help: H("Output language: nl or en.", "Taal van de uitvoer: nl of en.")) var lang: Language = .en
    @OptionGroup var output: JSONOption

    struct Report: Encodable {
        struct Failure: Encodable { var name: String, message: String }
        var plugin: String, passed: Int, failures: [Failure]
    }

    func run() async throws {
        let l = L10n(language: lang)
        let plugin = try PluginFile.load(file)
        let testsFile = tests ?? PluginFile.testsPath(for: file)
        let run: PluginTestRun
        do {
            run = try plugin.runTests(source: try PluginFile.read(testsFile), file: testsFile)
        } catch let error as PluginError {
            throw RegieError.technical(error)
        }
        if output.json {
            try JSONOutput.print(Report(plugin: plugin.name, passed: run.passed,
                                        failures: run.failures.map { .init(name: $0.name, message: $0.message) }))
        } else {
            for failure in run.failures {
                Console.current.line(l("FAILED: ", "MISLUKT: ") + failure.name)
                Console.current.line("  " + failure.message)
            }
            Console.current.line(l("\(plugin.name): \(run.passed) passed, \(run.failures.count) failed.",
                                   "\(plugin.name): \(run.passed) geslaagd, \(run.failures.count) mislukt."))
        }
        guard run.succeeded else {
            if run.passed == 0 && run.failures.isEmpty {
                throw RegieError(.configuration, .pluginTestsMissing, ["file": "\(testsFile)"])
            }
            throw ExitCode(ExitStatus.configuration.rawValue)
        }
    }
}
