import Foundation
import RegieCore
import RegieStore
import Testing
@testable import RegieApp
@testable import RegieCLI
import RegieReports

@Suite("Commands in process")
struct CommandTests {
    /// Opens case 1 in team west and brings it to the activation phase with one member.
    func caseInActivation(_ bench: Workbench) async {
        let steps: [[String]] = [
            ["case", "open", "--team", "west", "--client", "J.B."],
            ["goal", "add", "1", "Weer zelf koken", "--term", "long", "--by", "client"],
            ["goal", "add", "1", "Elke dag naar buiten", "--term", "short", "--by", "client"],
            ["check", "tick", "1", "goals.own_story"],
            ["case", "advance", "1"],
            ["resource", "add", "1", "Zus", "--relation", "sister", "--kind", "informal"],
            ["resource", "choose", "1", "1", "--client-chose"],
            ["check", "tick", "1", "mapping.all_kinds"],
            ["case", "advance", "1"],
        ]
        for step in steps {
            let result = await bench.run(step)
            #expect(result.status == .success, "\(step): \(result.err)")
        }
    }

    @Test("a case moves through the phases and shows what is open")
    func walkthrough() async throws {
        let bench = try await Workbench()
        await caseInActivation(bench)
        let show = await bench.run(["case", "show", "1"])
        #expect(show.status == .success)
        #expect(show.out.contains("active in phase 3/5 Activation"))
        #expect(show.out.contains("[ ] activation.contacted"))
        #expect(show.out.contains("Ask: would you like to get in touch yourself"))
        #expect(show.out.contains("“Weer zelf koken” · long term · worded by the client"))
        let refused = await bench.run(["case", "advance", "1"])
        #expect(refused.status == .refused)
        #expect(refused.err.contains("activation.contacted"))
        #expect(refused.err.contains("activation.meeting_planned"))
        #expect(refused.out.isEmpty)
    }

    @Test("reads give stable snake_case JSON")
    func json() async throws {
        let bench = try await Workbench()
        await caseInActivation(bench)
        let show = await bench.run(["case", "show", "1", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(show.out.utf8)) as? [String: Any])
        #expect(object["case_id"] as? Int == 1)
        #expect(object["client_label"] as? String == "J.B.")
        #expect((object["status"] as? [String: Any])?["phase"] as? String == "activation")
        #expect((object["open_required_items"] as? [String])?.contains("activation.one_to_one") == true)
        let resource = try #require((object["resources"] as? [[String: Any]])?.first)
        #expect(resource["one_to_one_held"] as? Bool == false)
        #expect(resource["member"] as? Bool == true)
        let list = try #require(try JSONSerialization.jsonObject(with: Data(await bench.run(["case", "list", "--json"]).out.utf8)) as? [[String: Any]])
        #expect(list.count == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(await bench.run(["audit", "log", "1", "--json"]).out.utf8)) as? [[String: Any]])
        #expect(log.map { $0["move"] as? String } == ["advance", "advance"])
        for command in [["check", "list", "1", "--json"], ["time", "list", "1", "--json"], ["workflow", "show", "--json"]] {
            let result = await bench.run(command)
            #expect(result.status == .success, "\(command)")
            #expect((try? JSONSerialization.jsonObject(with: Data(result.out.utf8))) != nil, "\(command) gives JSON")
        }
    }

    @Test("a coordinator's override is recorded; a worker's is refused")
    func override() async throws {
        let bench = try await Workbench()
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        #expect(await bench.run(["case", "advance", "1", "--override", "--reason", "Client wants to go on"]).status == .notPermitted)
        #expect(await bench.run(["case", "advance", "1", "--override"], as: "karim").status == .usage)
        let ok = await bench.run(["case", "advance", "1", "--override", "--reason", "Client wants to go on"], as: "karim")
        #expect(ok.status == .success)
        #expect(ok.out.contains("Overridden by karim"))
        #expect(await bench.run(["audit", "log", "1"]).out.contains("OVERRIDDEN"))
    }

