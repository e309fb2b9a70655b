import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

struct QuestionGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "question", abstract: "Record the client's questions and who picks them up by when.",
        subcommands: [QuestionAddCommand.self, QuestionAssignCommand.self, QuestionStatusCommand.self, QuestionEditCommand.self])
}

struct QuestionAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a question of the client.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The question.") var text: String
    @Option(help: "The resource that picks it up.") var owner: Int?
    @Option(help: "By when: 2027-01-14, 14-01-2027, today or tomorrow (vandaag, morgen).") var due: DayInput?
    @Flag(name: .customLong("confirm-date"), help: "Confirm a due date more than two years ahead.") var confirmDate = false

    func run() async throws {
        let session = try await CaseSession(global)
        let due = due?.resolved(today: session.today)
        let (state, _) = try await session.perform(.recordQuestion(text: text, owner: owner, due: due), on: caseID,
                                                   farDateConfirmed: confirmDate)
        let id = state.questions.last?.id ?? 0
        Console.current.line(session.l("Question \(id) recorded in case \(caseID).", "Vraag \(id) vastgelegd bij casus \(caseID)."))
    }
}

struct QuestionAssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Record who picks up a question.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The question number.") var questionID: Int
    @Option(name: .customLong("to"), help: "The resource that picks it up.") var owner: Int
    @Option(help: "By when: 2027-01-14, 14-01-2027, today or tomorrow (vandaag, morgen).") var due: DayInput?
    @Flag(name: .customLong("confirm-date"), help: "Confirm a due date more than two years ahead.") var confirmDate = false

    func run() async throws {
        let session = try await CaseSession(global)
        let due = due?.resolved(today: session.today)
        try await session.perform(.assignQuestion(id: questionID, owner: owner, due: due), on: caseID, farDateConfirmed: confirmDate)
        Console.current.line(session.l("Question \(questionID) of case \(caseID) goes to resource \(owner).",
                                       "Vraag \(questionID) van casus \(caseID) gaat naar resource \(owner)."))
    }
}

struct QuestionStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Set a question's status.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The question number.") var questionID: Int
    @Argument(help: "open, accepted, done or parked.") var status: QuestionStatus

    func run() async throws {
        let session = try await CaseSession(global)
        let (_, recorded) = try await session.perform(.setQuestionStatus(id: questionID, status: status), on: caseID)
        Console.current.line(recorded.isEmpty
            ? session.l("Nothing changed.", "Er is niets veranderd.")
            : session.l("Question \(questionID) of case \(caseID) is now \(status.title(session.l)).",
                        "Vraag \(questionID) van casus \(caseID) is nu \(status.title(session.l))."))
    }
}

struct QuestionEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Change the words of a question; the original stays on record.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The question number.") var questionID: Int
    @Argument(help: "The question as it should read.") var text: String

    func run() async throws {
        let session = try await CaseSession(global)
        let (_, recorded) = try await session.perform(.editQuestion(id: questionID, text: text), on: caseID)
        Console.current.line(recorded.isEmpty
            ? session.l("Question \(questionID) of case \(caseID) already reads so.", "Vraag \(questionID) van casus \(caseID) luidt al zo.")
            : session.l("Question \(questionID) of case \(caseID) changed; the original stays on record.",
                        "Vraag \(questionID) van casus \(caseID) veranderd; het origineel blijft vastgelegd."))
    }
}
