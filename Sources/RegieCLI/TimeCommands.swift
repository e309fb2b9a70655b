import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

struct TimeGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time", abstract: "Log professional time spent on a case.",
        subcommands: [TimeLogCommand.self, TimeListCommand.self, TimeCorrectCommand.self, TimeWithdrawCommand.self])
}

struct TimeLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Log time, such as 1h30m, 90m or 1.5h.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "How long: 1h30m, 90m, 1.5h.") var duration: String
    @Option(help: "contact, conversation, meeting, preparation or other.") var activity: TimeActivity = .other
    @Option(help: "The day: 2027-01-14, 14-01-2027, today or yesterday (vandaag, gisteren); default today.") var on: DayInput?

    func run() async throws {
        guard let minutes = Duration.minutes(duration) else {
            throw RegieError(.usage, .durationInvalid, ["text": "\(duration)"])
        }
        let session = try await CaseSession(global)
        let day = on?.resolved(today: session.today) ?? session.today
        try await session.perform(.logTime(minutes: minutes, activity: activity, on: day), on: caseID)
        Console.current.line(session.l("Logged \(Duration.text(minutes: minutes)) on case \(caseID).",
                                       "\(Duration.text(minutes: minutes)) geregistreerd op casus \(caseID)."))
    }
}

struct TimeListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the time logged on a case.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The case number.") var caseID: Int

    struct EntryJSON: Encodable {
        var id: Int, on: LocalDate, minutes: Int, activity: TimeActivity
    }

    func run() async throws {
        let session = try await CaseSession(global)
        let (state, _, _) = try await session.read(caseID, action: "time list")
        if output.json {
            return try JSONOutput.print(state.timeEntries.map { EntryJSON(id: $0.id, on: $0.on, minutes: $0.minutes, activity: $0.activity) })
        }
        for entry in state.timeEntries {
            Console.current.line("\(entry.id).\t\(entry.on)\t\(Duration.text(minutes: entry.minutes))\t\(entry.activity.title(session.l))")
        }
        Console.current.line(session.l("Total: ", "Totaal: ") + Duration.text(minutes: state.minutesLogged))
    }
}
