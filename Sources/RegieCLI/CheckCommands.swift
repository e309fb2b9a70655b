import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

struct CheckGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Tick checklist items of the current phase, or see the checklist.",
        subcommands: [CheckTickCommand.self, CheckUntickCommand.self, CheckListCommand.self])
}

struct CheckTickCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tick", abstract: "Tick an item of the current phase.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The item id, such as goals.own_story.") var item: String

    func run() async throws {
        let session = try await CaseSession(global)
        let (_, recorded) = try await session.perform(.tick(item: item), on: caseID)
        Console.current.line(recorded.isEmpty
            ? session.l("\(item) was already ticked.", "\(item) was al afgevinkt.")
            : session.l("Ticked \(item) in case \(caseID).", "\(item) afgevinkt in casus \(caseID)."))
    }
}

struct CheckUntickCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "untick", abstract: "Untick an item of the current phase.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The item id.") var item: String

    func run() async throws {
        let session = try await CaseSession(global)
        let (_, recorded) = try await session.perform(.untick(item: item), on: caseID)
        Console.current.line(recorded.isEmpty
            ? session.l("\(item) was not ticked.", "\(item) was niet afgevinkt.")
            : session.l("Unticked \(item) in case \(caseID).", "\(item) niet meer afgevinkt in casus \(caseID)."))
    }
}

struct CheckListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Show a phase's checklist for a case.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The case number.") var caseID: Int
    @Option(help: "The phase (default: the case's current phase).") var phase: Phase?

    func run() async throws {
        let session = try await CaseSession(global)
        let (state, workflow, _) = try await session.read(caseID, action: "check list")
        let items = try session.checklist(phase ?? state.status.phase, of: state, workflow: workflow)
        if output.json { return try JSONOutput.print(items.map { ChecklistItemJSON($0, session.l) }) }
        for line in CaseText(l: session.l).checklistLines(items) { Console.current.line(line) }
    }
}
