import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

struct CheckGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check", abstract: H("Tick checklist items of the current phase, or see the checklist.",
                                              "Vink punten van de huidige fase af, of bekijk de checklist."),
            subcommands: [CheckTickCommand.self, CheckUntickCommand.self, CheckListCommand.self])
    }
}

struct CheckTickCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "tick", abstract: H("Tick an item of the current phase.",
                                                              "Vink een punt van de huidige fase af."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The item id, such as goals.own_story.", "Het id van het punt, zoals goals.own_story."), completion: .itemIDs) var item: String

    func run() async throws {
        let done = try await performTick(item, ticked: true, caseID: caseID, global: global)
        let l = done.l
        Console.current.line(done.changed
            ? l("Ticked \(item) in case \(caseID).", "\(item) afgevinkt in casus \(caseID).")
            : l("\(item) was already ticked.", "\(item) was al afgevinkt."))
    }
}

struct CheckUntickCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "untick", abstract: H("Untick an item of the current phase.",
                                                                "Haal het vinkje bij een punt van de huidige fase weg."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The item id.", "Het id van het punt."), completion: .itemIDs) var item: String

    func run() async throws {
        let done = try await performTick(item, ticked: false, caseID: caseID, global: global)
        let l = done.l
        Console.current.line(done.changed
            ? l("Unticked \(item) in case \(caseID).", "\(item) niet meer afgevinkt in casus \(caseID).")
            : l("\(item) was not ticked.", "\(item) was niet afgevinkt."))
    }
}

/// Ticks or unticks an item, on the server the command line is pointed at or in the workspace.
private func performTick(_ item: String, ticked: Bool, caseID: Int, global: GlobalOptions) async throws -> CaseCommandRun.Outcome {
    try await CaseCommandRun.perform(global, caseID: caseID) { _ in
        (ticked ? .tick(item: item) : .untick(item: item), .init(ticked ? .put : .delete, "/checklist/\(ServerClient.pathPart(item))"))
    }
}

struct CheckListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: H("Show a phase's checklist for a case.",
                                                              "Toon de checklist van een fase voor een casus."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Option(help: H("The phase (default: the case's current phase).",
                    "De fase (standaard: de huidige fase van de casus).")) var phase: Phase?

    func run() async throws {
        if let server = try ServerClient.connect(global) {
            let path = "/cases/\(caseID)/checklist" + (phase.map { "?phase=\($0.rawValue)" } ?? "")
            if output.json { return try JSONOutput.printUntyped(try await server.list(path, key: "items")) }
            return Console.current.write(try await server.text(path))
        }
        let session = try await CaseSession(global)
        let (state, workflow, _) = try await session.read(caseID, action: "check list")
        let items = try session.checklist(phase ?? state.status.phase, of: state, workflow: workflow)
        if output.json { return try JSONOutput.print(items.map { ChecklistItemJSON($0, session.l) }) }
        for line in CaseText(l: session.l).checklistLines(items) { Console.current.line(line) }
    }
}
