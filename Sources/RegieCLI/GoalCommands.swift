import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

struct GoalGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "goal", abstract: H("Record the client's goals, in their own words.",
                                             "Leg de doelen van de cliënt vast, in eigen woorden."),
            subcommands: [GoalAddCommand.self, GoalUpdateCommand.self])
    }
}

struct GoalAddCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: H("Add a goal, as the client puts it.",
                                                             "Voeg een doel toe, zoals de cliënt het zegt."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The goal, in the words of whoever worded it (preferably the client).",
                      "Het doel, in de woorden van wie het verwoordde (liefst de cliënt).")) var text: String
    @Option(help: H("short or long.", "kort of lang.")) var term: GoalTerm
    @Option(name: .customLong("by"), help: H("Who worded it: client or worker.",
                                             "Wie het verwoordde: cliënt of werker.")) var wordedBy: Author

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.addGoal(text: text, term: term, wordedBy: wordedBy),
             .init(.post, "/goals", ["text": text, "term": term.rawValue, "worded_by": wordedBy.rawValue]))
        }
        let id = done.created ?? 0
        Console.current.line(done.l("Goal \(id) added to case \(caseID).", "Doel \(id) toegevoegd aan casus \(caseID)."))
    }
}

struct GoalUpdateCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "update", abstract: H("Change a goal's words, term or status.",
                                                                "Wijzig de woorden, termijn of status van een doel."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The goal number.", "Het nummer van het doel.")) var goalID: Int
    @Option(help: H("New words for the goal (needs --by).", "Nieuwe woorden voor het doel (vraagt om --by).")) var text: String?
    @Option(name: .customLong("by"), help: H("Who worded the new text: client or worker.",
                                             "Wie de nieuwe tekst verwoordde: cliënt of werker.")) var wordedBy: Author?
    @Option(help: H("short or long.", "kort of lang.")) var term: GoalTerm?
    @Option(help: H("open, achieved or dropped.", "open, bereikt of losgelaten.")) var status: GoalStatus?

    func validate() throws {
        if text != nil && wordedBy == nil { throw ValidationError("--text needs --by client or --by worker.") }
    }

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.changeGoal(id: goalID, text: text, wordedBy: wordedBy, term: term, status: status), .init(.patch, "/goals/\(goalID)", [
                "text": text, "worded_by": wordedBy?.rawValue, "term": term?.rawValue, "status": status?.rawValue]))
        }
        let l = done.l
        Console.current.line(done.changed
            ? l("Goal \(goalID) of case \(caseID) updated.", "Doel \(goalID) van casus \(caseID) bijgewerkt.")
            : l("Nothing changed.", "Er is niets veranderd."))
    }
}