    @Test("editing the workflow file does not change the rules of a running case")
    func pinning() async throws {
        let bench = try await Workbench()
        await bench.run(["case", "open", "--team", "west", "--client", "A."])
        let source = try String(contentsOf: bench.folder.appendingPathComponent("workflows/resourcegroep.yaml"), encoding: .utf8)
        let stricter = source.replacingOccurrences(of: "  goals:\n    checklist:\n", with: "  goals:\n    checklist:\n      - id: goals.new_rule\n        nl: nieuw\n        en: new\n")
        try #require(stricter != source)
        try bench.write(stricter, to: "workflows/resourcegroep.yaml")
        await bench.run(["case", "open", "--team", "west", "--client", "B."])
        #expect(await !bench.run(["case", "show", "1"]).out.contains("goals.new_rule"))
        #expect(await bench.run(["case", "show", "2"]).out.contains("goals.new_rule"))
    }

    @Test("Dutch output follows --lang and the workspace locale")
    func dutch() async throws {
        let bench = try await Workbench(yaml: Workbench.yaml.replacingOccurrences(of: "locale: en", with: "locale: nl"))
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        #expect(await bench.run(["case", "show", "1"]).out.contains("actief in fase 1/5 Doelen"))
        #expect(await bench.run(["case", "advance", "1"]).err.contains("kan nog niet"))
        #expect(await bench.run(["case", "show", "1", "--lang", "en"]).out.contains("active in phase 1/5 Goals"))
    }

    @Test("a person sees and acts on their own teams' cases only")
    func teams() async throws {
        let bench = try await Workbench()
        await bench.run(["case", "open", "--team", "oost", "--client", "O."], as: "bob")
        await bench.run(["case", "open", "--team", "west", "--client", "W."])
        let list = await bench.run(["case", "list"]).out
        #expect(list.contains("W.") && !list.contains("O."))
        #expect(await bench.run(["case", "show", "1"]).status == .notPermitted)
        #expect(await bench.run(["case", "show", "1"], as: "karim").status == .success)
    }

    /// Commands that must fail, with the exit status each must give.
    static let failures: [(String, [String], String?, Exit)] = {
        let list: [(String, [String], String?, Exit)] = [
        ("empty goal", ["goal", "add", "1", "  ", "--term", "long", "--by", "client"], "anna", .usage),
        ("malformed date", ["meeting", "plan", "1", "--on", "2027-02-30"], "anna", .usage),
        ("nonsense duration", ["time", "log", "1", "lots"], "anna", .usage),
        ("unknown phase", ["case", "revisit", "1", "phase-six", "--reason", "x"], "anna", .usage),
        ("BSN as client label", ["case", "open", "--team", "west", "--client", "111222333"], "anna", .usage),
        ("pause without reason", ["case", "pause", "1"], "anna", .usage),
        ("unmet checklist", ["case", "advance", "1"], "anna", .refused),
        ("illegal move", ["case", "resume", "1"], "anna", .refused),
        ("not the client's choice", ["resource", "choose", "1", "1"], "anna", .refused),
        ("derived item by hand", ["check", "tick", "1", "activation.contacted"], "anna", .refused),
        ("unknown case", ["goal", "add", "99", "x", "--term", "long", "--by", "client"], "anna", .notFound),
        ("unknown goal", ["goal", "update", "1", "9", "--status", "achieved"], "anna", .notFound),
        ("unknown team", ["case", "open", "--team", "noord", "--client", "X."], "anna", .notFound),
        ("unknown item", ["check", "tick", "1", "activation.nope"], "anna", .notFound),
        ("unknown person", ["goal", "add", "1", "x", "--term", "long", "--by", "client"], "mallory", .notPermitted),
        ("other team", ["goal", "add", "1", "x", "--term", "long", "--by", "client"], "bob", .notPermitted),
        ("no actor", ["case", "list"], nil, .notPermitted),
        ]
        return list
    }()

