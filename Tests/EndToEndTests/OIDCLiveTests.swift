import Foundation
import Testing

/// `oidc-provider-mock` (PyPI) as the organisation's identity provider, on a free loopback port.
final class MockProvider: @unchecked Sendable {  // immutable once started
    let process: Process
    let issuer: String

    init(users: [String]) throws {
        let free = try Regie.tool(["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        let port = try #require(Int(free.out.trimmingCharacters(in: .whitespacesAndNewlines)))
        issuer = "http://127.0.0.1:\(port)"
        let found = try Regie.tool(["sh", "-c", "command -v oidc-provider-mock"])
        try #require(found.status == 0, "oidc-provider-mock is not installed: run `make test-deps` (python3 -m pip install oidc-provider-mock)")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["oidc-provider-mock", "--port", "\(port)", "--require-nonce", "true"] + users.flatMap { ["--user-claims", $0] }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 {
            if try Regie.tool(["curl", "-sf", "-o", "/dev/null", "\(issuer)/.well-known/openid-configuration"]).status == 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        stop()
        throw RunningServer.ServerError("oidc-provider-mock did not start on port \(port)")
    }

    /// Kills it: the mock's web server waits for open connections on SIGTERM, which may never close.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

/// A browser, as curl with a cookie jar: requests without following redirects.
struct Browser {
    let jar: URL

    init() throws { jar = try Regie.temporaryFolder().appendingPathComponent("cookies.txt") }

    struct Answer {
        var status: Int
        var location: String?
        var body: String
    }

    func get(_ url: String) throws -> Answer { try request(["-X", "GET", url]) }

    func post(_ url: String, form: [String: String]) throws -> Answer {
        try request(["-X", "POST", url] + form.sorted { $0.key < $1.key }.flatMap { ["--data-urlencode", "\($0.key)=\($0.value)"] })
    }

    private func request(_ arguments: [String]) throws -> Answer {
        let result = try Regie.tool(["curl", "-s", "-b", jar.path, "-c", jar.path, "-D", "-"] + arguments)
        try #require(result.status == 0, "curl: \(result.err)")
        let parts = result.out.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        let location = head.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("location:") }
            .map { String($0.dropFirst("location:".count)).trimmingCharacters(in: .whitespaces) }
        return Answer(status: status, location: location, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}

@Suite("Logging in through an OpenID provider")
struct OIDCLiveTests {
    /// A workspace whose server logs in through the mock provider; anna and bert are linked to it.
    static func workspace(_ provider: MockProvider, requireAMR: String = "[mfa]") throws -> Regie {
        let regie = try Regie.workspace()
        let yaml = """
            organisation: "Test"
            locale: en
            database: regie.sqlite
            teams:
              - id: west
            server:
              oidc:
                issuer: \(provider.issuer)
                client_id: regie
                client_secret_file: oidc-secret
                require_amr: \(requireAMR)
                name: Testprovider
            people:
              - id: anna
                role: coordinator
                teams: [west]
                oidc_subject: anna-sub
              - id: bert
                role: worker
                teams: [west]
                oidc_subject: bert-sub

            """
        try yaml.write(to: regie.folder.appendingPathComponent("regie.yaml"), atomically: true, encoding: .utf8)
        try "geheim-voor-de-test\n".write(to: regie.folder.appendingPathComponent("oidc-secret"), atomically: true, encoding: .utf8)
        return regie
    }

    /// The browser's round trip: Regie sends it to the provider, the person chooses who they are
    /// there, and the provider sends it back to Regie's callback. - Returns: the callback's answer.
    static func logIn(_ browser: Browser, _ server: RunningServer, as subject: String) throws -> (Browser.Answer, callback: String) {
        let start = try browser.get("\(server.base)/login/oidc")
        #expect(start.status == 303)
        let authorize = try #require(start.location)
        #expect(authorize.contains("code_challenge_method=S256"))
        #expect(authorize.contains("nonce="))
        #expect(authorize.contains("state="))
        let chosen = try browser.post(authorize, form: ["sub": subject])
        let callback = try #require(chosen.location, "the provider did not send the browser back: \(chosen.status) \(chosen.body.prefix(300))")
        #expect(callback.hasPrefix("\(server.base)/login/oidc/callback"))
        return (try browser.get(callback), callback)
    }

    @Test("with a second factor: a session that reads the API; the same callback again is refused")
    func withSecondFactor() throws {
        let provider = try MockProvider(users: [#"{"sub": "anna-sub", "amr": ["pwd", "mfa"]}"#, #"{"sub": "bert-sub", "amr": ["pwd"]}"#,
                                                #"{"sub": "stranger", "amr": ["mfa"]}"#])
        defer { provider.stop() }
        let regie = try Self.workspace(provider)
        let server = try RunningServer(regie)
        defer { server.stop() }
        let login = try browserPage(try Browser(), server)
        #expect(login.contains("Testprovider"))
        let browser = try Browser()
        let (answer, callback) = try Self.logIn(browser, server, as: "anna-sub")
        #expect(answer.status == 200, "\(answer.body.prefix(500))")
        let me = try browser.get("\(server.base)/api/v1/me")
        #expect(me.status == 200)
        #expect(me.body.contains("\"anna\""))
        let replayed = try browser.get(callback)
        #expect(replayed.status == 401, "a code and state are used once")
        #expect(replayed.body.contains("error-summary"))
        // Without a second factor, and someone the workspace does not know.
        let (bert, _) = try Self.logIn(try Browser(), server, as: "bert-sub")
        #expect(bert.status == 403)
        #expect(bert.body.contains("second factor"))
        let (stranger, _) = try Self.logIn(try Browser(), server, as: "stranger")
        #expect(stranger.status == 403)
        // A callback in another browser than the one that started the login.
        let first = try Browser()
        let start = try first.get("\(server.base)/login/oidc")
        let chosen = try first.post(try #require(start.location), form: ["sub": "anna-sub"])
        let elsewhere = try Browser().get(try #require(chosen.location))
        #expect(elsewhere.status == 401)
    }

    @Test("require_amr: [] lets a login without a second factor in, as configured")
    func withoutRequirement() throws {
        let provider = try MockProvider(users: [#"{"sub": "bert-sub", "amr": ["pwd"]}"#])
        defer { provider.stop() }
        let regie = try Self.workspace(provider, requireAMR: "[]")
        let server = try RunningServer(regie)
        defer { server.stop() }
        let browser = try Browser()
        let (answer, _) = try Self.logIn(browser, server, as: "bert-sub")
        #expect(answer.status == 200, "\(answer.body.prefix(300))")
        #expect(try browser.get("\(server.base)/api/v1/me").body.contains("\"bert\""))
    }

    func browserPage(_ browser: Browser, _ server: RunningServer) throws -> String { try browser.get("\(server.base)/login").body }
}
