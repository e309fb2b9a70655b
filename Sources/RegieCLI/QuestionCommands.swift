import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

struct QuestionGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "question", abstract: H("Record the client's questions and who picks them up by when.",
                                                 "Leg de vragen van de cliënt vast, en wie ze wanneer oppakt."),
            subcommands: [QuestionAddCommand.self, QuestionAssignCommand.self, QuestionStatusCommand.self, QuestionEditCommand.self])
    }
}

struct QuestionAddCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: H("Record a question of the client.",
                                                             "Leg een vraag van de cliënt vast."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The question.", "De vraag.")) var text: String
    @Option(help: H("The resource that picks it up.", "De resource die hem oppakt.")) var owner: Int?
    @Option(help: H("By when: 2027-01-14, 14-01-2027, today or tomorrow (vandaag, morgen).",
                    "Uiterlijk wanneer: 2027-01-14, 14-01-2027, vandaag of morgen.")) var due: DayInput?
    @Flag(name: .customLong("confirm-date"), help: H("Confirm a due date more than two years ahead.",
                                                     "Bevestig een einddatum die meer dan twee jaar vooruit ligt.")) var confirmDate = false

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID, farDateConfirmed: confirmDate) { today in
            let due = due?.resolved(today: today)
            return (.recordQuestion(text: text, owner: owner, due: due), .init(.post, "/questions", [
                "text": text, "owner": owner, "due": due?.description, "confirm_far_date": confirmDate ? true : nil]))
        }
        let id = done.created ?? 0
        Console.current.line(done.l("Question \(id) recorded in case \(caseID).", "Vraag \(id) vastgelegd bij casus \(caseID)."))
    }
}

struct QuestionAssignCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "assign", abstract: H("Record who picks up a question.",
                                                                "Leg vast wie een vraag oppakt."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The question number.", "Het nummer van de vraag.")) var questionID: Int
    @Option(name: .customLong("to"), help: H("The resource that picks it up.", "De resource die hem oppakt.")) var owner: Int
    @Option(help: H("By when: 2027-01-14, 14-01-2027, today or tomorrow (vandaag, morgen).",
                    "Uiterlijk wanneer: 2027-01-14, 14-01-2027, vandaag of morgen.")) var due: DayInput?
    @Flag(name: .customLong("confirm-date"), help: H("Confirm a due date more than two years ahead.",
                                                     "Bevestig een einddatum die meer dan twee jaar vooruit ligt.")) var confirmDate = false

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID, farDateConfirmed: confirmDate) { today in
            let due = due?.resolved(today: today)
            return (.assignQuestion(id: questionID, owner: owner, due: due), .init(.put, "/questions/\(questionID)/owner", [
                "owner": owner, "due": due?.description, "confirm_far_date": confirmDate ? true : nil]))
        }
        Console.current.line(done.l("Question \(questionID) of case \(caseID) goes to resource \(owner).",
                                       "Vraag \(questionID) van casus \(caseID) gaat naar resource \(owner)."))
    }
}

struct QuestionStatusCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "status", abstract: H("Set a question's status.", "Zet de status van een vraag."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The question number.", "Het nummer van de vraag.")) var questionID: Int
    @Argument(help: H("open, accepted, done or parked.", "open, opgepakt, gedaan of geparkeerd.")) var status: QuestionStatus

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.setQuestionStatus(id: questionID, status: status), .init(.put, "/questions/\(questionID)/status", ["status": status.rawValue]))
        }
        let l = done.l
        Console.current.line(done.changed
            ? l("Question \(questionID) of case \(caseID) is now \(status.title(l)).", "Vraag \(questionID) van casus \(caseID) is nu \(status.title(l)).")
            : l("Nothing changed.", "Er is niets veranderd."))
    }
}

struct QuestionEditCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "edit", abstract: H("Change the words of a question; the original stays on record.",
                                             "Wijzig de woorden van een vraag; de oorspronkelijke blijft vastgelegd."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The question number.", "Het nummer van de vraag.")) var questionID: Int
    @Argument(help: H("The question as it should read.", "De vraag zoals hij moet luiden.")) var text: String

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.editQuestion(id: questionID, text: text), .init(.patch, "/questions/\(questionID)", ["text": text]))
        }
        Console.current.line(!done.changed
            ? done.l("Question \(questionID) of case \(caseID) already reads so.", "Vraag \(questionID) van casus \(caseID) luidt al zo.")
            : done.l("Question \(questionID) of case \(caseID) changed; the original stays on record.",
                        "Vraag \(questionID) van casus \(caseID) veranderd; het origineel blijft vastgelegd."))
    }
}