    @Test("a failed command leaves the store exactly as it was", arguments: failures)
    func failureChangesNothing(name: String, arguments: [String], actor: String?, expected: Exit) async throws {
        let bench = try await Workbench()
        await caseInActivation(bench)
        let before = try await bench.snapshot()
        let result = actor == nil
            ? await Console.$current.withValue(Console.capturing()) { () -> Workbench.Result in
                var err = ""
                let status = await RegieMain.execute(arguments + ["--workspace", bench.folder.path, "--as", ""], errors: { err = $0 })
                return Workbench.Result(status: status, out: "", err: err)
            }
            : await bench.run(arguments, as: actor)
        #expect(result.status == expected, "\(name): \(result.err)")
        #expect(!result.err.isEmpty, "\(name) says why")
        #expect(!result.err.contains("\n"), "\(name): one line")
        #expect(try await bench.snapshot() == before, "\(name) changed the store")
    }

    @Test("with --json a failure says on standard error what went wrong as a code and its fields")
    func jsonErrors() async throws {
        let bench = try await Workbench()
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        func error(_ arguments: [String], as actor: String = "anna") async throws -> (Exit, [String: Any]) {
            let result = await bench.run(arguments, as: actor)
            let object = try JSONSerialization.jsonObject(with: Data(result.err.utf8)) as? [String: Any]
            return (result.status, try #require(object?["error"] as? [String: Any], "\(result.err)"))
        }
        let (status, missing) = try await error(["case", "show", "99", "--json", "--lang", "nl"])
        #expect(status == .notFound)
        #expect(missing["code"] as? String == "case_not_found")
        #expect(missing["exit_status"] as? Int == Int(Exit.notFound.rawValue))
        #expect((missing["fields"] as? [String: Any])?["case"] as? Int == 99)
        #expect(missing["message"] as? String == "Er is geen casus 99.")
        #expect(missing["hint"] as? String == "Zie `regie case list`.")

        let (_, stranger) = try await error(["case", "show", "1", "--json"], as: "mallory")
        #expect(stranger["code"] as? String == "unknown_person")
        #expect((stranger["fields"] as? [String: Any])?["person"] as? String == "mallory")

        let (parseStatus, parse) = try await error(["case", "show", "one", "--json"])
        #expect(parseStatus == .usage)
        #expect(parse["code"] as? String == "invalid_arguments")
        #expect((parse["message"] as? String)?.contains("is not a case number") == true)

        // Without --json the same failure is one line of text, and `--json` typed after `--` is text.
        #expect(await bench.run(["case", "show", "99"]).err == "regie: There is no case 99. See `regie case list`.")
        #expect(await bench.run(["goal", "add", "99", "--term", "long", "--by", "client", "--", "--json"]).err.hasPrefix("regie: "))
    }

    @Test("dates are typed the Dutch way too, and a date that makes no sense is refused, saying which and why")
    func dates() async throws {
        let bench = try await Workbench()
        bench.now = "2027-03-10T23:30:00Z"  // already 11 March in Amsterdam
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        #expect(await bench.run(["meeting", "plan", "1", "--on", "vandaag"]).out.contains("planned on 2027-03-11"))
        let past = await bench.run(["meeting", "plan", "1", "--on", "10-03-2027"])
        #expect(past.status == .usage)
        #expect(past.err == "regie: The planned date 2027-03-10 lies before today (2027-03-11); it must be today or later. Give today or a later day.")
        let far = await bench.run(["question", "add", "1", "Verhuizen", "--due", "01-04-2029", "--lang", "nl"])
        #expect(far.err == "regie: De streefdatum 2029-04-01 ligt meer dan twee jaar vooruit (na 2029-03-10). "
                + "Klopt dat, herhaal de opdracht dan met --confirm-date.")
        #expect(await bench.run(["question", "add", "1", "Verhuizen", "--due", "01-04-2029", "--confirm-date"]).status == .success)
        let future = await bench.run(["meeting", "held", "1", "1", "--on", "morgen"])
        #expect(future.status == .usage)
        #expect(future.err.contains("The meeting date 2027-03-12 lies after today (2027-03-11)"))
        let early = await bench.run(["meeting", "held", "1", "1", "--on", "2027-03-01"])
        #expect(early.err.contains("The meeting date 2027-03-01 lies before the case was opened (2027-03-11)."))
        #expect(await bench.run(["meeting", "held", "1", "1", "--on", "11-3-2027"]).status == .success)
        #expect(await bench.run(["time", "log", "1", "1h", "--on", "tomorrow"]).status == .usage)
        #expect(await bench.run(["time", "log", "1", "1h"]).status == .success)
        let json = await bench.run(["time", "list", "1", "--json"]).out
        #expect(json.contains("2027-03-11"), "time is logged on today where the team works")
        #expect(await bench.run(["meeting", "plan", "1", "--on", "31-02-2027"]).status == .usage)
    }

