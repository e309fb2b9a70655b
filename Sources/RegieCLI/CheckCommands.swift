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
        let session = try await CaseSession(global)
        let (_, recorded) = try await session.perform(.tick(item: item), on: caseID)
        Console.current.line(recorded.isEmpty
            ? session.l("\(item) was already ticked.", "\(item) was al afgevinkt.")
            : session.l("Ticked \(item) in case \(caseID).", "\(item) afgevinkt in casus \(caseID)."))
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
        let session = try await CaseSession(global)
        let (_, recorded) = try await session.perform(.untick(item: item), on: caseID)
        Console.current.line(recorded.isEmpty
            ? session.l("\(item) was not ticked.", "\(item) was niet afgevinkt.")
            : session.l("Unticked \(item) in case \(caseID).", "\(item) niet meer afgevinkt in casus \(caseID)."))
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
        let session = try await CaseSession(global)
        let (state, workflow, _) = try await session.read(caseID, action: "check list")
        let items = try session.checklist(phase ?? state.status.phase, of: state, workflow: workflow)
        if output.json { return try JSONOutput.print(items.map { ChecklistItemJSON($0, session.l) }) }
        for line in CaseText(l: session.l).checklistLines(items) { Console.current.line(line) }
    }
}
