import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

struct GoalGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal", abstract: "Record the client's goals, in their own words.",
        subcommands: [GoalAddCommand.self, GoalUpdateCommand.self])
}

struct GoalAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a goal, as the client puts it.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The goal, in the words of whoever worded it (preferably the client).") var text: String
    @Option(help: "short or long.") var term: GoalTerm
    @Option(name: .customLong("by"), help: "Who worded it: client or worker.") var wordedBy: Author

    func run() async throws {
        let session = try await CaseSession(global)
        let (state, _) = try await session.perform(.addGoal(text: text, term: term, wordedBy: wordedBy), on: caseID)
        let id = state.goals.last?.id ?? 0
        Console.current.line(session.l("Goal \(id) added to case \(caseID).", "Doel \(id) toegevoegd aan casus \(caseID)."))
    }
}

struct GoalUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "Change a goal's words, term or status.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The goal number.") var goalID: Int
    @Option(help: "New words for the goal (needs --by).") var text: String?
    @Option(name: .customLong("by"), help: "Who worded the new text: client or worker.") var wordedBy: Author?
    @Option(help: "short or long.") var term: GoalTerm?
    @Option(help: "open, achieved or dropped.") var status: GoalStatus?

    func validate() throws {
        if text != nil && wordedBy == nil { throw ValidationError("--text needs --by client or --by worker.") }
    }

    func run() async throws {
        let session = try await CaseSession(global)
        let (_, recorded) = try await session.perform(
            .changeGoal(id: goalID, text: text, wordedBy: wordedBy, term: term, status: status), on: caseID)
        Console.current.line(recorded.isEmpty
            ? session.l("Nothing changed.", "Er is niets veranderd.")
            : session.l("Goal \(goalID) of case \(caseID) updated.", "Doel \(goalID) van casus \(caseID) bijgewerkt."))
    }
}
