import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `regie serve` as a process on a free loopback port, as an operator starts it.
final class RunningServer: @unchecked Sendable {  // immutable once started
    let process: Process
    let base: String
    private let output: Pipe

    /// Starts the server in the workspace and waits (up to 60 s) for the line that says where it listens.
    /// The workspace's people, teams and roles are recorded first (`regie config apply` by anna, its coordinator).
    init(_ regie: Regie, environment extra: [String: String] = [:]) throws {
        let applied = try regie.run(["config", "apply"])
        guard applied.status == 0 else { throw ServerError("regie config apply failed: \(applied.err)") }
        process = Process()
        process.executableURL = Regie.binary
        process.arguments = ["serve", "--listen", "127.0.0.1:0"]
        process.currentDirectoryURL = regie.folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "REGIE_WORKSPACE")
        environment.merge(extra) { $1 }
        process.environment = environment
        output = Pipe()
        process.standardOutput = output
        // The logs go to a file: a pipe nobody reads would fill up and stop the server.
        let log = regie.folder.appendingPathComponent("serve-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        var seen = Data()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { continue }
            seen.append(chunk)
            let text = String(decoding: seen, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Listening on ") }) {
                base = String(line.dropFirst("Listening on ".count))
                return
            }
        }
        process.terminate()
        let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        throw ServerError("regie serve did not say where it listens: \(String(decoding: seen, as: UTF8.self)) \(said)")
    }

    /// Sends SIGTERM and waits for the process to end. - Returns: its exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }

    struct ServerError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: String
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    /// One request to the server.
    func call(_ method: String, _ path: String, token: String? = nil, json: String? = nil, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: base + path)))
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)"] = "\(value)" }
        return Answer(status: http.statusCode, headers: fields, body: String(decoding: data, as: UTF8.self))
    }
}

extension Regie {
    /// A token for a person of the workspace, made on the server's machine with `regie token create`.
    func token(for person: String) throws -> String {
        let made = try run(["token", "create", "--name", "tests", "--json"], environment: ["REGIE_USER": person])
        try #require(made.status == 0, "\(made.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(made.out.utf8)) as? [String: Any])
        return try #require(object["secret"] as? String)
    }
}

@Suite("regie serve, as a process")
struct ServerLiveTests {
    @Test("it answers on its port with the security headers, knows who asks, and stops cleanly on SIGTERM")
    func startAndStop() async throws {
        let regie = try Regie.workspace()
        let token = try regie.token(for: "anna")
        let server = try RunningServer(regie)
        let health = try await server.call("GET", "/healthz")
        #expect(health.status == 200)
        #expect(health.header("X-Content-Type-Options") == "nosniff")
        #expect(health.header("Cache-Control") == "no-store")
        let anonymous = try await server.call("GET", "/api/v1/cases")
        #expect(anonymous.status == 401)
        #expect(anonymous.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        let opened = try await server.call("POST", "/api/v1/cases", token: token, json: #"{"team": "west", "client_label": "J."}"#)
        #expect(opened.status == 201, "\(opened.body)")
        let shown = try await server.call("GET", "/api/v1/cases/1", token: token, headers: ["Regie-Purpose": "intervisie"])
        #expect(shown.status == 200)
        #expect(shown.header("ETag") == "\"1\"")
        // Not behind a trusted proxy: a client's own X-Forwarded-For is not believed.
        let claimed = try await server.call("GET", "/api/v1/cases/1", token: token, headers: ["X-Forwarded-For": "203.0.113.9"])
        #expect(claimed.status == 200)
        let metrics = try await server.call("GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.body.contains("http_requests_total") || metrics.body.contains("http_server"), "\(metrics.body.prefix(300))")
        #expect(!metrics.body.contains("J."))
        #expect(server.stop() == 0)
        // The command line sees what the server recorded, and the record verifies.
        let verify = try regie.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.out) \(verify.err)")
        // Each read through the server is logged with where it came from and what it was for.
        let access = try regie.run(["audit", "access", "--case", "1", "--json"], environment: ["REGIE_USER": "anna"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(access.out.utf8)) as? [[String: Any]], "\(access.err)")
        let served = entries.filter { ($0["action"] as? String) == "api case show" }
        #expect(served.compactMap { $0["address"] as? String } == ["127.0.0.1", "127.0.0.1"])
        #expect(served.compactMap { $0["purpose"] as? String } == ["intervisie", "care"])
        // Another program verifies the access entries with addresses (format 2) from the documented layout.
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/verify-audit.py").path
        let independent = try Regie.tool(["python3", script, regie.folder.appendingPathComponent("regie.sqlite").path])
        #expect(independent.status == 0, "\(independent.out) \(independent.err)")
    }

