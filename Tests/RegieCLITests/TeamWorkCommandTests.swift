import Foundation
import Testing
import RegieApp
import RegieCore
import RegieStore
@testable import RegieCLI

@Suite("Team work on the command line: who holds a case, handovers, the case list, undo and reminders")
struct TeamWorkCommandTests {
    /// West (anna, wim; karim coordinates) and oost (bob; olga coordinates oost only).
    static let yaml = """
        organisation: "Buurtteams Test"
        locale: en
        database: regie.sqlite
        teams:
          - id: west
            workflow: resourcegroep
          - id: oost
            workflow: resourcegroep
            plugins:
              - name: quarterly
                settings: { max_days: 30 }
        people:
          - id: anna
            name: "Anna de Vries"
            role: worker
            teams: [west]
            phone: "020 123 45 67"
          - id: wim
            name: "Wim Bakker"
            role: worker
            teams: [west]
          - id: karim
            role: coordinator
            teams: [west]
          - id: bob
            name: "Bob Jansen"
            role: worker
            teams: [oost]
          - id: olga
            name: "Olga Smit"
            role: coordinator
            teams: [oost]

        """

    static func bench() async throws -> Workbench {
        let bench = try await Workbench(yaml: yaml)
        bench.now = "2027-01-04T09:00:00Z"
        return bench
    }

