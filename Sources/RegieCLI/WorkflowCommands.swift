import ArgumentParser
import Foundation
import RegieCore

struct WorkflowGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workflow", abstract: "Show and check workflow files.",
        subcommands: [WorkflowShowCommand.self, WorkflowCheckCommand.self])
}

struct WorkflowShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a team's checklists and prompts.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(help: "The team (default: the acting person's first team).") var team: String?
    @Option(help: "Only this phase.") var phase: Phase?

    struct PhaseJSON: Encodable {
        struct Item: Encodable { var id: String, text: String, required: Bool, derived: String? }
        var phase: Phase, checklist: [Item], prompts: [String]
    }

    func run() throws {
        let session = try CaseSession(global)
        let person = try session.person()
        guard let teamID = team ?? person.teams.first else {
            throw RegieError(.usage, en: "Name a team with --team.", nl: "Noem een team met --team.")
        }
        let (workflow, _, hash) = try session.rules.current(for: try session.team(teamID))
        let l = session.l
        let phases = phase.map { [$0] } ?? Phase.allCases
        if output.json {
            return try JSONOutput.print(phases.map { p in
                PhaseJSON(phase: p, checklist: workflow.definition(of: p).checklist.map {
                    .init(id: $0.id, text: l($0.text), required: $0.required, derived: $0.expression)
                }, prompts: workflow.definition(of: p).prompts.map { l($0) })
            })
        }
        Console.current.line("\(workflow.name) (\(hash))")
        for p in phases {
            Console.current.line("")
            Console.current.line("\(p.number). \(p.title(l))")
            for item in workflow.definition(of: p).checklist {
                let tags = [item.required ? nil : l("optional", "optioneel"), item.isManual ? nil : l("from the record", "volgt uit dossier")]
                    .compactMap { $0 }
                Console.current.line("  [ ] \(item.id): \(l(item.text))" + (tags.isEmpty ? "" : " (\(tags.joined(separator: "; ")))"))
            }
            for prompt in workflow.definition(of: p).prompts { Console.current.line("  - " + l(prompt)) }
        }
    }
}

struct WorkflowCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check a workflow file: its structure and that every derived expression compiles.")

    @Argument(help: "The workflow file.") var file: String
    @Option(help: "Output language: nl or en.") var lang: Language = .en

    func run() throws {
        let l = L10n(language: lang)
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw RegieError(.notFound, en: "\(file) cannot be read.", nl: "\(file) kan niet gelezen worden.",
                             hintEN: "Check the path.", hintNL: "Controleer het pad.")
        }
        let store = NoStore()
        let workspace = Workspace(root: URL(fileURLWithPath: "."), organisation: "", locale: lang, database: "", teams: [], people: [])
        let rules = try RuleBook(workspace: workspace, store: store)
        let workflow = try rules.parse(text, file: file)
        let items = Phase.allCases.map { workflow.definition(of: $0).checklist.count }.reduce(0, +)
        Console.current.line(l("\(file): workflow \(workflow.name) is valid: \(items) checklist items, \(workflow.derivedItems.count) derived.",
                               "\(file): workflow \(workflow.name) is in orde: \(items) checklistpunten, waarvan \(workflow.derivedItems.count) afgeleid."))
    }
}
