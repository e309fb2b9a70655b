import Foundation
import Testing

/// The command line as a client of `regie serve`: `regie login`, then the same commands as on
/// a workspace, with the same answers.
@Suite("The command line against a server")
struct RemoteCommandLineTests {
    @Test("every case command gives the same output, errors and exit codes through a server as on a workspace; the audit trail reads there too")
    func bothModes() async throws {
        let local = try Regie.workspace()
        let served = try Regie.workspace()
        for workspace in [local, served] { try Self.addTeamAndPeople(workspace) }
        #expect(try local.run(["config", "apply"]).status == 0)
        let server = try RunningServer(served)
        defer { server.stop() }
        let client = Regie(folder: try Regie.temporaryFolder())
        let home = try Regie.temporaryFolder()
        let person = ["HOME": home.path, "XDG_CONFIG_HOME": "", "REGIE_USER": "anna", "REGIE_SERVER": ""]

        // Logging in checks the token with the server and keeps it for this user alone.
        let token = try served.token(for: "anna")
        // A stray paste is refused before anything is sent; a well-formed unknown token by the server.
        let stray = try client.run(["login", server.base, "--token-stdin"], environment: person, input: "hello\n")
        #expect(stray.status == 8, "\(stray.err)")
        let unknown = "regie_" + String(repeating: "A", count: 43)
        let wrong = try client.run(["login", server.base, "--token-stdin"], environment: person, input: unknown + "\n")
        #expect(wrong.status == 8, "\(wrong.err)")
        #expect(wrong.err.contains("not valid"), "\(wrong.err)")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".config/regie/credentials.json").path))
        let login = try client.run(["login", server.base, "--token-stdin"], environment: person, input: token + "\n")
        #expect(login.status == 0, "\(login.err)")
        #expect(login.out.contains("(anna)"), "\(login.out)")
        let kept = home.appendingPathComponent(".config/regie/credentials.json")
        let mode = try FileManager.default.attributesOfItem(atPath: kept.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try String(contentsOf: kept, encoding: .utf8).contains(token))

        var remote = person
        remote["REGIE_SERVER"] = server.base
        #expect(try client.run(["case", "open", "--team", "west", "--client", "J. de Vries"], environment: remote).status == 0)
        #expect(try local.run(["case", "open", "--team", "west", "--client", "J. de Vries"]).status == 0)
        let shown = try local.run(["case", "show", "1", "--json"])
        let detail = try #require(try JSONSerialization.jsonObject(with: Data(shown.out.utf8)) as? [String: Any])
        let items = ((detail["checklist"] as? [[String: Any]]) ?? []).filter { ($0["derived"] as? Bool) != true }.compactMap { $0["id"] as? String }
        #expect(!items.isEmpty)

        var script: [[String]] = [
            ["case", "advance", "1"],  // refused: the checklist is open
            ["goal", "add", "1", "Weer naar de markt", "--term", "short", "--by", "client"],
            ["goal", "update", "1", "1", "--term", "long"],
            ["goal", "add", "1", "Mijn zus bellen", "--term", "short", "--by", "client"],
            ["goal", "update", "1", "1", "--term", "long"],  // nothing changes
            ["goal", "update", "1", "9", "--term", "long"],  // no such goal
        ]
        script += items.map { ["check", "tick", "1", $0] }
        script += [
            ["check", "untick", "1", items[0]], ["check", "tick", "1", items[0]], ["check", "tick", "1", items[0]],
            ["case", "advance", "1"],
            ["resource", "add", "1", "Zus Ans", "--relation", "sister", "--kind", "informal"],
            ["resource", "update", "1", "1", "--contact", "willing", "--one-to-one", "--can", "Koken"],
            ["question", "add", "1", "Wie kookt op dinsdag?", "--owner", "1"],
            ["question", "status", "1", "1", "--status", "accepted"],
            ["question", "edit", "1", "1", "Wie kookt er op dinsdag?"],
            ["time", "log", "1", "45m", "--activity", "conversation"],
            ["case", "show", "1"], ["case", "show", "1", "--json"], ["case", "list"], ["agenda"], ["agenda", "--json"],
            ["case", "show", "7"],  // no such case
            // Reading and putting the record right.
            ["time", "list", "1"], ["time", "list", "1", "--json"],
            ["time", "correct", "1", "1", "--duration", "30m"], ["time", "correct", "1", "1", "--duration", "30m"],
            ["time", "correct", "1", "4", "--activity", "other"],  // no such entry
            ["time", "withdraw", "1", "1", "--reason", "Verkeerde casus"], ["time", "list", "1"],
            ["check", "list", "1"], ["check", "list", "1", "--json"], ["check", "list", "1", "--phase", "goals"],
            ["case", "relabel", "1", "--ref", "DOS-7"], ["case", "relabel", "1", "--ref", "DOS-7"],
            ["case", "relabel", "1", "--client", "111222333"],  // never a citizen service number
            ["meeting", "correct", "1", "4", "--attendees", "1"],  // no such meeting
            ["reminder", "done", "1", "5"], ["reminder", "dismiss", "1", "5", "--reason", "Niet voor ons"],
            ["case", "migrate", "1"], ["case", "migrate", "1", "--json"],
            ["case", "migrate", "--team", "west"], ["case", "migrate", "--all", "--json"], ["case", "migrate", "--team", "west", "--yes"],
            ["case", "migrate", "--team", "noord"],  // no such team
            ["report", "case", "1"], ["report", "case", "1", "--json"], ["report", "case", "1", "--format", "dot"],
            ["report", "team"], ["report", "team", "--json"], ["report", "team", "--format", "md"],
            // Who holds the case, and a handover offered and withdrawn.
            ["case", "assign", "1", "--second", "bert"], ["case", "assign", "1", "--second", "olga"],
            ["case", "assign", "1", "--no-second"],
            ["case", "transfer", "1", "--to-team", "oost", "--reason", "Verhuisd naar Oost"],
            ["case", "transfers"], ["case", "transfers", "--json"],
            ["case", "transfer", "1", "--withdraw", "--reason", "Blijft toch in West"],
            ["case", "transfer", "1", "--withdraw", "--reason", "Nog eens"],  // nothing to withdraw
            ["undo", "1"],
            ["case", "open", "--team", "west", "--client", "B. Bakker", "--worker", "bert"],
        ]
        for step in script {
            let here = try local.run(step)
            let there = try client.run(step, environment: remote)
            let said = step.joined(separator: " ")
            #expect(there.status == here.status, "\(said): \(there.err) / \(here.err)")
            if step.contains("--json") {
                // The two records were written moments apart: the same but for their times.
                #expect(Self.withoutTimes(there.out) == Self.withoutTimes(here.out), "\(said)")
                #expect(there.out.count == here.out.count, "\(said): the same JSON, in the same style")
            } else {
                #expect(there.out == here.out, "\(said)")
            }
            #expect(there.err == here.err, "\(said)")
        }
        // The script got somewhere: both cases are in the second phase, with the people mapped.
        for result in [try local.run(["case", "show", "1", "--json"]), try client.run(["case", "show", "1", "--json"], environment: remote)] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
            #expect((object["status"] as? [String: Any])?["phase"] as? String == "mapping", "\(result.out.prefix(400))")
            #expect((object["goals"] as? [Any])?.count == 2)
            #expect((object["resources"] as? [Any])?.count == 1)
        }
        let lists = try [local.run(["case", "list", "--json"]), client.run(["case", "list", "--json"], environment: remote)].map {
            try JSONSerialization.jsonObject(with: Data($0.out.utf8)) as? [[String: Any]]
        }
        #expect(lists[0]?.compactMap { $0["case_id"] as? Int } == [1, 2])
        #expect(lists[1]?.compactMap { $0["case_id"] as? Int } == [1, 2])
        #expect((lists[1]?.first?["client_label"] as? String) == "J. de Vries")

