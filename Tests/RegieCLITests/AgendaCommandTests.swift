import Foundation
import RegieReports
import Testing
import RegieApp
@testable import RegieCLI

@Suite("regie agenda")
struct AgendaCommandTests {
    /// Case 1 (west) with a meeting held a hundred days ago, a question overdue and one to come;
    /// case 2 (oost) that anna may not see.
    static func bench() async throws -> Workbench {
        let bench = try await Workbench()
        bench.now = "2027-01-04T09:00:00Z"
        for line in ["case open --team west --client J.B.", "resource add 1 Zus --relation sister --kind informal",
                     "resource choose 1 1 --client-chose", "meeting plan 1 --on 2027-01-04", "meeting held 1 1 --on 2027-01-04",
                     "question add 1 \"Boodschappen; zaterdag, vroeg\" --due 2027-02-01", "question add 1 Vervoer --due 2027-04-20"] {
            await ReportTests.run(bench, line)
        }
        await ReportTests.run(bench, "case open --team oost --client O.", as: "bob")
        bench.now = "2027-04-14T09:00:00Z"
        return bench
    }

    @Test("lists what is due in date order, overdue first, for the person's teams only, and logs the read")
    func text() async throws {
        let bench = try await Self.bench()
        let agenda = await bench.run(["agenda"])
        #expect(agenda.status == .success, "\(agenda.err)")
        #expect(agenda.out == """
            2027-02-01  overdue  case 1 (J.B.)  question 1 is due: “Boodschappen; zaterdag, vroeg”
            2027-04-06  overdue  case 1 (J.B.)  plan the next meeting of the group
            2027-04-06  overdue  case 1 (J.B.)  look at the goals again with the client
            2027-04-20  due  case 1 (J.B.)  question 2 is due: “Vervoer”

            """)
        let ahead = await bench.run(["agenda", "--days", "5", "--lang", "nl"]).out
        #expect(ahead.contains("2027-04-06  te laat  casus 1 (J.B.)  bekijk de doelen opnieuw met de cliënt"))
        #expect(!ahead.contains("Vervoer"), "due after the days asked for")
        #expect(await bench.run(["agenda"], as: "bob").out.contains("case 2 (O.)  look at the goals"))
        #expect(await bench.run(["agenda", "--team", "oost"]).status == .notPermitted)
        #expect(await bench.run(["agenda", "--days", "-1"]).status == .usage)
        #expect(await bench.run(["case", "show", "1"]).out.contains("  2027-02-01 (overdue) · question 1 is due: “Boodschappen; zaterdag, vroeg”"))
        let access = await bench.run(["audit", "access", "--case", "1", "--json"], as: "karim").out
        #expect(access.contains("\"action\" : \"agenda\""))
        let json = try JSONSerialization.jsonObject(with: Data(await bench.run(["agenda", "--json"]).out.utf8)) as? [[String: Any]]
        #expect(json?.map { $0["kind"] as? String } == ["question_due", "plan_next_meeting", "review_goals", "question_due"])
        #expect(json?.first?["overdue"] as? Bool == true)
    }

    @Test("--format ics gives a calendar that a calendar program reads back (RFC 5545), naming no client")
    func calendar() async throws {
        let bench = try await Self.bench()
        await bench.run(["meeting", "plan", "1", "--on", "2027-04-16"])
        let ics = await bench.run(["agenda", "--format", "ics", "--days", "30"]).out
        #expect(ics.hasSuffix("END:VCALENDAR\r\n") && !ics.contains("\n\n"))
        #expect(!ics.contains("J.B.") && !ics.contains("Boodschappen") && !ics.contains("Zus"), "no client, question or person")
        let file = bench.folder.appendingPathComponent("agenda.ics")
        try Data(ics.utf8).write(to: file)
        let script = """
            import icalendar, json, sys
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            events = [(str(e['SUMMARY']), e['DTSTART'].dt.isoformat(), str(e['UID'])) for e in calendar.walk('VEVENT')]
            print(json.dumps({"version": str(calendar['VERSION']), "events": events}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Python's icalendar could not read the file (scripts/install-deps.sh --test installs it)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(parsed["version"] as? String == "2.0")
        let events = try #require(parsed["events"] as? [[String]]).sorted { $0[1] < $1[1] }
        // The meeting now planned leaves no next meeting to plan.
        #expect(events.map { $0[0] } == ["Regie case 1: question 1 due", "Regie case 1: look at the goals",
                                          "Regie case 1: resource group meeting 2", "Regie case 1: question 2 due"])
        #expect(events.map { $0[1] } == ["2027-02-01", "2027-04-06", "2027-04-16", "2027-04-20"])
        #expect(Set(events.map { $0[2] }).count == events.count, "every event has its own UID")
    }
}

@Suite struct AgendaCalendarTests {
    @Test func textIsEscapedAndLongLinesFoldedBetweenCharacters() {
        #expect(AgendaCalendar.escaped("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
        let long = "SUMMARY:" + String(repeating: "ë", count: 60)
        let folded = AgendaCalendar.folded(long)
        #expect(folded.count == 2)
        #expect(folded.allSatisfy { $0.utf8.count <= 75 })
        #expect(folded[1].hasPrefix(" "))
        #expect(folded[0] + folded[1].dropFirst() == long)
        #expect(AgendaCalendar.utc(Date(timeIntervalSince1970: 1_790_000_000)) == "20260921T141320Z")
    }
}
