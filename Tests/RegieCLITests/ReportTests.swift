import Foundation
import GRDB
import Testing
@testable import RegieApp
@testable import RegieCLI
import RegieReports
@testable import RegieCore
import RegieStore
import RegieStorePostgres

/// `regie report team`: a team of cases with known answers, built through the command line,
/// and every measure checked to the exact count.
@Suite("Team report")
struct ReportTests {
    static func run(_ bench: Workbench, _ line: String, as actor: String = "anna") async {
        var arguments: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() } else if character == " " && !quoted {
                if !current.isEmpty { arguments.append(current) }
                current = ""
            } else { current.append(character) }
        }
        if !current.isEmpty { arguments.append(current) }
        if let day = arguments.first, day.hasPrefix("@") {
            bench.now = day.dropFirst() + "T09:00:00Z"
            return
        }
        let result = await bench.run(arguments, as: actor)
        #expect(result.status == .success, "\(line): \(result.err)")
    }

    /// Four cases: A (west) involved, formed, picked up, 1.5 h, one goal achieved, one open and
    /// one dropped; B (west, complex) none of them;
    /// C (oost, complex) involved and formed in 3 h, its question still open; D (west) still in goals.
    static func team() async throws -> Workbench {
        let bench = try await Workbench()
        // Lines starting with @ set the day the next commands run on (the clock is fixed, so
        // that every date is coherent with "today" and the report's periods are known).
        for line in ["@2089-06-01", "case open --team west --client A", "resource add 1 Moeder --relation mother --kind informal",
                     "resource update 1 1 --contact willing", "resource add 1 Zuster --relation nurse --kind professional",
                     "resource choose 1 1 --client-chose", "meeting plan 1 --on 2089-06-01",
                     "meeting held 1 1 --on 2089-06-01 --attendees 1", "time log 1 1h --on 2089-06-01",
                     "time log 1 30m --on 2089-06-01",
                     "question add 1 Boodschappen --owner 1", "question status 1 1 accepted",
                     "resource update 1 1 --can \"Zondag eten\" --cannot \"Dagelijkse zorg\"",
                     "goal add 1 \"Zelf boodschappen doen\" --term short --by client", "goal update 1 1 --status achieved",
                     "goal add 1 \"Werk vinden\" --term long --by client",
                     "goal add 1 \"Verhuizen\" --term long --by client", "goal update 1 3 --status dropped",
                     "case open --team west --client B --complex", "resource add 2 Vriend --relation friend --kind informal",
                     "resource update 2 1 --contact contacted", "resource add 2 Huisarts --relation gp --kind professional",
                     "question add 2 Medicijnen --owner 2", "question status 2 1 accepted",
                     "case open --team west --client D", "resource add 3 Buur --relation neighbour --kind informal",
                     "resource update 3 1 --contact willing"] {
            await run(bench, line)
        }
        for line in ["case open --team oost --client C --complex", "resource add 4 Broer --relation brother --kind informal",
                     "resource update 4 1 --contact declined", "resource add 4 Zus --relation sister --kind informal",
                     "resource update 4 2 --contact willing", "resource choose 4 2 --client-chose",
                     "meeting plan 4 --on 2089-06-01", "meeting held 4 1 --on 2089-06-01 --attendees 2",
                     "time log 4 3h --on 2089-06-01", "question add 4 Geld --owner 2"] {
            await run(bench, line, as: "bob")
        }
        for id in [1, 2, 4] { await run(bench, "case advance \(id) --override --reason \"report test\"", as: "karim") }
        // Time after the group met does not count towards reaching it.
        await run(bench, "@2089-06-02")
        await run(bench, "time log 1 45m --on 2089-06-02")
        return bench
    }

    static func json(_ bench: Workbench, _ extra: [String] = []) async throws -> [String: Any] {
        let result = await bench.run(["report", "team", "--format", "json"] + extra, as: "karim")
        #expect(result.status == .success, "\(result.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    }

    static func share(_ report: [String: Any], _ key: String) -> [Int] {
        let share = report[key] as? [String: Any] ?? [:]
        return [share["count"] as? Int ?? -1, share["of"] as? Int ?? -1]
    }

    static func hours(_ value: Any?) -> [Double] {
        let hours = value as? [String: Any] ?? [:]
        return ["cases", "mean", "median", "min", "max"].map { (hours[$0] as? NSNumber)?.doubleValue ?? -1 }
    }

    @Test("every measure to the exact count, with its denominator")
    func measures() async throws {
        let bench = try await Self.team()
        let report = try await Self.json(bench)
        #expect(report["opened"] as? Int == 4)
        #expect(report["considered"] as? Int == 3, "D is still in goals")
        #expect(Self.share(report, "network_involved") == [2, 3])
        #expect(Self.share(report, "group_formed") == [2, 3])
        #expect(Self.share(report, "network_picked_up_question") == [1, 3])
        #expect(Self.hours(report["hours_to_group"]) == [2, 2.25, 2.25, 1.5, 3])
        #expect(Self.hours(report["hours_to_group_complex"]) == [1, 3, 3, 3, 3])
        #expect(Self.hours(report["hours_to_group_not_complex"]) == [1, 1.5, 1.5, 1.5, 1.5])
        let byTeam = report["hours_to_group_by_team"] as? [[String: Any]] ?? []
        #expect(byTeam.map { $0["team"] as? String } == ["oost", "west"])
        #expect(byTeam.map { Self.hours($0["hours"]) } == [[1, 3, 3, 3, 3], [1, 1.5, 1.5, 1.5, 1.5]])
        let phases = report["phases_now"] as? [[String: Any]] ?? []
        #expect(phases.map { $0["active"] as? Int } == [1, 3, 0, 0, 0])
        #expect(Self.share(report, "goals_achieved") == [1, 2])
        #expect(Self.share(report, "members_with_can_and_cannot") == [1, 2])
        let stays = report["days_in_phase"] as? [[String: Any]] ?? []
        #expect(stays.map { $0["stays"] as? Int } == [3, 0, 0, 0, 0], "A, B and C each left goals once")
        #expect((stays.first?["median_days"] as? NSNumber)?.doubleValue == 0, "all on the same day")

        let all = try await Self.json(bench, ["--all"])
        #expect(Self.share(all, "network_involved") == [3, 4])
        let oost = try await Self.json(bench, ["--team", "oost"])
        #expect(oost["opened"] as? Int == 1)
        #expect(Self.share(oost, "group_formed") == [1, 1])
        #expect(await bench.run(["report", "team", "--json"], as: "karim").out == bench.run(["report", "team", "--format", "json"], as: "karim").out)
        let empty = await bench.run(["report", "team", "--since", "2089-07-01", "--format", "md"], as: "karim")
        #expect(empty.status == .success)
        #expect(empty.out.contains("No cases were opened in this period"))
        #expect(!empty.out.contains("## "), "no empty charts or tables")
        let later = try await Self.json(bench, ["--since", "2089-07-01"])
        #expect(later["opened"] as? Int == 0)
        #expect((later["network_involved"] as? [String: Any])?["percent"] == nil, "no share of nothing")
    }

    @Test("the facts stored with each command are the facts its events give; without them the report reads the events")
    func storedFacts() async throws {
        let bench = try await Self.team()
        let store = try await bench.store()
        let (stored, missing) = try await store.caseFacts(teams: ["west", "oost"])
        #expect(missing.isEmpty)
        #expect(stored.count == 4)
        for facts in stored {
            // With the case list's part, worked out in the workspace's zone under the default periods.
            let state = try CaseState.replay(try await store.events(of: facts.caseID))
            #expect(facts.work?.zone == "Europe/Amsterdam", "case \(facts.caseID)")
            #expect(facts == CaseFacts(state, timeZone: Workspace.defaultTimeZone, periods: Agenda.Periods()), "case \(facts.caseID)")
        }
        // An append that brings no facts (another program writing the store) forgets the stored ones.
        let version = try await store.events(of: 1).count
        _ = try await store.append([.timeLogged(TimeLogged(minutes: 60, activity: .other, on: LocalDate(iso: "2089-06-01")!))],
                             to: 1, expectedVersion: version, actor: "anna", at: Date())
        await #expect(try store.caseFacts(teams: ["west"]).missing == [1])
        // A's hour counts from its events: 1.5 h became 2.5 h.
        let report = try await Self.json(bench)
        #expect(report["opened"] as? Int == 4)
        #expect(Self.hours(report["hours_to_group"]) == [2, 2.75, 2.75, 2.5, 3])
    }

    @Test("goals achieved count against the goals not dropped, also for a row kept from before dropped goals were counted")
    func goalsNotDropped() async throws {
        let bench = try await Self.team()
        #expect(Self.share(try await Self.json(bench), "goals_achieved") == [1, 2], "A's dropped goal does not count")
        // A row as an older Regie wrote it: no count of dropped goals. The report works the
        // case out from its events instead of counting its dropped goal as open.
        let forget = "UPDATE case_facts SET goals_dropped = NULL WHERE case_id = 1"
        if let postgres = bench.postgres {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["psql", postgres.description, "-qc", forget]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "psql could not change the row")
        } else {
            let database = try DatabaseQueue(path: bench.folder.appendingPathComponent("regie.sqlite").path)
            try await database.write { try $0.execute(sql: forget) }
        }
        let store = try await bench.store()
        #expect(try await store.caseFacts(teams: ["west"]).facts.first { $0.caseID == 1 }?.goalsDropped == nil)
        #expect(Self.share(try await Self.json(bench), "goals_achieved") == [1, 2])
    }

    @Test("the report is a read: it is logged, and only a member of the team may ask for it")
    func access() async throws {
        let bench = try await Self.team()
        #expect(await bench.run(["report", "team", "--team", "oost"], as: "anna").status == .notPermitted)
        let text = await bench.run(["report", "team"], as: "karim")
        #expect(text.status == .success)
        #expect(text.out.contains("Network involved:              2 / 3 (66.7%)"))
        #expect(await bench.run(["audit", "access", "--json"], as: "karim").out.contains("report team"))
    }
}