        // The audit trail through the server: the same kinds of answer (the reads differ: the server's are its own).
        let log = try client.run(["audit", "log", "--case", "1"], environment: remote)
        #expect(log.status == 0, "\(log.err)")
        #expect(log.out.hasPrefix("Transitions of case 1:"), "\(log.out)")
        #expect(log.out.contains("Corrections"), "\(log.out)")
        let reads = try client.run(["audit", "access", "--case", "1", "--for-client"], environment: remote)
        #expect(reads.status == 0, "\(reads.err)")
        #expect(reads.out.contains("anna (coordinator) looked at your record"), "\(reads.out)")
        let export = try client.run(["audit", "export", "--format", "csv"], environment: remote)
        #expect(export.status == 0, "\(export.err)")
        #expect(export.out.hasPrefix("event_id,"), "\(export.out.prefix(80))")
        #expect(export.out.contains("regie 0.1.0 server"))

        let calendar = try client.run(["agenda", "--format", "ics"], environment: remote)
        #expect(calendar.out.hasPrefix("BEGIN:VCALENDAR"), "\(calendar.err)")
        #expect(!calendar.out.contains("J. de Vries"))

        // What only works on the workspace says so, and changes nothing.
        let verify = try client.run(["audit", "verify"], environment: remote)
        #expect(verify.status == 2)
        #expect(verify.err.contains("does not work against a server"), "\(verify.err)")

