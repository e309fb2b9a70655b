import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports
import RegieLua

struct WorkflowGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "workflow", abstract: H("Show and check workflow files.", "Toon en controleer werkwijzebestanden."),
            subcommands: [WorkflowShowCommand.self, WorkflowCheckCommand.self])
    }
}

struct WorkflowShowCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show",
            abstract: H("Show a team's effective checklists and prompts: its workflow's, then its plugins' (for a new, empty case).",
                        "Toon de geldende checklists en vragen van een team: eerst van de werkwijze, dan van de plugins (voor een nieuwe, lege casus)."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(help: H("The team (default: the acting person's first team).",
                    "Het team (standaard: het eerste team van wie handelt)."), completion: .teamIDs) var team: String?
    @Option(help: H("Only this phase.", "Alleen deze fase.")) var phase: Phase?

    struct PhaseJSON: Encodable {
        struct Item: Encodable { var id: String, text: String, required: Bool, derived: String?, plugin: String? }
        struct Prompt: Encodable { var text: String, plugin: String? }
        var phase: Phase, checklist: [Item], prompts: [Prompt]
    }

    func run() async throws {
        let session = try await CaseSession(global)
        let person = try session.person()
        guard let teamID = team ?? person.teams.first else {
            throw RegieError(.usage, .teamOptionMissing)
        }
        let team = try session.team(teamID)
        let (workflow, _, hash) = try session.rules.current(for: team)
        let plugins = try session.rules.currentPlugins(for: team, workflow: workflow)
        // Plugins answer for a case; show what they give a new case of this team.
        let opened = CaseOpened(team: team.id, clientLabel: "-", externalReference: nil, complex: false, workflow: workflow.name,
                                workflowHash: hash, plugins: plugins.pins)
        let sample = CaseState(id: 0, opened: opened, at: session.now, by: person.id)
        let l = session.l
        let phases = try (phase.map { [$0] } ?? Phase.allCases).map { p throws(RegieError) in
            do throws(PluginError) {
                let items = workflow.definition(of: p).checklist.map {
                    PhaseJSON.Item(id: $0.id, text: l($0.text), required: $0.required, derived: $0.expression, plugin: nil)
                } + (try plugins.plugins.items(p, of: sample, at: session.now)).map {
                    PhaseJSON.Item(id: $0.item.id, text: l($0.item.text), required: $0.item.required,
                                   derived: $0.derived == nil ? nil : "plugin", plugin: $0.item.plugin)
                }
                let prompts = workflow.definition(of: p).prompts.map { PhaseJSON.Prompt(text: l($0), plugin: nil) }
                    + (try plugins.plugins.prompts(p, of: sample, at: session.now)).map { PhaseJSON.Prompt(text: l($0.text), plugin: $0.plugin) }
                return PhaseJSON(phase: p, checklist: items, prompts: prompts)
            } catch {
                throw RegieError.technical(error)
            }
        }
        if output.json { return try JSONOutput.print(phases) }
        Console.current.line("\(workflow.name) (\(hash))")
        for pin in plugins.pins { Console.current.line(l("plugin ", "plugin ") + "\(pin.name) (\(pin.hash))") }
        for p in phases {
            Console.current.line("")
            Console.current.line("\(p.phase.number). \(p.phase.title(l))")
            for item in p.checklist {
                let tags = [item.required ? nil : l("optional", "optioneel"), item.derived == nil ? nil : l("from the record", "volgt uit dossier"),
                            item.plugin.map { l("plugin ", "plugin ") + $0 }].compactMap { $0 }
                Console.current.line("  [ ] \(item.id): \(item.text)" + (tags.isEmpty ? "" : " (\(tags.joined(separator: "; ")))"))
            }
            for prompt in p.prompts { Console.current.line("  - " + prompt.text + (prompt.plugin.map { " (\($0))" } ?? "")) }
        }
    }
}

struct WorkflowCheckCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: H("Check a workflow file: its structure, and every derived expression compiled and run on sample cases.",
                        "Controleer een werkwijzebestand: de opbouw, en elke afgeleide uitdrukking vertaald en uitgevoerd op voorbeeldcasussen."),
            discussion: H("The sample cases are made up: one just opened, one half-way, one complete. Every problem is listed "
                          + "with its file and line; the exit status is 7 when there is one.",
                          "De voorbeeldcasussen zijn verzonnen: een net geopende, een halverwege en een afgeronde. Elk probleem staat "
                          + "erbij met bestand en regel; de afsluitcode is 7 als er een is."))
    }

    @Argument(help: H("The workflow file.", "Het werkwijzebestand.")) var file: String
    @Option(help: H("Output language: nl or en.", "Taal van de uitvoer: nl of en.")) var lang: Language = .en
    @OptionGroup var output: JSONOption

    struct Report: Encodable {
        var name: String, items: Int, derived: Int, samples: [String], problems: [String]
    }

    func run() async throws {
        let l = L10n(language: lang)
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw RegieError(.notFound, .fileUnreadable, ["path": "\(file)"])
        }
        let workspace = Workspace(root: URL(fileURLWithPath: "."), organisation: "", locale: lang, database: "", teams: [], people: [])
        let rules = try RuleBook(workspace: workspace, store: nil)
        let check = try WorkflowCheck(source: text, file: file, evaluator: rules.evaluator, l: l)
        let workflow = check.workflow
        let items = Phase.allCases.map { workflow.definition(of: $0).checklist.count }.reduce(0, +)
        if output.json {
            try JSONOutput.print(Report(name: workflow.name, items: items, derived: workflow.derivedItems.count, samples: check.samples,
                                        problems: check.problems))
        } else if check.problems.isEmpty {
            Console.current.line(l("\(file): workflow \(workflow.name) is valid: \(items) checklist items, \(workflow.derivedItems.count) derived, "
                                   + "each tried on \(check.samples.count) sample cases.",
                                   "\(file): werkwijze \(workflow.name) is in orde: \(items) checklistpunten, waarvan \(workflow.derivedItems.count) "
                                   + "afgeleid, elk geprobeerd op \(check.samples.count) voorbeeldcasussen."))
        } else {
            Console.current.line(l("\(file): workflow \(workflow.name) has \(l.count(check.problems.count, ("problem", "problems"), ("probleem", "problemen"))):",
                                   "\(file): werkwijze \(workflow.name) heeft \(l.count(check.problems.count, ("problem", "problems"), ("probleem", "problemen"))):"))
            for problem in check.problems { Console.current.line("  " + problem) }
        }
        if !check.problems.isEmpty { throw ExitCode(ExitStatus.configuration.rawValue) }
    }
}
