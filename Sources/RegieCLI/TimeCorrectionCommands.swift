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
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { today in
            let day = on?.resolved(today: today)
            return (.correctTime(entry: entry, minutes: minutes, activity: activity, on: day),
                    .init(.patch, "/time/\(entry)", ["minutes": minutes, "activity": activity?.rawValue, "on": day?.description]))
        }
        Console.current.line(!done.changed
            ? done.l("Time entry \(entry) of case \(caseID) is already so; nothing changed.",
                        "Tijdregistratie \(entry) van casus \(caseID) staat al zo; er is niets veranderd.")
            : done.l("Time entry \(entry) of case \(caseID) corrected; the original stays on record.",
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
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.withdrawTime(entry: entry, reason: reason), .init(.post, "/time/\(entry)/withdraw", ["reason": reason]))
        }
        Console.current.line(done.l("Time entry \(entry) of case \(caseID) withdrawn; it no longer counts.",
                                       "Tijdregistratie \(entry) van casus \(caseID) ingetrokken; hij telt niet meer mee."))
    }
}
