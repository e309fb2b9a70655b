import Foundation
import ArgumentParser
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct CaseGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "case", abstract: H("Open, list, show and move cases through the five phases.",
                                             "Open, toon en beweeg casussen door de vijf fasen."),
            subcommands: [
                CaseOpenCommand.self, CaseListCommand.self, CaseShowCommand.self, CaseAdvanceCommand.self,
                CaseRevisitCommand.self, CaseNextRoundCommand.self, CaseRenewCommand.self, CasePauseCommand.self,
                CaseResumeCommand.self, CaseCloseCommand.self, CaseReopenCommand.self, CaseMigrateCommand.self,
                CaseAssignCommand.self, CaseTransferCommand.self, CaseTransfersCommand.self, CaseRelabelCommand.self,
            ])
    }
}

struct CaseOpenCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "open", abstract: H("Open a case for a client in a team.",
                                                              "Open een casus voor een cliënt in een team."))
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: H("The team that works on the case (an id from regie.yaml).",
                    "Het team dat aan de casus werkt (een id uit regie.yaml)."), completion: .teamIDs) var team: String
    @Option(help: H("How the team refers to the client: initials or a nickname. Never a BSN.",
                    "Hoe het team de cliënt noemt: initialen of een roepnaam. Nooit een BSN.")) var client: String
    @Option(name: .customLong("ref"), help: H("Optional reference in your own system (not a BSN).",
                                              "Kenmerk in je eigen systeem, niet verplicht (geen BSN).")) var reference: String?
    @Flag(help: H("Flag the case as complex (for example severe mental illness); reports split figures by it.",
                  "Markeer de casus als complex (bijvoorbeeld ernstige psychiatrische aandoening); rapporten splitsen de cijfers daarop.")) var complex = false
    @Option(help: H("Who holds the case: a person of the team (default: you).",
                    "Wie de casus draagt: iemand van het team (standaard: jij).")) var worker: String?
    @Option(help: H("An optional second worker of the team.",
                    "Een tweede werker van het team (niet verplicht).")) var second: String?

    func run() async throws {
        if let server = try ServerClient.connect(global) {
            let written = try await server.change(.post, "/cases", [
                "team": team, "client_label": client, "reference": reference, "complex": complex ? true : nil,
                "worker": worker, "second_worker": second])
            let l = server.l, holder = written.holder?.workerName ?? "?", label = written.clientLabel ?? client, team = written.holder?.team ?? team
            return Console.current.line(l("Opened case \(written.caseId) for \(label) in team \(team), held by \(holder); phase 1/5 \(Phase.goals.title(l)).",
                                          "Casus \(written.caseId) geopend voor \(label) in team \(team), gedragen door \(holder); fase 1/5 \(Phase.goals.title(l))."))
        }
        let session = try await CaseSession(global)
        let state = try await session.openCase(team: team, clientLabel: client, reference: reference, complex: complex,
                                               worker: worker, secondWorker: second)
        let l = session.l
        let holder = session.displayName(state.worker)
        Console.current.line(l("Opened case \(state.id) for \(state.clientLabel) in team \(state.team), held by \(holder); phase 1/5 \(Phase.goals.title(l)).",
                               "Casus \(state.id) geopend voor \(state.clientLabel) in team \(state.team), gedragen door \(holder); fase 1/5 \(Phase.goals.title(l))."))
    }
}

struct CaseListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: H("List cases with their phase and status.",
                                                              "Toon de casussen met hun fase, status, werker en wat er te doen is."))
    }

    enum StateFilter: String, ExpressibleByArgument, CaseIterable, TypedValue {
        case active, paused, closed

        init?(argument: String) { self.init(typed: argument) }

        var dutchWords: [String] {
            switch self {
            case .active: ["actief", "lopend"]
            case .paused: ["gepauzeerd", "pauze"]
            case .closed: ["afgesloten", "gesloten"]
            }
        }
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(help: H("Only cases of this team.", "Alleen casussen van dit team."), completion: .teamIDs) var team: String?
    @Flag(help: H("Only the cases you hold (as responsible or second worker).",
                  "Alleen de casussen die jij draagt (als verantwoordelijke of tweede werker).")) var mine = false
    @Option(help: H("Only cases that are active, paused or closed.",
                    "Alleen casussen die actief, gepauzeerd of afgesloten zijn.")) var status: StateFilter?
    @Option(help: H("Only cases in this phase: goals, mapping, activation, meeting or follow-up.",
                    "Alleen casussen in deze fase: goals, mapping, activation, meeting of follow-up.")) var phase: Phase?
    @Flag(help: H("Only cases with a task past its due day (see `regie agenda`).",
                  "Alleen casussen met een taak over de datum (zie `regie agenda`).")) var overdue = false

    func run() async throws {
        if let server = try ServerClient.connect(global) { return try await runRemote(server) }
        let session = try await CaseSession(global)
        var filter = CaseSession.ListFilter()
        filter.selection = CaseSession.CaseSelection(team: team, mine: mine)
        filter.state = status?.rawValue
        filter.phase = phase
        filter.overdue = overdue
        let visible = try await session.caseList(filter)
        let today = session.today, zone = session.workspace.timeZone
        if output.json { return try JSONOutput.print(visible.map { CaseSummaryJSON($0, today: today, timeZone: zone) }) }
        for line in CaseListText(session.l, names: session.displayNames).lines(visible, today: today, timeZone: zone) {
            Console.current.line(line)
        }
    }

    /// The list from the server: as JSON every page of it, in one array as here; as text the
    /// server's first page of 500 (docs/server.md).
    private func runRemote(_ server: ServerClient) async throws {
        var query = ["limit=500"]
        if let team { query.append("team=\(ServerClient.pathPart(team))") }
        if mine { query.append("mine=true") }
        if let status { query.append("status=\(status.rawValue)") }
        if let phase { query.append("phase=\(phase.rawValue)") }
        if overdue { query.append("overdue=true") }
        guard output.json else { return Console.current.write(try await server.text("/cases?" + query.joined(separator: "&"))) }
        var cases: [Any] = []
        var next: String? = "/cases?" + query.joined(separator: "&")
        while let page = next {
            let answer = try await server.send(.get, page)
            guard let object = (try? JSONSerialization.jsonObject(with: answer.body)) as? [String: Any],
                  let items = object["cases"] as? [Any]
            else { throw RegieError(.storage, .serverAnswerInvalid, ["server": .text(server.server)]) }
            cases += items
            next = (object["next"] as? String).map { String($0.dropFirst("/api/v1".count)) }
        }
        try JSONOutput.printUntyped(cases)
    }
}

struct CaseShowCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "show", abstract: H("Show a case: phase, checklist, prompts, goals, resources and questions.",
                                             "Toon een casus: fase, checklist, vragen, doelen, resources en vragen van de cliënt."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int

    func run() async throws {
        if let server = try ServerClient.connect(global) {
            if output.json { return try JSONOutput.printUntyped(try await server.send(.get, "/cases/\(caseID)").body) }
            return Console.current.write(try await server.text("/cases/\(caseID)"))
        }
        let session = try await CaseSession(global)
        let view = try await session.view(caseID, action: "case show")
        if output.json { return try JSONOutput.print(view.json(today: session.today, l: session.l)) }
        for line in view.text(today: session.today, l: session.l, names: session.displayNames) { Console.current.line(line) }
    }
}
