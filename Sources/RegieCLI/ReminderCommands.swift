import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

/// `regie reminder done|dismiss`: a plugin's reminder leaves the agenda when it is done, or
/// when someone dismisses it with a reason.
struct ReminderGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminder", abstract: "Mark a plugin's reminder as done, or dismiss it with a reason.",
        subcommands: [ReminderDoneCommand.self, ReminderDismissCommand.self])
}

struct ReminderDoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a reminder as done.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The reminder's number (see `regie case show`).") var reminderID: Int

    func run() async throws {
        let session = try await CaseSession(global)
        try await session.perform(.closeReminder(id: reminderID, dismissal: nil), on: caseID)
        Console.current.line(session.l("Reminder \(reminderID) of case \(caseID) is done.",
                                       "Herinnering \(reminderID) van casus \(caseID) is afgehandeld."))
    }
}

struct ReminderDismissCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dismiss", abstract: "Dismiss a reminder, saying why.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The reminder's number (see `regie case show`).") var reminderID: Int
    @Option(help: "Why it does not apply.") var reason: String

    func run() async throws {
        let session = try await CaseSession(global)
        try await session.perform(.closeReminder(id: reminderID, dismissal: reason), on: caseID)
        Console.current.line(session.l("Reminder \(reminderID) of case \(caseID) is dismissed.",
                                       "Herinnering \(reminderID) van casus \(caseID) is weggezet."))
    }
}