        // Logging out revokes the token on the server and forgets it here.
        let logout = try client.run(["logout"], environment: person)
        #expect(logout.status == 0, "\(logout.err)")
        #expect(try await server.call("GET", "/api/v1/me", token: token).status == 401)
        let after = try client.run(["case", "list"], environment: remote)
        #expect(after.status == 8)
        #expect(after.err.contains("regie login"), "\(after.err)")
    }

    @Test("a login file others can read is refused, and a server address must be https (or http to this machine)")
    func unsafeFileAndAddress() throws {
        let client = Regie(folder: try Regie.temporaryFolder())
        let home = try Regie.temporaryFolder()
        let folder = home.appendingPathComponent(".config/regie")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("credentials.json")
        try Data("[]".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let environment = ["HOME": home.path, "XDG_CONFIG_HOME": "", "REGIE_SERVER": "https://regie.example.org"]
        let refused = try client.run(["case", "list"], environment: environment)
        #expect(refused.status == 7)
        #expect(refused.err.contains("chmod 600"), "\(refused.err)")
        let plain = try client.run(["case", "list", "--server", "http://regie.example.org"], environment: ["HOME": home.path])
        #expect(plain.status == 2)
        #expect(plain.err.contains("not a server address"), "\(plain.err)")
    }

    /// A second team and two more people: bert in west, olga coordinating oost.
    static func addTeamAndPeople(_ regie: Regie) throws {
        let file = regie.folder.appendingPathComponent("regie.yaml")
        var yaml = try String(contentsOf: file, encoding: .utf8)
        let people = yaml.range(of: "people:")!
        yaml.insert(contentsOf: "  - id: \"oost\"\n    name: \"Oost\"\n    workflow: resourcegroep\n    plugins: []\n", at: people.lowerBound)
        let audit = yaml.range(of: "audit:")!
        yaml.insert(contentsOf: "  - id: \"bert\"\n    name: \"Bert Jansen\"\n    role: worker\n    teams: [\"west\"]\n"
                    + "  - id: \"olga\"\n    role: coordinator\n    teams: [\"oost\"]\n", at: audit.lowerBound)
        try yaml.write(to: file, atomically: true, encoding: .utf8)
    }

    /// JSON with every time (`at`, `…_at`) taken out, as canonical text to compare.
    static func withoutTimes(_ json: String) -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !$0.key.hasSuffix("_at") && $0.key != "at" }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8)),
              let data = try? JSONSerialization.data(withJSONObject: strip(value), options: [.sortedKeys])
        else { return "not JSON: " + json }
        return String(decoding: data, as: UTF8.self)
    }
}
