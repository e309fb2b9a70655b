import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

struct MeetingGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Plan the group's meetings and record them.",
        subcommands: [MeetingPlanCommand.self, MeetingHeldCommand.self, MeetingMoveCommand.self, MeetingCancelCommand.self,
                      MeetingCorrectCommand.self])
}

struct MeetingPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plan a meeting (planned in follow-up, it is the next round's meeting).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Option(help: "The date: 2027-01-14, 14-01-2027, today or tomorrow (vandaag, morgen).") var on: DayInput
    @Flag(name: .customLong("confirm-date"), help: "Confirm a date more than two years ahead.") var confirmDate = false

    func run() async throws {
        let session = try await CaseSession(global)
        let on = on.resolved(today: session.today)
        let (state, _) = try await session.perform(.planMeeting(on: on), on: caseID, farDateConfirmed: confirmDate)
        let meeting = state.meetings.last
        Console.current.line(session.l("Meeting \(meeting?.id ?? 0) (round \(meeting?.round ?? 0)) planned on \(on) for case \(caseID).",
                                       "Bijeenkomst \(meeting?.id ?? 0) (ronde \(meeting?.round ?? 0)) gepland op \(on) voor casus \(caseID)."))
    }
}

struct MeetingHeldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "held", abstract: "Record that a planned meeting took place.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The meeting number.") var meetingID: Int
    @Option(help: "The date it took place: 2027-01-14, 14-01-2027, today or yesterday (vandaag, gisteren).") var on: DayInput
    @Option(help: "Members who came, as resource numbers separated by commas: 1,2,4.") var attendees: String = ""
    @Option(name: .customLong("led-by"), help: "client, together or worker.") var ledBy: MeetingLead?

    func run() async throws {
        let ids = try Self.attendeeIDs(attendees)
        let session = try await CaseSession(global)
        let on = on.resolved(today: session.today)
        try await session.perform(.recordMeetingHeld(id: meetingID, on: on, attendees: ids, ledBy: ledBy), on: caseID)
        Console.current.line(session.l("Meeting \(meetingID) of case \(caseID) recorded as held on \(on).",
                                       "Bijeenkomst \(meetingID) van casus \(caseID) vastgelegd als gehouden op \(on)."))
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