    @Test("a Dutch worker types value names in Dutch, with or without accents")
    func dutchValues() async throws {
        let bench = try await Workbench()
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        #expect(await bench.run(["goal", "add", "1", "Zelf koken", "--term", "kort", "--by", "cliënt"]).status == .success)
        #expect(await bench.run(["resource", "add", "1", "Peter", "--relation", "maatje", "--kind", "ervaringsdeskundige"]).status == .success)
        #expect(await bench.run(["resource", "update", "1", "1", "--contact", "doet-mee"]).status == .success)
        #expect(await bench.run(["case", "pause", "1", "--kind", "opname", "--reason", "Twee weken"]).status == .success)
        let json = await bench.run(["case", "show", "1", "--json"]).out
        #expect(json.contains("\"term\" : \"short\"") && json.contains("\"kind\" : \"experience_expert\""))
        #expect(json.contains("\"contact\" : \"willing\""))
        #expect(await bench.run(["goal", "add", "1", "x", "--term", "kortt", "--by", "client"]).status == .usage)
    }

    @Test("a meeting planned by mistake is moved or cancelled, a held one corrected; the plan shows the corrected meeting")
    func meetingCorrections() async throws {
        let bench = try await Workbench()
        bench.now = "2027-03-10T09:00:00Z"
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        await bench.run(["resource", "add", "1", "Moeder", "--relation", "moeder", "--kind", "informal"])
        await bench.run(["resource", "choose", "1", "1", "--client-chose"])
        await bench.run(["meeting", "plan", "1", "--on", "2027-03-20"])
        #expect(await bench.run(["meeting", "move", "1", "1", "--to", "01-04-2027"]).out.contains("moved to 2027-04-01"))
        #expect(await bench.run(["report", "case", "1"]).out.contains("1 April 2027"))
        #expect(await bench.run(["meeting", "cancel", "1", "1", "--reason", "Moeder is ziek"]).status == .success)
        #expect(!(await bench.run(["report", "case", "1"]).out.contains("April 2027")), "a cancelled meeting is not the next one")
        await bench.run(["meeting", "plan", "1", "--on", "vandaag"])
        await bench.run(["meeting", "held", "1", "2", "--on", "vandaag"])
        #expect(await bench.run(["meeting", "correct", "1", "2", "--attendees", "1"]).status == .success)
        let refused = await bench.run(["meeting", "cancel", "1", "2", "--reason", "x"])
        #expect(refused.status == .refused)
        #expect(refused.err.contains("regie meeting correct 1 2"))
        #expect(await bench.run(["meeting", "correct", "1", "2"]).status == .usage)
        let show = await bench.run(["case", "show", "1"]).out
        #expect(show.contains("1. round 1 · planned 2027-04-01 · cancelled: Moeder is ziek"))
        #expect(show.contains("meeting 1 moved from 2027-03-20 to 2027-04-01"))
        #expect(show.contains("attendees of meeting 2: Moeder, not nobody"), "people by name")
        let log = await bench.run(["audit", "log", "--case", "1"]).out
        #expect(log.contains("Corrections (the original events stay as they were recorded):"), "\(log)")
        #expect(log.contains("anna: meeting 1 moved from 2027-03-20 to 2027-04-01"), "\(log)")
        let json = await bench.run(["case", "show", "1", "--json"]).out
        #expect(json.contains("\"what\" : \"meeting_moved\"") && json.contains("\"cancelled_meetings\""))
        #expect(await bench.run(["audit", "verify"], as: "karim").status == .success)
    }

