import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

/// `regie reminder done|dismiss`: a plugin's reminder leaves the agenda when it is done, or
/// when someone dismisses it with a reason.
struct ReminderGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "reminder", abstract: H("Mark a plugin's reminder as done, or dismiss it with a reason.",
                                                 "Handel de herinnering van een plugin af, of zet hem weg met een reden."),
            subcommands: [ReminderDoneCommand.self, ReminderDismissCommand.self])
    }
}

struct ReminderDoneCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "done", abstract: H("Mark a reminder as done.", "Handel een herinnering af."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The reminder's number (see `regie case show`).",
                      "Het nummer van de herinnering (zie `regie case show`).")) var reminderID: Int

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.closeReminder(id: reminderID, dismissal: nil), .init(.post, "/reminders/\(reminderID)/done"))
        }
        Console.current.line(done.l("Reminder \(reminderID) of case \(caseID) is done.",
                                       "Herinnering \(reminderID) van casus \(caseID) is afgehandeld."))
    }
}

struct ReminderDismissCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "dismiss", abstract: H("Dismiss a reminder, saying why.",
                                                                 "Zet een herinnering weg, met de reden."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The reminder's number (see `regie case show`).",
                      "Het nummer van de herinnering (zie `regie case show`).")) var reminderID: Int
    @Option(help: H("Why it does not apply.", "Waarom hij niet van toepassing is.")) var reason: String

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.closeReminder(id: reminderID, dismissal: reason), .init(.post, "/reminders/\(reminderID)/dismiss", ["reason": reason]))
        }
        Console.current.line(done.l("Reminder \(reminderID) of case \(caseID) is dismissed.",
                                       "Herinnering \(reminderID) van casus \(caseID) is weggezet."))
    }
}
