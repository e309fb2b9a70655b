import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

struct TimeGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "time", abstract: H("Log professional time spent on a case.",
                                             "Registreer de professionele tijd die aan een casus is besteed."),
            subcommands: [TimeLogCommand.self, TimeListCommand.self, TimeCorrectCommand.self, TimeWithdrawCommand.self])
    }
}

struct TimeLogCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "log", abstract: H("Log time, such as 1h30m, 90m or 1.5h.",
                                                             "Registreer tijd, zoals 1h30m, 90m of 1,5h."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("How long: 1h30m, 90m, 1.5h.", "Hoe lang: 1h30m, 90m, 1,5h.")) var duration: String
    @Option(help: H("contact, conversation, meeting, preparation or other.",
                    "contact, gesprek, bijeenkomst, voorbereiding of anders.")) var activity: TimeActivity = .other
    @Option(help: H("The day: 2027-01-14, 14-01-2027, today or yesterday (vandaag, gisteren); default today.",
                    "De dag: 2027-01-14, 14-01-2027, vandaag of gisteren; standaard vandaag.")) var on: DayInput?

    func run() async throws {
        guard let minutes = Duration.minutes(duration) else {
            throw RegieError(.usage, .durationInvalid, ["text": "\(duration)"])
        }
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { today in
            let day = on?.resolved(today: today) ?? today
            return (.logTime(minutes: minutes, activity: activity, on: day), .init(.post, "/time", [
                "minutes": minutes, "activity": activity.rawValue, "on": day.description]))
        }
        Console.current.line(done.l("Logged \(Duration.text(minutes: minutes)) on case \(caseID).",
                                       "\(Duration.text(minutes: minutes)) geregistreerd op casus \(caseID)."))
    }
}

struct TimeListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: H("List the time logged on a case.",
                                                              "Toon de tijd die op een casus is geregistreerd."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int

    func run() async throws {
        if let server = try ServerClient.connect(global) {
            let path = "/cases/\(caseID)/time"
            if output.json { return try JSONOutput.printUntyped(try await server.list(path, key: "entries")) }
            return Console.current.write(try await server.text(path))
        }
        let session = try await CaseSession(global)
        let (state, _, _) = try await session.read(caseID, action: "time list")
        if output.json { return try JSONOutput.print(state.timeEntries.map(TimeEntryJSON.init)) }
        for line in TimeEntryJSON.lines(state, l: session.l) { Console.current.line(line) }
    }
}
