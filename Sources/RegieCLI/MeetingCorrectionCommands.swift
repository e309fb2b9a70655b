import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

// Corrections of meetings. Each is an event that names the meeting; the original stays on record.

struct MeetingMoveCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "move", abstract: H("Move a planned meeting to another day.",
                                                              "Verzet een geplande bijeenkomst naar een andere dag."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The meeting number.", "Het nummer van de bijeenkomst.")) var meetingID: Int
    @Option(help: H("The new date: 2027-01-14, 14-01-2027, today or tomorrow (vandaag, morgen).",
                    "De nieuwe datum: 2027-01-14, 14-01-2027, vandaag of morgen.")) var to: DayInput
    @Flag(name: .customLong("confirm-date"), help: H("Confirm a date more than two years ahead.",
                                                     "Bevestig een datum die meer dan twee jaar vooruit ligt.")) var confirmDate = false

    func run() async throws {
        var day = LocalDate(daysSinceEpoch: 0)
        let done = try await CaseCommandRun.perform(global, caseID: caseID, farDateConfirmed: confirmDate) { today in
            day = to.resolved(today: today)
            return (.moveMeeting(id: meetingID, to: day), .init(.patch, "/meetings/\(meetingID)", [
                "on": day.description, "confirm_far_date": confirmDate ? true : nil]))
        }
        Console.current.line(!done.changed
            ? done.l("Meeting \(meetingID) of case \(caseID) is already planned on \(day).",
                        "Bijeenkomst \(meetingID) van casus \(caseID) staat al op \(day).")
            : done.l("Meeting \(meetingID) of case \(caseID) moved to \(day).",
                        "Bijeenkomst \(meetingID) van casus \(caseID) verzet naar \(day)."))
    }
}

struct MeetingCancelCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "cancel", abstract: H("Cancel a planned meeting, saying why.",
                                                                "Zeg een geplande bijeenkomst af, met de reden."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The meeting number.", "Het nummer van de bijeenkomst.")) var meetingID: Int
    @Option(help: H("Why it will not take place.", "Waarom hij niet doorgaat.")) var reason: String

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.cancelMeeting(id: meetingID, reason: reason), .init(.post, "/meetings/\(meetingID)/cancel", ["reason": reason]))
        }
        Console.current.line(done.l("Meeting \(meetingID) of case \(caseID) cancelled.",
                                       "Bijeenkomst \(meetingID) van casus \(caseID) afgezegd."))
    }
}

struct MeetingCorrectCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "correct", abstract: H("Correct the day or the attendees of a meeting recorded as held.",
                                                "Corrigeer de dag of de aanwezigen van een gehouden bijeenkomst."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The meeting number.", "Het nummer van de bijeenkomst.")) var meetingID: Int
    @Option(help: H("The day it really took place: 2027-01-14, 14-01-2027, today or yesterday.",
                    "De dag waarop hij echt plaatsvond: 2027-01-14, 14-01-2027, vandaag of gisteren.")) var on: DayInput?
    @Option(help: H("The members who really came, as resource numbers separated by commas: 1,2,4.",
                    "De leden die echt kwamen, als resourcenummers met komma's: 1,2,4.")) var attendees: String?

    func run() async throws {
        let ids = try attendees.map { text throws(RegieError) in try MeetingHeldCommand.attendeeIDs(text) }
        guard on != nil || ids != nil else { throw RegieError(.usage, .nothingToChange) }
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { today in
            let day = on?.resolved(today: today)
            return (.correctMeeting(id: meetingID, on: day, attendees: ids),
                    .init(.post, "/meetings/\(meetingID)/correction", ["on": day?.description, "attendees": ids]))
        }
        Console.current.line(!done.changed
            ? done.l("Meeting \(meetingID) of case \(caseID) is already recorded so; nothing changed.",
                        "Bijeenkomst \(meetingID) van casus \(caseID) staat al zo vastgelegd; er is niets veranderd.")
            : done.l("Meeting \(meetingID) of case \(caseID) corrected; the original stays on record.",
                        "Bijeenkomst \(meetingID) van casus \(caseID) verbeterd; het origineel blijft vastgelegd."))
    }
}
