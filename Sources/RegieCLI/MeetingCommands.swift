import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

struct MeetingGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "meeting", abstract: H("Plan the group's meetings and record them.",
                                                "Plan de bijeenkomsten van de groep en leg ze vast."),
            subcommands: [MeetingPlanCommand.self, MeetingHeldCommand.self, MeetingMoveCommand.self, MeetingCancelCommand.self,
                          MeetingCorrectCommand.self])
    }
}

struct MeetingPlanCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "plan", abstract: H("Plan a meeting (planned in follow-up, it is the next round's meeting).",
                                             "Plan een bijeenkomst (gepland in het vervolg hoort hij bij de volgende ronde)."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Option(help: H("The date: 2027-01-14, 14-01-2027, today or tomorrow (vandaag, morgen).",
                    "De datum: 2027-01-14, 14-01-2027, vandaag of morgen.")) var on: DayInput
    @Flag(name: .customLong("confirm-date"), help: H("Confirm a date more than two years ahead.",
                                                     "Bevestig een datum die meer dan twee jaar vooruit ligt.")) var confirmDate = false

    func run() async throws {
        if let server = try ServerClient.connect(global) {
            let day = on.resolved(today: LocalDate(dayOf: Date(), in: .current))
            let written = try await server.change(.post, "/cases/\(caseID)/meetings", [
                "on": day.description, "confirm_far_date": confirmDate ? true : nil])
            let id = written.created ?? 0
            return Console.current.line(server.l("Meeting \(id) planned on \(day) for case \(caseID).",
                                                 "Bijeenkomst \(id) gepland op \(day) voor casus \(caseID)."))
        }
        let session = try await CaseSession(global)
        let on = on.resolved(today: session.today)
        let (state, _) = try await session.perform(.planMeeting(on: on), on: caseID, farDateConfirmed: confirmDate)
        let meeting = state.meetings.last
        Console.current.line(session.l("Meeting \(meeting?.id ?? 0) (round \(meeting?.round ?? 0)) planned on \(on) for case \(caseID).",
                                       "Bijeenkomst \(meeting?.id ?? 0) (ronde \(meeting?.round ?? 0)) gepland op \(on) voor casus \(caseID)."))
    }
}

struct MeetingHeldCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "held", abstract: H("Record that a planned meeting took place.",
                                                              "Leg vast dat een geplande bijeenkomst plaatsvond."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The meeting number.", "Het nummer van de bijeenkomst.")) var meetingID: Int
    @Option(help: H("The date it took place: 2027-01-14, 14-01-2027, today or yesterday (vandaag, gisteren).",
                    "De dag waarop hij plaatsvond: 2027-01-14, 14-01-2027, vandaag of gisteren.")) var on: DayInput
    @Option(help: H("Members who came, as resource numbers separated by commas: 1,2,4.",
                    "De leden die kwamen, als resourcenummers met komma's: 1,2,4.")) var attendees: String = ""
    @Option(name: .customLong("led-by"), help: H("client, together or worker.",
                                                 "cliënt, samen of werker.")) var ledBy: MeetingLead?

    func run() async throws {
        let ids = try Self.attendeeIDs(attendees)
        var day = LocalDate(daysSinceEpoch: 0)
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { today in
            day = on.resolved(today: today)
            return (.recordMeetingHeld(id: meetingID, on: day, attendees: ids, ledBy: ledBy), .init(.post, "/meetings/\(meetingID)/held", [
                "on": day.description, "attendees": ids, "led_by": ledBy?.rawValue]))
        }
        Console.current.line(done.l("Meeting \(meetingID) of case \(caseID) recorded as held on \(day).",
                                    "Bijeenkomst \(meetingID) van casus \(caseID) vastgelegd als gehouden op \(day)."))
    }

    /// `1,2,4` as resource numbers.
    static func attendeeIDs(_ text: String) throws(RegieError) -> [Int] {
        var ids: [Int] = []
        for part in text.split(separator: ",") {
            guard let id = Int(part.trimmingCharacters(in: .whitespaces)) else { throw RegieError(.usage, .attendeesInvalid) }
            ids.append(id)
        }
        return ids
    }
}
