import ArgumentParser
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct CaseGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Open, list, show and move cases through the five phases.",
        subcommands: [
            CaseOpenCommand.self, CaseListCommand.self, CaseShowCommand.self, CaseAdvanceCommand.self,
            CaseRevisitCommand.self, CaseNextRoundCommand.self, CaseRenewCommand.self, CasePauseCommand.self,
            CaseResumeCommand.self, CaseCloseCommand.self, CaseReopenCommand.self, CaseMigrateCommand.self,
        ])
}

struct CaseOpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open a case for a client in a team.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The team that works on the case (an id from regie.yaml).") var team: String
    @Option(help: "How the team refers to the client: initials or a nickname. Never a BSN.") var client: String
    @Option(name: .customLong("ref"), help: "Optional reference in your own system (not a BSN).") var reference: String?
    @Flag(help: "Flag the case as complex (for example severe mental illness); reports split figures by it.") var complex = false

    func run() async throws {
        let session = try await CaseSession(global)
        let state = try await session.openCase(team: team, clientLabel: client, reference: reference, complex: complex)
        let l = session.l
        Console.current.line(l("Opened case \(state.id) for \(state.clientLabel) in team \(state.team); phase 1/5 \(Phase.goals.title(l)).",
                               "Casus \(state.id) geopend voor \(state.clientLabel) in team \(state.team); fase 1/5 \(Phase.goals.title(l))."))
    }
}

struct CaseListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases with their phase and status.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(help: "Only cases of this team.") var team: String?

    func run() async throws {
        let session = try await CaseSession(global)
        let visible = try await session.caseList(team: team)
        if output.json { return try JSONOutput.print(visible.map(CaseSummaryJSON.init)) }
        let l = session.l
        if visible.isEmpty { return Console.current.line(l("No cases.", "Geen casussen.")) }
        for s in visible {
            Console.current.line("\(s.id)\t\(s.team)\t\(s.clientLabel)\t\(s.status.title(l))\t\(l("round", "ronde")) \(s.round)")
        }
    }
}

struct CaseShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case: phase, checklist, prompts, goals, resources and questions.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The case number.") var caseID: Int

    func run() async throws {
        let session = try await CaseSession(global)
        let (state, workflow, _) = try await session.read(caseID, action: "case show")
        let checklist = try session.checklist(state.status.phase, of: state, workflow: workflow)
        let prompts = try session.prompts(state.status.phase, of: state, workflow: workflow)
        let tasks = Agenda.tasks(of: state, today: session.today, timeZone: session.workspace.timeZone)
        if output.json {
            var detail = CaseDetailJSON(state, checklist: checklist, prompts: prompts, l: session.l)
            detail.tasks = tasks.map { TaskJSON($0, today: session.today, l: session.l) }
            return try JSONOutput.print(detail)
        }
        for line in CaseText(l: session.l).render(state, checklist: checklist, prompts: prompts) { Console.current.line(line) }
        if !tasks.isEmpty {
            Console.current.line("")
            Console.current.line(session.l("Due (see `regie agenda`)", "Te doen (zie `regie agenda`)"))
            let text = AgendaText(session.l)
            for task in tasks {
                let mark = task.isOverdue(today: session.today) ? session.l(" (overdue)", " (te laat)") : ""
                Console.current.line("  \(task.due)\(mark) · \(text.what(task))")
            }
        }
    }
}
