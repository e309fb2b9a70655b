import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import RegieApp
import RegieCore

/// The API beyond the day-to-day work: corrections, who holds a case and handovers, the
/// reports, the audit trail and migrations, each through the command line's core.
@Suite("Corrections, handovers, reports and the audit trail through the API")
struct CaseRecordRouterTests {
    static let yaml = ServerBench.yaml.replacingOccurrences(of: "  - id: bob\n", with: """
          - id: olga
            name: Olga
            role: coordinator
            teams: [oost]
          - id: bob

        """)

    @Test("Time corrected and withdrawn, the client relabelled, unknown meetings and reminders refused, the checklist and migration plan read")
    func corrections() async throws {
        let bench = try await ServerBench(yaml: Self.yaml)
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let anna = try await bench.token(for: "anna")
        try await bench.application().test(.router) { client in
            func send(_ method: HTTPRequest.Method, _ path: String, _ json: String? = nil) async throws -> TestResponse {
                try await client.call(method, "/api/v1/cases/\(caseID)\(path)", token: anna, json: json, headers: [.ifMatch: "*"])
            }
            let today = LocalDate(dayOf: Date(), in: TimeZone(identifier: "Europe/Amsterdam")!).description
            #expect(try await send(.post, "/time", #"{"minutes": 45, "activity": "contact", "on": "\#(today)"}"#).status == .created)
            let corrected = try await send(.patch, "/time/1", #"{"minutes": 20}"#)
            #expect(corrected.status == .ok, "\(corrected.text)")
            #expect(corrected.object["recorded"] as? [String] == ["time_corrected"])
            let time = try await client.call(.get, "/api/v1/cases/\(caseID)/time", token: anna)
            #expect(time.object["total_minutes"] as? Int == 20)
            let asText = try await client.call(.get, "/api/v1/cases/\(caseID)/time", token: anna, headers: [.accept: "text/plain"])
            #expect(asText.text.hasSuffix("Total: 20m\n"), "\(asText.text)")
            #expect(try await send(.patch, "/time/1", "{}").status == .badRequest)
            #expect(try await send(.post, "/time/1/withdraw", #"{"reason": "Wrong case"}"#).status == .ok)
            #expect(try await client.call(.get, "/api/v1/cases/\(caseID)/time", token: anna).object["total_minutes"] as? Int == 0)
            let relabelled = try await send(.patch, "", #"{"client_label": "Mw. B", "reference": "DOS-12"}"#)
            #expect(relabelled.object["client_label"] as? String == "Mw. B")
            #expect(relabelled.object["reference"] as? String == "DOS-12")
            let national = try await send(.patch, "", #"{"client_label": "111222333"}"#)
            #expect(national.object["code"] as? String == "national_identifier")
            let noReminder = try await send(.post, "/reminders/7/done")
            #expect(noReminder.status == .notFound, "\(noReminder.text)")
            let noMeeting = try await send(.post, "/meetings/3/correction", #"{"attendees": [1]}"#)
            #expect(noMeeting.status == .notFound, "\(noMeeting.text)")
            let checklist = try await client.call(.get, "/api/v1/cases/\(caseID)/checklist?phase=mapping", token: anna)
            #expect(checklist.object["phase"] as? String == "mapping")
            #expect(!((checklist.object["items"] as? [Any]) ?? []).isEmpty)
            let migration = try await client.call(.get, "/api/v1/cases/\(caseID)/migration", token: anna)
            #expect(migration.object["unchanged"] as? Bool == true, "\(migration.text)")
            // Nothing to apply: the case stays as it is.
            let applied = try await send(.post, "/migration")
            #expect(applied.status == .ok, "\(applied.text)")
            #expect(applied.object["migrated"] as? Bool == false)
        }
    }

    @Test("A case held by another worker, offered to another team, accepted there by its coordinator, and then out of reach")
    func handover() async throws {
        let bench = try await ServerBench(yaml: Self.yaml)
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let anna = try await bench.token(for: "anna"), olga = try await bench.token(for: "olga")
        try await bench.application().test(.router) { client in
            let assigned = try await client.call(.patch, "/api/v1/cases/\(caseID)/workers", token: anna, json: #"{"second_worker": "karim"}"#,
                                                 headers: [.ifMatch: "*"])
            let holder = assigned.object["holder"] as? [String: Any]
            #expect(holder?["worker"] as? String == "anna")
            #expect(holder?["worker_name"] as? String == "Anna")
            #expect(holder?["second_worker"] as? String == "karim")
            let outsider = try await client.call(.patch, "/api/v1/cases/\(caseID)/workers", token: anna, json: #"{"worker": "olga"}"#,
                                                 headers: [.ifMatch: "*"])
            #expect(outsider.status.code >= 400, "a worker of another team cannot hold the case")
            let both = try await client.call(.patch, "/api/v1/cases/\(caseID)/workers", token: anna,
                                             json: #"{"second_worker": "karim", "remove_second": true}"#, headers: [.ifMatch: "*"])
            #expect(both.status == .badRequest)
            let offered = try await client.call(.post, "/api/v1/cases/\(caseID)/transfer", token: anna,
                                                json: #"{"to_team": "oost", "reason": "Moved to Oost"}"#, headers: [.ifMatch: "*"])
            #expect(offered.status == .ok, "\(offered.text)")
            #expect((offered.object["holder"] as? [String: Any])?["transfer_to"] as? String == "oost")
            // Olga sees the offer, no more: not the case itself.
            let offers = try await client.call(.get, "/api/v1/transfers", token: olga)
            let offer = try #require((offers.object["transfers"] as? [[String: Any]])?.first)
            #expect(offer["incoming"] as? Bool == true)
            #expect(offer["requested_by_name"] as? String == "Anna")
            #expect(try await client.call(.get, "/api/v1/cases/\(caseID)", token: olga).status == .forbidden)
            let accepted = try await client.call(.post, "/api/v1/cases/\(caseID)/transfer/accept", token: olga, json: "{}",
                                                 headers: [.ifMatch: "*"])
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect((accepted.object["holder"] as? [String: Any])?["team"] as? String == "oost")
            #expect((accepted.object["holder"] as? [String: Any])?["worker"] as? String == "olga")
            #expect(try await client.call(.get, "/api/v1/cases/\(caseID)", token: olga).status == .ok)
            #expect(try await client.call(.get, "/api/v1/cases/\(caseID)", token: anna).status == .forbidden)
        }
    }

    @Test("A declined handover answers the receiving team no more than the version")
    func declined() async throws {
        let bench = try await ServerBench(yaml: Self.yaml)
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let anna = try await bench.token(for: "anna"), olga = try await bench.token(for: "olga")
        try await bench.application().test(.router) { client in
            _ = try await client.call(.post, "/api/v1/cases/\(caseID)/transfer", token: anna, json: #"{"to_team": "oost", "reason": "Moved"}"#,
                                      headers: [.ifMatch: "*"])
            let declined = try await client.call(.post, "/api/v1/cases/\(caseID)/transfer/decline", token: olga, json: #"{"reason": "Full"}"#,
                                                 headers: [.ifMatch: "*"])
            #expect(declined.status == .ok, "\(declined.text)")
            #expect(declined.object["recorded"] as? [String] == ["transfer_declined"])
            for field in ["status", "holder", "client_label", "reference"] { #expect(declined.object[field] == nil, "\(field)") }
            #expect(!declined.text.contains("Client"))
        }
    }

    @Test("The plan and the team report in every format; an HTML page may use only its own stylesheet")
    func reports() async throws {
        let bench = try await ServerBench(yaml: Self.yaml)
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let anna = try await bench.token(for: "anna"), karim = try await bench.token(for: "karim")
        try await bench.application().test(.router) { client in
            let json = try await client.call(.get, "/api/v1/cases/\(caseID)/plan", token: anna)
            #expect(json.status == .ok)
            #expect(json.object["client"] != nil, "\(json.text.prefix(200))")
            let html = try await client.call(.get, "/api/v1/cases/\(caseID)/plan?format=html", token: anna)
            #expect(html.headers[.contentType] == "text/html; charset=utf-8")
            let policy = try #require(html.headers[.contentSecurityPolicy])
            #expect(policy.contains("style-src 'sha256-") && !policy.contains("unsafe"), "\(policy)")
            #expect(html.text.contains("<style>"))
            #expect(html.headers[.cacheControl] == "no-store")
            let dot = try await client.call(.get, "/api/v1/cases/\(caseID)/plan?format=dot", token: anna)
            #expect(dot.text.hasPrefix("digraph") || dot.text.hasPrefix("graph"), "\(dot.text.prefix(40))")
            #expect(try await client.call(.get, "/api/v1/cases/\(caseID)/plan?format=pdf", token: anna).status == .badRequest)
            let team = try await client.call(.get, "/api/v1/reports/team?team=west&format=text", token: karim)
            #expect(team.status == .ok)
            #expect(team.headers[.contentType]?.hasPrefix("text/plain") == true)
            let teamJSON = try await client.call(.get, "/api/v1/reports/team", token: karim)
            #expect(teamJSON.object["teams"] as? [String] == ["west"], "\(teamJSON.text.prefix(300))")
            #expect(try await client.call(.get, "/api/v1/reports/team?since=yesterday", token: karim).status == .badRequest)
        }
        // Each report read is logged: the plan per case, the team report across cases.
        let queue = try DatabaseQueueReader(bench)
        #expect(try queue.count("SELECT count(*) FROM access_log WHERE actor = 'anna' AND action = 'api report case'") == 3)
        #expect(try queue.count("SELECT count(*) FROM access_log WHERE actor = 'karim' AND action = 'report team'") == 2)
    }

    @Test("The audit trail: a case's reads for its team, the export and log across cases for its coordinator, each read logged")
    func audit() async throws {
        let bench = try await ServerBench(yaml: Self.yaml)
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let anna = try await bench.token(for: "anna"), karim = try await bench.token(for: "karim")
        try await bench.application().test(.router) { client in
            _ = try await client.call(.get, "/api/v1/cases/\(caseID)", token: anna)
            let reads = try await client.call(.get, "/api/v1/audit/access?case=\(caseID)", token: anna)
            let entries = (reads.object["entries"] as? [[String: Any]]) ?? []
            #expect(entries.contains { $0["action"] as? String == "api case show" && $0["actor_name"] as? String == "Anna" && $0["address"] != nil })
            // Across cases is for coordinators.
            #expect(try await client.call(.get, "/api/v1/audit/access", token: anna).status == .forbidden)
            #expect(try await client.call(.get, "/api/v1/audit/access", token: karim).status == .ok)
            let csv = try await client.call(.get, "/api/v1/audit/export?format=csv", token: karim)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix(AuditExportRecord.columns.joined(separator: ",") + "\n"))
            #expect(csv.text.contains("case-\(caseID)-v1"))
            let jsonl = try await client.call(.get, "/api/v1/audit/export", token: karim)
            let first = try #require(jsonl.text.split(separator: "\n").first)
            #expect((try? JSONSerialization.jsonObject(with: Data(first.utf8))) is [String: Any])
            let log = try await client.call(.get, "/api/v1/audit/log?case=\(caseID)", token: anna)
            #expect(log.object["transitions"] is [Any])
            let text = try await client.call(.get, "/api/v1/audit/log?case=\(caseID)", token: anna, headers: [.accept: "text/plain"])
            #expect(text.text.hasPrefix("Transitions of case \(caseID):"))
        }
        let queue = try DatabaseQueueReader(bench)
        #expect(try queue.count("SELECT count(*) FROM access_log WHERE actor = 'karim' AND action = 'audit export'") == 2)
    }
}
