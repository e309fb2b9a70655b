import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

// Corrections of time entries. Each is an event that names the entry; the original stays on record.

struct TimeCorrectCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "correct", abstract: H("Correct a time entry's duration, activity or day (numbers from `regie time list`).",
                                                "Corrigeer de duur, activiteit of dag van een tijdregistratie (nummers uit `regie time list`)."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The entry's number.", "Het nummer van de registratie.")) var entry: Int
    @Option(help: H("How long it really took: 1h30m, 90m, 1.5h.",
                    "Hoe lang het echt duurde: 1h30m, 90m, 1,5h.")) var duration: String?
    @Option(help: H("contact, conversation, meeting, preparation or other.",
                    "contact, gesprek, bijeenkomst, voorbereiding of anders.")) var activity: TimeActivity?
    @Option(help: H("The day it really was: 2027-01-14, 14-01-2027, today or yesterday.",
                    "De dag waarop het echt was: 2027-01-14, 14-01-2027, vandaag of gisteren.")) var on: DayInput?

    func run() async throws {
        let minutes = try duration.map { text throws(RegieError) in
            guard let minutes = Duration.minutes(text) else { throw RegieError(.usage, .durationInvalid, ["text": .text(text)]) }
            return minutes
        }
        guard minutes != nil || activity != nil || on != nil else { throw RegieError(.usage, .nothingToChange) }
        let session = try await CaseSession(global)
        let day = on?.resolved(today: session.today)
        let (_, recorded) = try await session.perform(.correctTime(entry: entry, minutes: minutes, activity: activity, on: day), on: caseID)
        Console.current.line(recorded.isEmpty
            ? session.l("Time entry \(entry) of case \(caseID) is already so; nothing changed.",
                        "Tijdregistratie \(entry) van casus \(caseID) staat al zo; er is niets veranderd.")
            : session.l("Time entry \(entry) of case \(caseID) corrected; the original stays on record.",
                        "Tijdregistratie \(entry) van casus \(caseID) verbeterd; het origineel blijft vastgelegd."))
    }
}

struct TimeWithdrawCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "withdraw", abstract: H("Take back a time entry logged by mistake, saying why.",
                                                                  "Trek een per vergissing geregistreerde tijd in, met de reden."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The entry's number.", "Het nummer van de registratie.")) var entry: Int
    @Option(help: H("Why it does not count.", "Waarom het niet telt.")) var reason: String

    func run() async throws {
        let session = try await CaseSession(global)
        try await session.perform(.withdrawTime(entry: entry, reason: reason), on: caseID)
        Console.current.line(session.l("Time entry \(entry) of case \(caseID) withdrawn; it no longer counts.",
                                       "Tijdregistratie \(entry) van casus \(caseID) ingetrokken; hij telt niet meer mee."))
    }
}
