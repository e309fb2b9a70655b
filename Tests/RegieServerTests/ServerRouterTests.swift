import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import GRDB
import Logging
import Testing
@testable import RegieApp
@testable import RegieServer
import RegieCore
import RegieStore

@Suite("The server's routes")
struct ServerRouterTests {
    @Test("Every answer, errors included, carries the security headers and no-store; HSTS only on https")
    func securityHeaders() async throws {
        let bench = try await ServerBench()
        try await bench.application().test(.router) { client in
            for response in [try await client.call(.get, "/healthz", token: nil), try await client.call(.get, "/api/v1/nothing", token: nil),
                             try await client.call(.get, "/nowhere", token: nil)] {
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.strictTransportSecurity] == nil)
            }
        }
        var tls = bench.workspace
        tls.server.publicURL = URL(string: "https://regie.example.org")
        try await bench.application(tls).test(.router) { client in
            let response = try await client.call(.get, "/healthz", token: nil)
            #expect(response.headers[.strictTransportSecurity]?.hasPrefix("max-age=") == true)
        }
    }

    @Test("Without a valid token nothing is shown: 401 with problem details and WWW-Authenticate")
    func unauthenticated() async throws {
        let bench = try await ServerBench()
        let expired = try await bench.token(for: "anna", days: 1)
        let later = Date().addingTimeInterval(2 * 86_400)
        try await bench.application().test(.router) { client in
            for token in [nil, "regie_short", "regie_" + String(repeating: "A", count: 43), "Basic abc"] as [String?] {
                let response = try await client.call(.get, "/api/v1/cases", token: token)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"regie\"")
                #expect(response.headers[.contentType]?.hasPrefix("application/problem+json") == true)
                #expect(["not_signed_in", "token_invalid"].contains(response.object["code"] as? String))
                #expect(response.object["exit_code"] as? Int == 8)
                #expect(response.object["status"] as? Int == 401)
            }
            #expect(try await client.call(.get, "/api/v1/me", token: expired).status == .ok)
        }
        // The same token, a day after it expired.
        try await Application(router: try await RegieServerApplication.testRouter(
            workspace: bench.workspace, store: bench.store, logger: ServerBench.quiet, fixedNow: later)).test(.router) { client in
            let response = try await client.call(.get, "/api/v1/me", token: expired)
            #expect(response.status == .unauthorized)
            #expect(response.object["code"] as? String == "token_invalid")
        }
        #expect(try bench.reads(by: "anna") == 0)
    }

    @Test("A revoked token is out at once, and every use of a token is recorded")
    func revocation() async throws {
        let bench = try await ServerBench()
        let token = try await bench.token(for: "anna")
        try await bench.application().test(.router) { client in
            let made = try await client.call(.post, "/api/v1/tokens", token: token, json: #"{"name": "script", "days": 7}"#)
            #expect(made.status == .created)
            let secret = try #require(made.object["secret"] as? String)
            let id = try #require(made.object["id"] as? String)
            #expect(try await client.call(.get, "/api/v1/me", token: secret).status == .ok)
            let listed = try await client.call(.get, "/api/v1/tokens", token: token)
            #expect(listed.text.contains(id))
            #expect(!listed.text.contains(secret))
            #expect(!listed.text.contains("secret"))
            #expect(try await client.call(.delete, "/api/v1/tokens/\(id)", token: token).status == .noContent)
            #expect(try await client.call(.get, "/api/v1/me", token: secret).status == .unauthorized)
            #expect(try await client.call(.delete, "/api/v1/tokens/\(id)", token: token).status == .notFound)
            #expect(try await client.call(.post, "/api/v1/tokens", token: token, json: #"{"name": "x", "days": 4000}"#).status == .badRequest)
        }
        let tokens = try await bench.store.tokens(of: "anna")
        let first = try #require(tokens.first { $0.name == "test" })
        #expect(try await bench.store.tokenUseCount(id: first.id) == 5)
        #expect(first.lastUsedAt != nil)
    }

    @Test("A person removed by config apply is out at once: tokens revoked, sessions ended, the change recorded with who made it")
    func removedPerson() async throws {
        let bench = try await ServerBench()
        let token = try await bench.token(for: "anna")
        var without = bench.workspace
        without.people.removeAll { $0.id == "anna" }
        // Before it is applied, the server does not trust the changed file.
        await #expect(throws: RegieError.self) { _ = try await bench.application(without) }
        let running = try await bench.application()
        try await bench.apply(without)
        // A server started before the change, still on the old file, and one started on the new.
        for app in [running, try await bench.application(without)] as [any ApplicationProtocol] {
            try await app.test(.router) { client in
                let response = try await client.call(.get, "/api/v1/me", token: token)
                #expect(response.status == .unauthorized)
            }
        }
        let recorded = try await bench.store.configurations()
        #expect(recorded.map(\.version) == [1, 2])
        #expect(recorded.last?.appliedBy == "karim")
        #expect(recorded.last?.changes.contains("person_removed") == true)
        #expect(try await bench.store.tokens(of: "anna").allSatisfy { $0.revokedAt != nil })
    }

    @Test("Granting a team is recorded; only a coordinator applies; a stale apply is refused")
    func configChanges() async throws {
        let bench = try await ServerBench()
        var moved = bench.workspace
        let index = try #require(moved.people.firstIndex { $0.id == "bob" })
        moved.people[index].teams = ["oost", "west"]
        let session = try CaseSession(workspace: moved, request: RegieApp.Request(actorID: "bob", now: Date()), sharedStore: bench.store)
        await #expect(throws: RegieError.self) { _ = try await session.applyConfiguration() }
        let status = try await CaseSession(workspace: moved, request: RegieApp.Request(actorID: "karim", now: Date()), sharedStore: bench.store)
            .configurationStatus()
        #expect(status.version == 1)
        #expect(status.pending.map(\.kind) == ["teams_granted"])
        try await bench.apply(moved)
        #expect(try await bench.store.latestConfiguration()?.version == 2)
        let bobToken = try await bench.token(for: "bob")
        let caseID = try await bench.openCase(team: "west", as: "anna")
        try await bench.application(moved).test(.router) { client in
            let response = try await client.call(.get, "/api/v1/cases/\(caseID)", token: bobToken)
            #expect(response.status == .ok)
        }
    }

    @Test("A running server picks up access granted by config apply, and not a regie.yaml that was only edited")
    func grantedWhileRunning() async throws {
        let bench = try await ServerBench()
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let bobToken = try await bench.token(for: "bob")
        let file = bench.folder.appendingPathComponent("regie.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        let granted = original.replacingOccurrences(of: "  - id: bob\n    role: worker\n    teams: [oost]",
                                                    with: "  - id: bob\n    role: worker\n    teams: [oost, west]")
        try #require(granted != original)
        let application = try await bench.application(checkEvery: 0)
        // Edited but not applied: not trusted, so nothing changes.
        try granted.write(to: file, atomically: true, encoding: .utf8)
        let edited = try WorkspaceLoader.load(from: bench.folder), store = bench.store
        try await application.test(.router) { client in
            #expect(try await client.call(.get, "/api/v1/cases/\(caseID)", token: bobToken).status == .forbidden)
            let coordinator = try CaseSession(workspace: edited, request: RegieApp.Request(actorID: "karim", now: Date()), sharedStore: store)
            _ = try await coordinator.applyConfiguration()
            let after = try await client.call(.get, "/api/v1/cases/\(caseID)", token: bobToken)
            #expect(after.status == .ok, "\(after.text.prefix(300))")
        }
    }

    @Test("A person of another team gets 403 on every endpoint of a case, and nothing is logged as shown")
    func otherTeam() async throws {
        let bench = try await ServerBench()
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let bob = try await bench.token(for: "bob")
        try await bench.application().test(.router) { client in
            let calls: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/v1/cases/\(caseID)", nil),
                (.post, "/api/v1/cases/\(caseID)/goals", #"{"text": "Walk again", "term": "short", "worded_by": "client"}"#),
                (.patch, "/api/v1/cases/\(caseID)/goals/1", #"{"status": "dropped"}"#),
                (.put, "/api/v1/cases/\(caseID)/checklist/goals_in_own_words", nil),
                (.delete, "/api/v1/cases/\(caseID)/checklist/goals_in_own_words", nil),
                (.post, "/api/v1/cases/\(caseID)/moves", #"{"move": "advance"}"#),
                (.post, "/api/v1/cases/\(caseID)/resources", #"{"label": "Moeder", "relation": "mother", "kind": "informal"}"#),
                (.patch, "/api/v1/cases/\(caseID)/resources/1", #"{"contact": "willing"}"#),
                (.delete, "/api/v1/cases/\(caseID)/resources/1", nil),
                (.put, "/api/v1/cases/\(caseID)/resources/1/member", #"{"client_chose": true}"#),
                (.post, "/api/v1/cases/\(caseID)/resources/1/leave", #"{"reason": "moved"}"#),
                (.post, "/api/v1/cases/\(caseID)/questions", #"{"text": "Wie kan koken?"}"#),
                (.patch, "/api/v1/cases/\(caseID)/questions/1", #"{"text": "Wie kookt?"}"#),
                (.put, "/api/v1/cases/\(caseID)/questions/1/owner", #"{"owner": 1}"#),
                (.put, "/api/v1/cases/\(caseID)/questions/1/status", #"{"status": "done"}"#),
                (.post, "/api/v1/cases/\(caseID)/meetings", #"{"on": "2027-03-01"}"#),
                (.patch, "/api/v1/cases/\(caseID)/meetings/1", #"{"on": "2027-03-02"}"#),
                (.post, "/api/v1/cases/\(caseID)/meetings/1/held", #"{"on": "2027-03-02", "attendees": [1]}"#),
                (.post, "/api/v1/cases/\(caseID)/meetings/1/cancel", #"{"reason": "ill"}"#),
                (.post, "/api/v1/cases/\(caseID)/time", #"{"minutes": 30, "activity": "contact", "on": "2027-03-01"}"#),
                (.post, "/api/v1/cases/\(caseID)/undo", nil),
                (.patch, "/api/v1/cases/\(caseID)", #"{"client_label": "X"}"#),
                (.post, "/api/v1/cases/\(caseID)/meetings/1/correction", #"{"attendees": [1]}"#),
                (.get, "/api/v1/cases/\(caseID)/time", nil),
                (.patch, "/api/v1/cases/\(caseID)/time/1", #"{"minutes": 20}"#),
                (.post, "/api/v1/cases/\(caseID)/time/1/withdraw", #"{"reason": "wrong case"}"#),
                (.post, "/api/v1/cases/\(caseID)/reminders/1/done", nil),
                (.post, "/api/v1/cases/\(caseID)/reminders/1/dismiss", #"{"reason": "not for us"}"#),
                (.get, "/api/v1/cases/\(caseID)/checklist", nil),
                (.get, "/api/v1/cases/\(caseID)/migration", nil),
                (.post, "/api/v1/cases/\(caseID)/migration", nil),
                (.patch, "/api/v1/cases/\(caseID)/workers", #"{"worker": "bob"}"#),
                (.post, "/api/v1/cases/\(caseID)/transfer", #"{"to_team": "oost", "reason": "moved"}"#),
                (.post, "/api/v1/cases/\(caseID)/transfer/withdraw", #"{"reason": "no"}"#),
                (.get, "/api/v1/cases/\(caseID)/plan", nil),
                (.get, "/api/v1/cases/\(caseID)/plan?format=html", nil),
                (.get, "/api/v1/audit/access?case=\(caseID)", nil),
                (.get, "/api/v1/audit/log?case=\(caseID)", nil),
                (.get, "/api/v1/reports/team?team=west", nil),
            ]
            for (method, uri, json) in calls {
                let response = try await client.call(method, uri, token: bob, json: json, headers: [.ifMatch: "\"1\""])
                #expect(response.status == .forbidden, "\(method) \(uri)")
                #expect(response.object["code"] as? String == "not_team_member")
                #expect(!response.text.contains("Client"))
            }
            let list = try await client.call(.get, "/api/v1/cases?team=west", token: bob)
            #expect(list.status == .forbidden)
            // Without a pending offer to his team, bob learns only that there is none for him.
            for action in ["accept", "decline"] {
                let response = try await client.call(.post, "/api/v1/cases/\(caseID)/transfer/\(action)", token: bob,
                                                     json: action == "accept" ? "{}" : #"{"reason": "no"}"#, headers: [.ifMatch: "*"])
                #expect(response.status == .forbidden, "\(action)")
                #expect(response.object["code"] as? String == "no_transfer_for_you")
            }
            // An export is for coordinators and auditors only: bob is refused before any case is looked at.
            let export = try await client.call(.get, "/api/v1/audit/export?case=\(caseID)", token: bob)
            #expect(export.status == .forbidden)
            #expect(export.object["code"] as? String == "scope_needs_coordinator")
            let transfers = try await client.call(.get, "/api/v1/transfers", token: bob)
            #expect((transfers.object["transfers"] as? [Any])?.isEmpty == true)
            let own = try await client.call(.get, "/api/v1/cases", token: bob)
            #expect(own.status == .ok)
            #expect((own.object["cases"] as? [Any])?.isEmpty == true)
        }
        // Bob's own (empty) list is a read across cases; nothing of team west was shown to him.
        let queue = try DatabaseQueueReader(bench)
        #expect(try queue.count("SELECT count(*) FROM access_log WHERE actor = 'bob' AND case_id IS NOT NULL") == 0)
    }

    @Test("A case's version is its ETag; a change needs If-Match, a stale one is 412, nothing changes")
    func versions() async throws {
        let bench = try await ServerBench()
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let anna = try await bench.token(for: "anna")
        try await bench.application().test(.router) { client in
            let shown = try await client.call(.get, "/api/v1/cases/\(caseID)", token: anna)
            #expect(shown.status == .ok)
            #expect(shown.headers[.eTag] == "\"1\"")
            #expect(shown.object["version"] as? Int == 1)
            let goal = #"{"text": "Walk to the market again", "term": "short", "worded_by": "client"}"#
            let missing = try await client.call(.post, "/api/v1/cases/\(caseID)/goals", token: anna, json: goal)
            #expect(missing.status.code == 428)
            #expect(missing.object["code"] as? String == "version_required")
            let added = try await client.call(.post, "/api/v1/cases/\(caseID)/goals", token: anna, json: goal, headers: [.ifMatch: "\"1\""])
            #expect(added.status == .created)
            #expect(added.headers[.eTag] == "\"2\"")
            #expect(added.object["recorded"] as? [String] == ["goal_added"])
            let stale = try await client.call(.post, "/api/v1/cases/\(caseID)/goals", token: anna, json: goal, headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            #expect(stale.object["code"] as? String == "version_mismatch")
            #expect(stale.object["exit_code"] as? Int == 5)
            let now = try await client.call(.get, "/api/v1/cases/\(caseID)", token: anna)
            #expect(now.headers[.eTag] == "\"2\"")
            #expect((now.object["goals"] as? [Any])?.count == 1)
        }
    }

    @Test("Refusals of the rules and bad input keep the command line's codes, in the asker's language")
    func problems() async throws {
        let bench = try await ServerBench()
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let anna = try await bench.token(for: "anna")
        try await bench.application().test(.router) { client in
            let refused = try await client.call(.post, "/api/v1/cases/\(caseID)/moves", token: anna, json: #"{"move": "advance"}"#,
                                                headers: [.ifMatch: "\"1\"", .acceptLanguage: "nl-NL,nl;q=0.9"])
            #expect(refused.status == .conflict)
            #expect(refused.object["code"] as? String == "move_refused")
            #expect(refused.object["exit_code"] as? Int == 3)
            #expect((refused.object["detail"] as? String)?.contains("Casus") == true)
            let unknownField = try await client.call(.post, "/api/v1/cases/\(caseID)/goals", token: anna,
                                                     json: #"{"text": "x", "term": "short", "wordedby": "client"}"#, headers: [.ifMatch: "\"1\""])
            #expect(unknownField.status == .badRequest)
            #expect((unknownField.object["detail"] as? String)?.contains("wordedby") == true)
            let badValue = try await client.call(.post, "/api/v1/cases/\(caseID)/goals", token: anna,
                                                 json: #"{"text": "x", "term": "soon", "worded_by": "client"}"#, headers: [.ifMatch: "\"1\""])
            #expect(badValue.status == .badRequest)
            #expect((badValue.object["detail"] as? String)?.contains("term") == true)
            #expect(!badValue.text.contains("soon"))
            let notJSON = try await client.call(.post, "/api/v1/cases", token: anna, json: "team=west")
            #expect(notJSON.status == .badRequest)
            let big = String(repeating: "x", count: 300 * 1024)
            let tooLarge = try await client.call(.post, "/api/v1/cases", token: anna, json: #"{"team": "west", "client_label": "\#(big)"}"#)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.object["code"] as? String == "request_too_large")
            let noCase = try await client.call(.get, "/api/v1/cases/999", token: anna)
            #expect(noCase.status == .notFound)
            #expect(noCase.object["code"] as? String == "case_not_found")
            let badNumber = try await client.call(.get, "/api/v1/cases/abc", token: anna)
            #expect(badNumber.status == .badRequest)
            let national = try await client.call(.post, "/api/v1/cases", token: anna, json: #"{"team": "west", "client_label": "111222333"}"#)
            #expect(national.status == .badRequest)
            #expect(national.object["code"] as? String == "national_identifier")
        }
    }

    @Test("The case list comes in pages, and only the cases on a page are logged as read")
    func pages() async throws {
        let bench = try await ServerBench()
        for _ in 0..<3 { _ = try await bench.openCase(team: "west", as: "anna") }
        let anna = try await bench.token(for: "anna")
        try await bench.application().test(.router) { client in
            let first = try await client.call(.get, "/api/v1/cases?limit=2", token: anna)
            #expect(first.status == .ok)
            #expect((first.object["cases"] as? [[String: Any]])?.compactMap { $0["case_id"] as? Int } == [1, 2])
            let next = try #require(first.object["next"] as? String)
            #expect(next.contains("after=2"))
            let second = try await client.call(.get, next, token: anna)
            #expect((second.object["cases"] as? [[String: Any]])?.compactMap { $0["case_id"] as? Int } == [3])
            #expect(second.object["next"] == nil)
            #expect(try await client.call(.get, "/api/v1/cases?limit=0", token: anna).status == .badRequest)
            #expect(try await client.call(.get, "/api/v1/cases?phase=later", token: anna).status == .badRequest)
        }
        let queue = try DatabaseQueueReader(bench)
        #expect(try queue.count("SELECT count(*) FROM access_log WHERE actor = 'anna' AND action = 'api case list'") == 3)
    }

    @Test("A case goes from opening to mapping through the API, as on the command line")
    func walkthrough() async throws {
        let bench = try await ServerBench()
        let anna = try await bench.token(for: "anna")
        try await bench.application().test(.router) { client in
            let opened = try await client.call(.post, "/api/v1/cases", token: anna, json: #"{"team": "west", "client_label": "Mevrouw A"}"#)
            #expect(opened.status == .created)
            let caseID = try #require(opened.object["case_id"] as? Int)
            #expect(opened.headers[.location] == "/api/v1/cases/\(caseID)")
            var version = 1
            func send(_ method: HTTPRequest.Method, _ path: String, _ json: String? = nil) async throws -> TestResponse {
                let response = try await client.call(method, "/api/v1/cases/\(caseID)\(path)", token: anna, json: json, headers: [.ifMatch: "\"\(version)\""])
                if let tag = response.headers[.eTag], let next = Int(tag.dropFirst().dropLast()) { version = next }
                return response
            }
            #expect(try await send(.post, "/goals", #"{"text": "Weer naar de markt", "term": "short", "worded_by": "client"}"#).status == .created)
            #expect(try await send(.patch, "/goals/1", #"{"term": "long"}"#).status == .ok)
            #expect(try await send(.post, "/goals", #"{"text": "Mijn zus bellen", "term": "short", "worded_by": "client"}"#).status == .created)
            let detail = try await client.call(.get, "/api/v1/cases/\(caseID)", token: anna)
            let items = (detail.object["checklist"] as? [[String: Any]]) ?? []
            for item in items where (item["derived"] as? Bool) != true && (item["holds"] as? Bool) != true {
                let id = try #require(item["id"] as? String)
                #expect(try await send(.put, "/checklist/\(id)").status == .ok)
            }
            let moved = try await send(.post, "/moves", #"{"move": "advance"}"#)
            #expect(moved.status == .ok, "\(moved.text)")
            #expect(moved.object["recorded"] as? [String] == ["transitioned"])
            let after = try await client.call(.get, "/api/v1/cases/\(caseID)", token: anna)
            #expect((after.object["status"] as? [String: Any])?["phase"] as? String == "mapping")
            let agenda = try await client.call(.get, "/api/v1/agenda?days=30", token: anna)
            #expect(agenda.status == .ok)
            // The people around the client, a question for them, a meeting, time spent (on the
            // teams' calendar: today, and a month or so ahead).
            func day(_ offset: Int) -> String {
                let format = DateFormatter()
                format.dateFormat = "yyyy-MM-dd"
                format.timeZone = TimeZone(identifier: "Europe/Amsterdam")
                return format.string(from: Date().addingTimeInterval(Double(offset) * 86_400))
            }
            let mapped = try await send(.post, "/resources", #"{"label": "Zus Ans", "relation": "sister", "kind": "informal"}"#)
            #expect(mapped.status == .created, "\(mapped.text)")
            let resource = try #require(mapped.object["created"] as? Int)
            #expect(try await send(.patch, "/resources/\(resource)", #"{"contact": "willing", "one_to_one": true, "can": "Koken"}"#).status == .ok)
            let unknown = try await send(.patch, "/resources/99", #"{"contact": "willing"}"#)
            #expect(unknown.status == .notFound)
            let asked = try await send(.post, "/questions", #"{"text": "Wie kan op dinsdag koken?", "owner": \#(resource)}"#)
            #expect(asked.status == .created, "\(asked.text)")
            let question = try #require(asked.object["created"] as? Int)
            #expect(try await send(.patch, "/questions/\(question)", #"{"text": "Wie kookt op dinsdag?"}"#).status == .ok)
            #expect(try await send(.put, "/questions/\(question)/status", #"{"status": "accepted"}"#).status == .ok)
            let wrongStatus = try await send(.put, "/questions/\(question)/status", #"{"status": "maybe"}"#)
            #expect(wrongStatus.status == .badRequest)
            let planned = try await send(.post, "/meetings", #"{"on": "\#(day(30))"}"#)
            #expect(planned.status == .created, "\(planned.text)")
            let meeting = try #require(planned.object["created"] as? Int)
            #expect(try await send(.patch, "/meetings/\(meeting)", #"{"on": "\#(day(37))"}"#).status == .ok)
            #expect(try await send(.post, "/meetings/\(meeting)/cancel", #"{"reason": "De cliënt is ziek"}"#).status == .ok)
            let logged = try await send(.post, "/time", #"{"minutes": 45, "activity": "conversation", "on": "\#(day(0))"}"#)
            #expect(logged.status == .created, "\(logged.text)")
            #expect(logged.object["recorded"] as? [String] == ["time_logged"])
            let undone = try await send(.post, "/undo")
            #expect(undone.status == .ok, "\(undone.text)")
            #expect(undone.object["recorded"] as? [String] == ["undone"])
            // The case as the command line prints it, when asked for text.
            let text = try await client.call(.get, "/api/v1/cases/\(caseID)", token: anna, headers: [.accept: "text/plain"])
            #expect(text.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(text.text.contains("Zus Ans"))
            let shown = try await client.call(.get, "/api/v1/cases/\(caseID)", token: anna)
            let resources = (shown.object["resources"] as? [[String: Any]]) ?? []
            #expect(resources.first?["contact"] as? String == "willing", "\(resources)")
            #expect((shown.object["time"] as? [Any])?.isEmpty ?? true, "the undone time entry is gone")
        }
    }
}

/// Reads the bench's SQLite file directly, as an auditor's query would.
struct DatabaseQueueReader {
    let path: String
    init(_ bench: ServerBench) throws { path = bench.folder.appendingPathComponent("regie.sqlite").path }

    func count(_ sql: String) throws -> Int {
        let queue = try GRDB.DatabaseQueue(path: path)
        return try queue.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }
}

@Suite("Cases kept in memory for the agenda")
struct ReplayedStatesTests {
    @Test("An agenda replays a case once per version: a kept case is used again until it changes, and the memory is bounded")
    func keptUntilChanged() async throws {
        let bench = try await ServerBench()
        let replays = ReplayedStates(capacity: 8)
        func session() throws -> CaseSession {
            try CaseSession(workspace: bench.workspace, request: RegieApp.Request(actorID: "anna", now: Date()), sharedStore: bench.store,
                            replays: replays)
        }
        let first = try await bench.openCase(team: "west", as: "anna")
        let second = try await bench.openCase(team: "west", as: "anna")
        let soon = LocalDate(daysSinceEpoch: try session().today.daysSinceEpoch + 5)
        for id in [first, second] { _ = try await session().perform(.planMeeting(on: soon), on: id) }
        let before = try await session().agenda(.init(), withinDays: 14)
        #expect(before.map(\.meetings.count) == [1, 1])
        #expect(replays.count == 2)
        // A change makes a new version: the kept state is not used for it.
        _ = try await session().perform(.planMeeting(on: LocalDate(daysSinceEpoch: soon.daysSinceEpoch + 1)), on: first)
        let after = try await session().agenda(.init(), withinDays: 14)
        #expect(after.map(\.meetings.count) == [2, 1])
        for _ in 0..<12 {
            let id = try await bench.openCase(team: "west", as: "anna")
            _ = try await session().perform(.planMeeting(on: soon), on: id)
        }
        #expect(try await session().agenda(.init(), withinDays: 14).count == 14)
        #expect((1...8).contains(replays.count))
    }
}
