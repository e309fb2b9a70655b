import Foundation
import Testing

/// `regie login --browser` end to end: the command line waits on this computer, the person logs
/// in at the identity provider in a browser and gives it access, and the token comes back sealed.
@Suite("Logging the command line in through a browser")
struct BrowserLoginLiveTests {
    /// `regie login URL --browser` as a process, with the address it asks the person to open.
    final class WaitingLogin {
        let process = Process()
        let errors = Pipe(), output = Pipe()

        init(_ server: String, home: URL) throws {
            process.executableURL = Regie.binary
            process.arguments = ["login", server, "--browser", "--lang", "en"]
            var environment = ProcessInfo.processInfo.environment
            for name in ["DISPLAY", "WAYLAND_DISPLAY", "REGIE_SERVER", "REGIE_TOKEN"] { environment.removeValue(forKey: name) }
            environment["HOME"] = home.path
            environment["XDG_CONFIG_HOME"] = ""
            process.environment = environment
            process.standardError = errors
            process.standardOutput = output
            try process.run()
        }

        /// The address it shows, once it listens.
        func address() throws -> String {
            var seen = Data()
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                seen.append(errors.fileHandleForReading.availableData)
                let text = String(decoding: seen, as: UTF8.self)
                if let line = text.split(separator: "\n").first(where: { $0.contains("/cli-login?") }) { return String(line) }
            }
            throw RunningServer.ServerError("regie login --browser showed no address: \(String(decoding: seen, as: UTF8.self))")
        }

        func finish() -> (status: Int32, out: String) {
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }

        deinit { if process.isRunning { process.terminate() } }
    }

    @Test("the person logs in at the provider, gives access, and the command line holds a working token it never showed in the clear")
    func handover() async throws {
        let provider = try MockProvider(users: [#"{"sub": "anna-sub", "amr": ["pwd", "mfa"]}"#])
        defer { provider.stop() }
        let regie = try OIDCLiveTests.workspace(provider)
        let server = try RunningServer(regie)
        defer { server.stop() }
        let home = try Regie.temporaryFolder()
        let login = try WaitingLogin(server.base, home: home)
        let address = try login.address()
        #expect(address.hasPrefix("\(server.base)/cli-login?port="), "\(address)")
        let port = try #require(URLComponents(string: address)?.queryItems?.first { $0.name == "port" }?.value)

        // Not logged in yet: to the login page, and back here afterwards.
        let browser = try Browser()
        let first = try browser.get(address)
        #expect(first.status == 303)
        #expect(first.location == "/login")
        let (loggedIn, _) = try OIDCLiveTests.logIn(browser, server, as: "anna-sub")
        #expect(loggedIn.status == 200)
        #expect(loggedIn.body.contains("/cli-login?port=\(port)"), "\(loggedIn.body.prefix(600))")

        let page = try browser.get(address)
        #expect(page.status == 200, "\(page.body.prefix(400))")
        #expect(page.body.contains("as anna"), "\(page.body.prefix(600))")
        let csrf = try #require(page.body.components(separatedBy: "name=\"csrf\" value=\"").dropFirst().first?.split(separator: "\"").first)
        let fields = try #require(URLComponents(string: address)?.queryItems)
        var form = ["csrf": String(csrf)]
        for item in fields { form[item.name] = item.value }
        // Without the session's CSRF token nothing is given.
        var forged = form
        forged["csrf"] = "x"
        #expect(try browser.post("\(server.base)/cli-login", form: forged).status == 403)
        let given = try browser.post("\(server.base)/cli-login", form: form)
        #expect(given.status == 303, "\(given.body.prefix(400))")
        let back = try #require(given.location)
        #expect(back.hasPrefix("http://127.0.0.1:\(port)/callback?state="))
        #expect(!back.contains("regie_"), "the token never travels in the clear")
        let closing = try browser.get(back)
        #expect(closing.status == 200)
        #expect(closing.body.contains("go back to the command line"))

        let (status, out) = login.finish()
        #expect(status == 0)
        #expect(out.contains("Logged in to \(server.base) as anna"), "\(out)")
        let client = Regie(folder: try Regie.temporaryFolder())
        let list = try client.run(["case", "list", "--server", server.base], environment: ["HOME": home.path, "XDG_CONFIG_HOME": ""])
        #expect(list.status == 0, "\(list.err)")
        // The token is one of anna's, named for what it is, revocable like any other.
        let tokens = try regie.run(["token", "list", "--json"])
        #expect(tokens.out.contains("command line"), "\(tokens.out)")
    }

    @Test("a callback that is not for this login is refused and nothing is kept")
    func strayCallback() async throws {
        let home = try Regie.temporaryFolder()
        let login = try WaitingLogin("http://127.0.0.1:9", home: home)
        let address = try login.address()
        let port = try #require(URLComponents(string: address)?.queryItems?.first { $0.name == "port" }?.value)
        let stray = try Regie.tool(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                                    "http://127.0.0.1:\(port)/callback?state=forged&key=AAAA&box=AAAA"])
        #expect(stray.out == "200")
        let (status, _) = login.finish()
        #expect(status == 8)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent(".config/regie/credentials.json").path))
    }
}