    @Test("time is corrected or withdrawn by its number, a question reworded; the history keeps the originals")
    func timeAndQuestionCorrections() async throws {
        let bench = try await Workbench()
        bench.now = "2027-03-10T09:00:00Z"
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        await bench.run(["time", "log", "1", "1h", "--activity", "contact"])
        await bench.run(["time", "log", "1", "45m"])
        #expect(await bench.run(["time", "list", "1"]).out.hasPrefix("1.\t2027-03-10\t1h\tcontact\n2.\t2027-03-10\t45m\tother"))
        #expect(await bench.run(["time", "correct", "1", "1", "--duration", "1h30m", "--on", "gisteren"]).status == .success)
        #expect(await bench.run(["time", "withdraw", "1", "2", "--reason", "Dubbel geboekt"]).status == .success)
        #expect(await bench.run(["time", "withdraw", "1", "2", "--reason", "x"]).status == .notFound)
        #expect(await bench.run(["time", "correct", "1", "1"]).status == .usage)
        let list = await bench.run(["time", "list", "1"]).out
        #expect(list == "1.\t2027-03-09\t1h 30m\tcontact\nTotal: 1h 30m\n")
        await bench.run(["question", "add", "1", "Boodschapen"])
        #expect(await bench.run(["question", "edit", "1", "1", "Boodschappen op zaterdag"]).status == .success)
        let show = await bench.run(["case", "show", "1"]).out
        #expect(show.contains("time entry 1: 2027-03-09 1h 30m contact, not 2027-03-10 1h contact"))
        #expect(show.contains("time entry 2 (2027-03-10 45m other) withdrawn: Dubbel geboekt"))
        #expect(show.contains("question 1 now reads “Boodschappen op zaterdag”, was “Boodschapen”"))
        #expect(await bench.run(["audit", "verify"], as: "karim").status == .success)
    }

    @Test("global options work before the subcommand too, as the demo prints them")
    func globalOptionsFirst() async throws {
        let bench = try await Workbench()
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        let verify = await bench.run(["--as", "karim", "--lang=nl", "audit", "verify"], as: nil)
        #expect(verify.status == .success, "\(verify.err)")
        #expect(verify.out.hasPrefix("Intact"))
        #expect(await bench.run(["--as", "anna", "goal", "add", "1", "Koken", "--term", "short", "--by", "client"], as: nil).status == .success)
        #expect(GlobalOptions.hoisted(["--as", "k", "goal", "add", "1", "--", "x"]) == ["goal", "add", "1", "--as", "k", "--", "x"])
        #expect(GlobalOptions.hoisted(["goal", "--as", "k"]) == ["goal", "--as", "k"])
        #expect(GlobalOptions.hoisted(["--as"]) == ["--as"])
    }

    @Test("a mistyped subcommand gets a suggestion, in the workspace's language")
    func didYouMean() async throws {
        let bench = try await Workbench()
        let typo = await bench.run(["case", "lsit"])
        #expect(typo.status == .usage)
        #expect(typo.err == "regie: `regie case` has no command `lsit`. Did you mean `regie case list`? See `regie case --help`.")
        #expect(await bench.run(["agnda"]).err.contains("Did you mean `regie agenda`?"))
        #expect(await bench.run(["meeting", "canc", "--lang", "nl"]).err.contains("Bedoelde je `regie meeting cancel`?"))
        #expect(!(await bench.run(["case", "xyzzy"]).err.contains("Did you mean")))
        #expect(ArgumentErrorText.distance("lsit", "list") == 2 && ArgumentErrorText.distance("", "abc") == 3)
    }