    @Test("a case is held by its opener or a named worker of the team; assign changes it; the plan says whom to contact")
    func holding() async throws {
        let bench = try await Self.bench()
        let opened = await bench.run(["case", "open", "--team", "west", "--client", "J.", "--second", "wim"])
        #expect(opened.out.contains("held by Anna de Vries"), "\(opened.out)\(opened.err)")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "K.", "--worker", "bob"]).status == .refused,
                "bob is not in west")
        #expect(await bench.run(["case", "open", "--team", "west", "--client", "K.", "--worker", "nobody"]).status == .notFound)
        #expect(await bench.run(["case", "assign", "1", "--second", "wim", "--no-second"]).status == .usage)
        #expect(await bench.run(["case", "assign", "1", "--worker", "wim"]).status == .usage, "wim cannot be both")
        let assigned = await bench.run(["case", "assign", "1", "--worker", "wim", "--second", "anna"])
        #expect(assigned.out == "Case 1 is held by Wim Bakker, second Anna de Vries.\n", "\(assigned.err)")
        #expect(await bench.run(["case", "show", "1"]).out.contains("Worker: Wim Bakker · second: Anna de Vries"))
        let json = try JSONSerialization.jsonObject(with: Data(await bench.run(["case", "show", "1", "--json"]).out.utf8)) as? [String: Any]
        #expect(json?["worker"] as? String == "wim" && json?["second_worker"] as? String == "anna")
        await bench.run(["case", "assign", "1", "--worker", "anna", "--no-second"])
        let plan = await bench.run(["report", "case", "1", "--format", "md"]).out
        #expect(plan.contains("## Who to contact\n\n- Anna de Vries, Buurtteams Test\n- 020 123 45 67"), "\(plan)")
    }

    @Test("case list has a header and columns, and filters by holder, status, phase and overdue tasks")
    func caseList() async throws {
        let bench = try await Self.bench()
        await ReportTests.run(bench, "case open --team west --client J.")
        await ReportTests.run(bench, "case open --team west --client K. --worker wim")
        await ReportTests.run(bench, "question add 2 Vervoer --due 2027-01-05")
        await ReportTests.run(bench, "case pause 1 --kind crisis --reason Opname")
        bench.now = "2027-01-10T09:00:00Z"
        let list = await bench.run(["case", "list"])
        #expect(list.status == .success, "\(list.err)")
        let lines = list.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("case  client  team  worker") == true, "\(list.out)")
        #expect(lines.count == 3)
        #expect(lines[2].contains("Wim Bakker") && lines[2].hasSuffix("1 (overdue)"), "\(list.out)")
        #expect(lines[1].contains("Anna de Vries") && lines[1].contains("  6  "), "six days paused: \(list.out)")
        #expect(await bench.run(["case", "list", "--mine"]).out.split(separator: "\n").count == 2)
        #expect(await bench.run(["case", "list", "--mine"], as: "wim").out.contains("K."))
        let overdue = await bench.run(["case", "list", "--overdue"]).out
        #expect(overdue.contains("K.") && !overdue.contains("J."))
        #expect(await bench.run(["case", "list", "--status", "gepauzeerd"]).out.contains("J."))
        #expect(!(await bench.run(["case", "list", "--status", "active"]).out.contains("J.")))
        #expect(await bench.run(["case", "list", "--phase", "mapping"]).out == "No cases.\n")
        #expect(await bench.run(["case", "list", "--status", "sleeping"]).status == .usage)
        let json = try JSONSerialization.jsonObject(with: Data(await bench.run(["case", "list", "--json"]).out.utf8)) as? [[String: Any]]
        #expect(json?.map { $0["worker"] as? String } == ["anna", "wim"])
        #expect(json?.map { $0["open_tasks"] as? Int } == [0, 1] && json?[1]["overdue"] as? Bool == true)
        #expect(await bench.run(["agenda", "--mine"], as: "wim").out.contains("Vervoer"))
        #expect(!(await bench.run(["agenda", "--mine"]).out.contains("Vervoer")))
    }

    @Test("a handover: the receiving team sees only the offer until its coordinator accepts; then the case is theirs alone")
    func transfer() async throws {
        let bench = try await Self.bench()
        await ReportTests.run(bench, "case open --team west --client J.")
        await ReportTests.run(bench, "goal add 1 \"Eigen woning\" --term long --by client")
        #expect(await bench.run(["case", "transfer", "1", "--to-team", "oost"]).status == .usage, "a reason is needed")
        #expect(await bench.run(["case", "transfer", "1", "--to-team", "west", "--reason", "x"]).status == .usage)
        let offered = await bench.run(["case", "transfer", "1", "--to-team", "oost", "--reason", "Verhuisd naar Oost"])
        #expect(offered.status == .success, "\(offered.err)")
        #expect(await bench.run(["case", "show", "1"], as: "olga").status == .notPermitted, "nothing of the case before accepting")
        #expect(!(await bench.run(["case", "list"], as: "olga").out.contains("J.")))
        let offers = await bench.run(["case", "transfers"], as: "olga")
        #expect(offers.out == "case 1: team west → team oost, offered by Anna de Vries: Verhuisd naar Oost\n", "\(offers.out)\(offers.err)")
        #expect(!offers.out.contains("J.") && !offers.out.contains("Eigen woning"))
        #expect(await bench.run(["case", "transfers"]).out.contains("case 1"), "the sending team sees it too")
        #expect(await bench.run(["case", "transfers"], as: "bob").out.contains("case 1"), "the receiving team's workers see the offer")
        let agenda = await bench.run(["agenda"], as: "olga").out
        #expect(agenda.contains("case 1  accept or decline the handover from team west"), "the coordinator's task: \(agenda)")
        #expect(!agenda.contains("J."), "no client before accepting")
        #expect(!(await bench.run(["agenda"], as: "bob").out.contains("handover")), "a task for coordinators")
        let json = try JSONSerialization.jsonObject(with: Data(await bench.run(["agenda", "--json"], as: "olga").out.utf8)) as? [[String: Any]]
        #expect(json?.first?["kind"] as? String == "transfer_offer" && json?.first?["client_label"] == nil)
        #expect(await bench.run(["case", "transfer", "1", "--accept"], as: "bob").status == .notPermitted, "coordinators only")
        #expect(await bench.run(["case", "transfer", "1", "--accept"], as: "karim").status == .notPermitted, "not karim's team")
        #expect(await bench.run(["case", "transfer", "1", "--accept", "--worker", "anna"], as: "olga").status == .refused)
        let accepted = await bench.run(["case", "transfer", "1", "--accept", "--worker", "bob"], as: "olga")
        #expect(accepted.out == "Case 1 is now with team oost, held by Bob Jansen.\n", "\(accepted.err)")
        #expect(await bench.run(["case", "show", "1"]).status == .notPermitted, "west no longer sees it")
        #expect(await bench.run(["case", "show", "1"], as: "bob").out.contains("Eigen woning"))
        #expect(await bench.run(["case", "list"], as: "bob").out.contains("J."))
        #expect(await bench.run(["case", "transfers"], as: "olga").out == "No handovers are waiting.\n")
        #expect(await bench.run(["audit", "verify"], as: "karim").status == .success, "the list row follows the record")
        let log = await bench.run(["audit", "access", "--case", "1", "--json"], as: "olga").out
        #expect(log.contains("\"action\" : \"case transfers\""))
    }

    @Test("undo takes back your last command within a quarter of an hour, not someone else's; the list and audit agree")
    func undo() async throws {
        let bench = try await Self.bench()
        await ReportTests.run(bench, "case open --team west --client J.")
        await ReportTests.run(bench, "goal add 1 Typfout --term long --by client")
        #expect(await bench.run(["undo", "1"], as: "wim").status == .refused)
        let undone = await bench.run(["undo", "1"])
        #expect(undone.out == "Undone on case 1: goal added (version 2). Status: active in phase 1/5 Goals.\n", "\(undone.err)")
        #expect(await bench.run(["case", "show", "1"]).out.contains("Goals\n  (none yet)"))
        #expect(await bench.run(["undo", "1"]).status == .refused, "an undo is not undone")
        await ReportTests.run(bench, "case advance 1 --override --reason Snel", as: "karim")
        #expect(await bench.run(["case", "list"]).out.contains("Resource mapping"))
        #expect(await bench.run(["undo", "1"]).status == .refused, "karim's move, not anna's")
        #expect(await bench.run(["undo", "1"], as: "karim").out.contains("Status: active in phase 1/5 Goals."))
        #expect(await bench.run(["case", "list"]).out.contains("Goals"))
        bench.now = "2027-01-04T09:20:00Z"
        await ReportTests.run(bench, "case advance 1 --override --reason Snel", as: "karim")
        bench.now = "2027-01-04T09:40:00Z"
        let late = await bench.run(["undo", "1"], as: "karim")
        #expect(late.status == .refused && late.err.contains("more than 15 minutes ago"), "\(late.err)")
        #expect(await bench.run(["audit", "verify"], as: "karim").status == .success)
        let history = await bench.run(["case", "show", "1", "--json"]).out
        #expect(history.contains("\"what\" : \"undone\""))
    }

    @Test("store refresh works out every case's stored figures again, for coordinators and auditors, and logs the read")
    func refresh() async throws {
        let bench = try await Self.bench()
        await ReportTests.run(bench, "case open --team west --client J.")
        await ReportTests.run(bench, "case open --team oost --client K.", as: "bob")
        #expect(await bench.run(["store", "refresh"]).status == .notPermitted)
        let refreshed = await bench.run(["store", "refresh"], as: "karim")
        #expect(refreshed.out == "Worked out the stored figures of 2 cases again.\n", "\(refreshed.err)")
        let store = try await bench.store()
        let (facts, missing) = try await store.caseFacts(teams: nil)
        await store.close()
        #expect(missing.isEmpty && facts.count == 2 && facts.allSatisfy { $0.work?.zone == "Europe/Amsterdam" })
        #expect(facts.first { $0.caseID == 2 }?.work?.worker == "bob")
        #expect(await bench.run(["audit", "verify"], as: "karim").status == .success)
        #expect(await bench.run(["audit", "access", "--json"], as: "karim").out.contains("\"action\" : \"store refresh\""))
    }

    @Test("a refusal names what is missing, in the reader's language, and so does case show")
    func missingNames() async throws {
        let bench = try await Self.bench()
        for line in ["case open --team west --client J.", "case advance 1 --override --reason Snel", "resource add 1 Moeder --relation mother --kind informal",
                     "resource add 1 POH-GGZ --relation nurse --kind professional", "resource choose 1 1 --client-chose",
                     "resource choose 1 2 --client-chose", "resource update 1 1 --contact willing", "case advance 1 --override --reason Snel"] {
            await ReportTests.run(bench, line, as: "karim")
        }
        let refused = await bench.run(["case", "advance", "1"])
        #expect(refused.status == .refused)
        #expect(refused.err.contains("No one-to-one talk yet with: Moeder, POH-GGZ"), "\(refused.err)")
        #expect(refused.err.contains("Not yet contacted: POH-GGZ"), "\(refused.err)")
        #expect(await bench.run(["case", "advance", "1", "--lang", "nl"]).err.contains("Nog geen persoonlijk gesprek met: Moeder, POH-GGZ"))
        #expect(await bench.run(["case", "show", "1"]).out.contains("no one-to-one talk yet with: Moeder, POH-GGZ"))
        let empty = await bench.run(["goal", "add", "1", " ", "--term", "long", "--by", "client", "--lang", "nl"])
        #expect(empty.err.contains("Er is geen tekst gegeven voor het doel."), "the field in Dutch: \(empty.err)")
    }

    @Test("the client's label is corrected on record; the case list and audit follow")
    func relabel() async throws {
        let bench = try await Self.bench()
        await ReportTests.run(bench, "case open --team west --client J. --ref Z-1")
        #expect(await bench.run(["case", "relabel", "1"]).status == .usage)
        #expect(await bench.run(["case", "relabel", "1", "--client", "J.B.", "--ref", ""]).out == "Case 1 is now labelled J.B..\n")
        #expect(await bench.run(["case", "list"]).out.contains("J.B."))
        #expect(await bench.run(["case", "show", "1"]).out.contains("client label now “J.B.”, was “J.”"))
        await bench.run(["case", "relabel", "1", "--client", "Typo."])
        #expect(await bench.run(["undo", "1"]).status == .success)
        #expect(await bench.run(["case", "list"]).out.contains("J.B."), "the list follows an undone relabelling")
        #expect(await bench.run(["audit", "verify"], as: "karim").status == .success)
    }

    @Test("a plugin's reminder on entering a phase stays on the agenda until done or dismissed")
    func reminders() async throws {
        let bench = try await Self.bench()
        for line in ["case open --team oost --client O.", "case advance 1 --override --reason Snel", "case advance 1 --override --reason Snel",
                     "meeting plan 1 --on 2027-01-05", "case advance 1 --override --reason Snel"] {
            await ReportTests.run(bench, line, as: "olga")
        }
        bench.now = "2027-01-05T12:00:00Z"
        await ReportTests.run(bench, "meeting held 1 1 --on 2027-01-05", as: "olga")
        bench.now = "2027-01-06T09:00:00Z"
        let advanced = await bench.run(["case", "advance", "1", "--override", "--reason", "Snel"], as: "olga")
        #expect(advanced.out.contains("[reminder 1]"), "\(advanced.out)\(advanced.err)")
        let agenda = await bench.run(["agenda", "--days", "100"], as: "bob").out
        #expect(agenda.contains("2027-02-04  due  case 1 (O.)  plan the next meeting of the group"),
                "the plugin's agenda hook sets the rhythm to its 30 days: \(agenda)")
        #expect(await bench.run(["agenda", "--days", "100"], as: "bob").out.contains("reminder 1: Plan the next meeting of the group."))
        #expect(await bench.run(["reminder", "dismiss", "1", "1", "--reason", "   "], as: "bob").status == .usage)
        #expect(await bench.run(["reminder", "done", "1", "1"], as: "bob").status == .success)
        #expect(!(await bench.run(["agenda", "--days", "100"], as: "bob").out.contains("reminder 1")))
        #expect(await bench.run(["reminder", "done", "1", "1"], as: "bob").status == .refused)
        #expect(await bench.run(["reminder", "done", "1", "7"], as: "bob").status == .notFound)
        #expect(await bench.run(["audit", "verify"], as: "olga").status == .success)
    }
}