    @Test("schemathesis against the served OpenAPI document: no server error, every answer as documented")
    func schemathesis() async throws {
        let regie = try Regie.workspace()
        let token = try regie.token(for: "anna")
        let server = try RunningServer(regie)
        defer { server.stop() }
        _ = try await server.call("POST", "/api/v1/cases", token: token, json: #"{"team": "west", "client_label": "J."}"#)
        let found = try Regie.tool(["sh", "-c", "command -v schemathesis"])
        try #require(found.status == 0, "schemathesis is not installed: run `make test-deps` (python3 -m pip install schemathesis)")
        let run = try Regie.tool([
            "schemathesis", "--no-color", "run", "\(server.base)/api/v1/openapi.json", "--header", "Authorization: Bearer \(token)",
            "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance,unsupported_method",
            // Revoking the run's own token would leave the rest of the run unauthenticated; the router tests revoke.
            "--exclude-operation-id", "revokeToken",
            "--max-examples", "25", "--workers", "1", "--seed", "20261201",
        ])
        #expect(run.status == 0, "\(run.out.suffix(4000)) \(run.err.suffix(2000))")
    }

    @Test("two server processes on one PostgreSQL database: writes to the same cases through both lose nothing, conflicts are 412")
    func twoServersOnePostgres() async throws {
        let (regie, _) = try PostgresBinaryTests.workspace()
        let token = try regie.token(for: "anna")
        let first = try RunningServer(regie), second = try RunningServer(regie)
        defer { first.stop(); second.stop() }
        for _ in 0..<2 { #expect(try await first.call("POST", "/api/v1/cases", token: token, json: #"{"team": "west", "client_label": "J."}"#).status == 201) }
        // Eight writers, half through each server, each adding goals to both cases at the
        // version it last read: every attempt is either recorded (201) or a clear conflict (412).
        let outcomes = try await withThrowingTaskGroup(of: [Int].self) { group in
            for writer in 0..<8 {
                let server = writer.isMultiple(of: 2) ? first : second
                group.addTask {
                    var statuses: [Int] = []
                    for attempt in 0..<6 {
                        let caseID = 1 + (writer + attempt) % 2
                        let shown = try await server.call("GET", "/api/v1/cases/\(caseID)", token: token)
                        let tag = shown.header("ETag") ?? "\"0\""
                        let added = try await server.call("POST", "/api/v1/cases/\(caseID)/goals", token: token,
                                                          json: #"{"text": "Doel \#(writer)-\#(attempt)", "term": "short", "worded_by": "client"}"#,
                                                          headers: ["If-Match": tag])
                        statuses.append(added.status)
                    }
                    return statuses
                }
            }
            var all: [Int] = []
            for try await statuses in group { all += statuses }
            return all
        }
        #expect(outcomes.count == 48)
        #expect(outcomes.allSatisfy { $0 == 201 || $0 == 412 }, "\(outcomes)")
        let recorded = outcomes.filter { $0 == 201 }.count
        #expect(recorded >= 2)
        var goals = 0
        for caseID in [1, 2] {
            let shown = try await second.call("GET", "/api/v1/cases/\(caseID)", token: token)
            goals += (shown.object["goals"] as? [Any])?.count ?? 0
        }
        #expect(goals == recorded, "every 201 is a goal on record, and nothing else is")
        first.stop()
        second.stop()
        let verify = try regie.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.out) \(verify.err)")
    }
}