    @Test("a write overtaken by another writer's commit after it read the clock is a conflict, not a clock set back")
    func overtaken() async throws {
        let bench = try await Workbench()
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        let workspace = try WorkspaceLoader.load(from: bench.folder)
        let started = Date()
        // Another process commits a second after this command read the clock.
        let other = try await bench.store()
        _ = try await other.append([.goalAdded(GoalAdded(goalID: 1, text: "Koken", term: .short, wordedBy: .client))],
                                   to: 1, expectedVersion: 1, actor: "anna", at: started.addingTimeInterval(1))
        await other.close()
        let session = try await CaseSession(workspace: workspace, request: Request(actorID: "anna", now: started))
        await #expect { try await session.perform(.addGoal(text: "Werk", term: .long, wordedBy: .client), on: 1) } throws: { error in
            (error as? RegieError).map { $0.code == .changedMeanwhile && $0.status == .conflict } ?? false
        }
        await session.close()
        // A clock an hour behind the record is still refused as a clock set back.
        let behind = try await CaseSession(workspace: workspace, request: Request(actorID: "anna", now: started.addingTimeInterval(-3600)))
        await #expect { try await behind.perform(.addGoal(text: "Werk", term: .long, wordedBy: .client), on: 1) } throws: { error in
            (error as? RegieError)?.code == .clockBeforeLastChange
        }
        await behind.close()
    }

    @Test("a closed case refuses changes and the store stays as it was")
    func closedCase() async throws {
        let bench = try await Workbench()
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        #expect(await bench.run(["case", "close", "1", "--outcome", "client-stopped", "--reason", "Moved away"]).status == .success)
        let before = try await bench.snapshot()
        let result = await bench.run(["goal", "add", "1", "x", "--term", "long", "--by", "client"])
        #expect(result.status == .refused)
        #expect(result.err.contains("closed"))
        #expect(try await bench.snapshot() == before)
        #expect(await bench.run(["case", "reopen", "1", "--reason", "Back again"]).status == .success)
    }

    @Test("a typo in regie.yaml names the file and line")
    func workspaceTypo() async throws {
        let bench = try await Workbench()
        try bench.write(Workbench.yaml.replacingOccurrences(of: "    role: worker\n    teams: [west]", with: "    rol: worker\n    teams: [west]"),
                        to: "regie.yaml")
        let result = await bench.run(["case", "list"])
        #expect(result.status == .configuration)
        #expect(result.err.contains("regie.yaml:11"), "\(result.err)")
        #expect(result.err.contains("unknown key `rol`"))
    }

    @Test("a broken workflow file refuses to open cases and names the file and line; nothing is written")
    func workflowTypo() async throws {
        let bench = try await Workbench()
        let source = try String(contentsOf: bench.folder.appendingPathComponent("workflows/resourcegroep.yaml"), encoding: .utf8)
        try bench.write(source.replacingOccurrences(of: "derived: \"#case.members > 0\"", with: "derived: \"#case.members >\""),
                        to: "workflows/resourcegroep.yaml")
        let before = try await bench.snapshot()
        let result = await bench.run(["case", "open", "--team", "west", "--client", "J."])
        #expect(result.status == .configuration)
        #expect(result.err.contains("workflows/resourcegroep.yaml:"), "\(result.err)")
        #expect(result.err.contains("mapping.client_chose"))
        #expect(try await bench.snapshot() == before)
        let check = await Console.$current.withValue(Console.capturing()) {
            await RegieMain.execute(["workflow", "check", bench.folder.appendingPathComponent("workflows/resourcegroep.yaml").path], errors: { _ in })
        }
        #expect(check == .configuration)
    }

    @Test("workflow check runs every derived expression on sample cases and lists every problem with its file and line")
    func workflowCheckRunsExpressions() async throws {
        let bench = try await Workbench()
        let path = bench.folder.appendingPathComponent("workflows/resourcegroep.yaml").path
        let good = await bench.run(["workflow", "check", path], as: nil, inWorkspace: false)
        #expect(good.status == .success, "\(good.err)")
        #expect(good.out.contains("each tried on 3 sample cases"), "\(good.out)")

        // Three mistakes that compile: a misspelt function, a field of a string, and a missing
        // expression that calls nothing; and one that does not compile.
        let source = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        let broken = source
            .replacingOccurrences(of: "derived: any(case.goals, function(g) return g.term == \"long\"",
                                  with: "derived: anyy(case.goals, function(g) return g.term == \"long\"")
            .replacingOccurrences(of: "names: labels(case.members, function(r) return r.contact ~= 'contacted'",
                                  with: "names: labelz(case.members, function(r) return r.contact ~= 'contacted'")
            .replacingOccurrences(of: "derived: \"#case.members > 0\"", with: "derived: \"#case.members >\"")
        #expect(broken != source)
        try bench.write(broken, to: "workflows/broken.yaml")
        let brokenPath = bench.folder.appendingPathComponent("workflows/broken.yaml").path
        let lines = broken.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of id: String) -> Int { (lines.firstIndex { $0.contains("id: \(id)") } ?? -10) + 1 }
        let check = await bench.run(["workflow", "check", brokenPath], as: nil, inWorkspace: false)
        #expect(check.status == .configuration)
        #expect(check.out.contains("has 3 problems"), "\(check.out)")
        #expect(check.out.contains("\(brokenPath):\(line(of: "goals.long_term")): item goals.long_term fails on the empty, half-way and complete sample cases: runtime error: expression:1: attempt to call a nil value (global 'anyy')"), "\(check.out)")
        #expect(check.out.contains("\(brokenPath):\(line(of: "activation.contacted")): item activation.contacted fails on the"), "\(check.out)")
        #expect(check.out.contains("its missing expression: runtime error: expression:1: attempt to call a nil value (global 'labelz')"), "\(check.out)")
        #expect(check.out.contains("\(brokenPath):\(line(of: "mapping.client_chose")): item mapping.client_chose: syntax error"), "\(check.out)")

        let json = await bench.run(["workflow", "check", brokenPath, "--json", "--lang", "nl"], as: nil, inWorkspace: false)
        #expect(json.status == .configuration)
        let report = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect((report?["problems"] as? [String])?.count == 3)
        #expect((report?["samples"] as? [String]) == ["empty", "half-way", "complete"])
    }

    @Test("the sample cases a workflow check runs on all replay")
    func sampleCasesReplay() throws {
        let workflow = try WorkflowParser.parse(DefaultWorkflow.source, file: "resourcegroep.yaml")
        let samples = SampleCases.all(for: workflow)
        #expect(samples.map(\.name) == ["empty", "half-way", "complete"])
        #expect(samples.map(\.state.status.phase) == [.goals, .activation, .followUp])
        #expect(samples.last?.state.meetings.first?.heldOn != nil)
    }

    @Test("a database that is not Regie's is refused and left untouched")
    func notRegie() async throws {
        let bench = try await Workbench()
        try bench.write("not a database\n", to: "other.sqlite")
        try bench.write(Workbench.yaml.replacingOccurrences(of: "database: regie.sqlite", with: "database: other.sqlite"), to: "regie.yaml")
        let result = await bench.run(["case", "list"])
        #expect(result.status == .storage)
        #expect(result.err.contains("is not a Regie database"))
        #expect(try String(contentsOf: bench.folder.appendingPathComponent("other.sqlite"), encoding: .utf8) == "not a database\n")
    }

    @Test("the embedded default workflow is exactly workflows/resourcegroep.yaml (run `make embed` if not)")
    func embeddedWorkflow() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: repository.appendingPathComponent("workflows/resourcegroep.yaml"), encoding: .utf8)
        #expect(DefaultWorkflow.source + "\n" == file)
    }

    @Test("init refuses to overwrite a workspace")
    func initTwice() async throws {
        let bench = try await Workbench()
        let status = await await Console.$current.withValue(Console.capturing()) {
            await RegieMain.execute(["init", bench.folder.path], errors: { _ in })
        }
        #expect(status == .usage)
    }
}
