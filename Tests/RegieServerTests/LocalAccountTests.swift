import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing
@testable import RegieApp
import RegieCore
import RegieReports
@testable import RegieServer
import RegieStore

@Suite("Local accounts, sessions and CSRF")
struct LocalAccountTests {
    static let password = "zeven blauwe fietsen in de regen"

    @Test("TOTP gives RFC 6238's codes (SHA-1, six digits) and accepts a step either side only")
    func totpVectors() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        for (time, code) in [(59.0, 287_082), (1_111_111_109, 81_804), (1_234_567_890, 5_924), (2_000_000_000, 279_037)] {
            #expect(totp.code(counter: TOTP.counter(at: Date(timeIntervalSince1970: time))) == code)
        }
        let at = Date(timeIntervalSince1970: 1_111_111_109)
        #expect(totp.matchingCounter("081 804", at: at) == TOTP.counter(at: at))
        #expect(totp.matchingCounter("081804", at: at.addingTimeInterval(30)) != nil)
        #expect(totp.matchingCounter("081804", at: at.addingTimeInterval(90)) == nil)
        #expect(totp.matchingCounter("81804", at: at) == nil)
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
    }

    @Test("Passwords follow NIST SP 800-63B: long, not common, not your own name; any characters")
    func passwordRules() throws {
        let anna = Workspace.Person(id: "anna", name: "Anna de Vries", role: .worker, teams: ["west"])
        func refusal(_ password: String, _ repeated: String? = nil) -> ErrorCode? {
            do {
                try PasswordRules.check(password, repeated: repeated ?? password, person: anna, organisation: "Buurtzorg West")
                return nil
            } catch {
                return error.code
            }
        }
        #expect(refusal("kort") == .passwordTooShort)
        #expect(refusal(String(repeating: "lang ", count: 30)) == .passwordTooLong)
        #expect(refusal("wachtwoord123!") == .passwordCommon)
        #expect(refusal("aaaaaaaaaaaaaaaa") == .passwordCommon)
        #expect(refusal("abcdefghijklmno") == .passwordCommon)
        #expect(refusal("anna de vries 1990") == .passwordPersonal)
        #expect(refusal(Self.password, "iets anders dan dit") == .passwordsDiffer)
        #expect(refusal(Self.password) == nil)
        #expect(refusal("ñandú tres veces, sí") == nil)
    }

    /// Enrols a person through their link and returns the second factor.
    static func enrol(_ bench: ServerBench, _ person: String, at now: Date) async throws -> TOTP {
        let (code, totp) = try await bench.invite(person)
        try await bench.application(at: now).test(.router) { client in
            let page = try await client.call(.get, "/enrol/\(code)", token: nil)
            #expect(page.status == .ok)
            #expect(page.text.contains(String(totp.base32.prefix(4))))
            #expect(page.headers[.contentSecurityPolicy]?.contains("style-src 'self'") == true)
            let weak = try await client.form(.post, "/enrol/\(code)", ["password": "welkom01", "repeated": "welkom01",
                                                                      "code": Self.code(totp, at: now)])
            #expect(weak.status == .badRequest)
            #expect(weak.text.contains("error-summary"))
            let done = try await client.form(.post, "/enrol/\(code)", ["password": Self.password, "repeated": Self.password,
                                                                      "code": Self.code(totp, at: now)])
            #expect(done.status == .ok, "\(done.text)")
            let used = try await client.call(.get, "/enrol/\(code)", token: nil)
            #expect(used.status == .notFound, "a link works once")
            #expect(used.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(used.text.contains("error-summary"))
        }
        return totp
    }

    static func code(_ totp: TOTP, at date: Date) -> String { String(format: "%06d", totp.code(counter: TOTP.counter(at: date))) }

    @Test("Login sets a new HttpOnly, SameSite=Strict session cookie; the session reads the API; a code works once")
    func login() async throws {
        let bench = try await ServerBench()
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let totp = try await Self.enrol(bench, "anna", at: start)
        let later = start.addingTimeInterval(60)
        try await bench.application(at: later).test(.router) { client in
            let fixated = "regie_session=" + String(repeating: "A", count: 43)
            let response = try await client.form(.post, "/login", ["person": "Anna", "password": Self.password, "code": Self.code(totp, at: later)],
                                                 headers: [.cookie: fixated])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/account")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"), "not on plain http")
            let session = try #require(cookie.split(separator: ";").first.map(String.init))
            #expect(session != fixated, "a new session id at login, whatever the browser sent")
            let me = try await client.call(.get, "/api/v1/me", token: nil, headers: [.cookie: session])
            #expect(me.status == .ok)
            #expect(me.object["id"] as? String == "anna")
            let account = try await client.call(.get, "/account", token: nil, headers: [.cookie: session])
            #expect(account.text.contains("Anna"))
            let again = try await client.form(.post, "/login", ["person": "anna", "password": Self.password, "code": Self.code(totp, at: later)])
            #expect(again.status == .unauthorized, "the same code a second time")
        }
        let attempts = try await bench.store.loginAttempts(person: "anna").map(\.outcome)
        #expect(attempts == ["ok", "wrong_code"])
    }

    @Test("A change made with a session needs the CSRF token and this server's origin")
    func csrf() async throws {
        let bench = try await ServerBench()
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let totp = try await Self.enrol(bench, "anna", at: start)
        let later = start.addingTimeInterval(60)
        let (cookie, csrf) = try await Self.logIn(bench, totp, at: later)
        try await bench.application(at: later).test(.router) { client in
            let body = #"{"team": "west", "client_label": "J."}"#
            let without = try await client.call(.post, "/api/v1/cases", token: nil, json: body, headers: [.cookie: cookie])
            #expect(without.status == .forbidden)
            #expect(without.object["code"] as? String == "csrf_invalid")
            let wrong = try await client.call(.post, "/api/v1/cases", token: nil, json: body, headers: [.cookie: cookie, .regieCSRF: "x" + csrf.dropFirst()])
            #expect(wrong.status == .forbidden)
            let elsewhere = try await client.call(.post, "/api/v1/cases", token: nil, json: body,
                                                  headers: [.cookie: cookie, .regieCSRF: csrf, .origin: "https://evil.example"])
            #expect(elsewhere.status == .forbidden)
            #expect(elsewhere.object["code"] as? String == "origin_refused")
            let made = try await client.call(.post, "/api/v1/cases", token: nil, json: body, headers: [.cookie: cookie, .regieCSRF: csrf])
            #expect(made.status == .created, "\(made.text)")
            let logout = try await client.form(.post, "/logout", ["csrf": "wrong"], headers: [.cookie: cookie])
            #expect(logout.status == .forbidden)
        }
    }

    @Test("A login session keeps the purpose its person chooses for their reads; a token's requests say theirs each time")
    func sessionPurpose() async throws {
        let bench = try await ServerBench()
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let totp = try await Self.enrol(bench, "anna", at: start)
        let later = start.addingTimeInterval(60)
        let (cookie, csrf) = try await Self.logIn(bench, totp, at: later)
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let token = try await bench.token(for: "anna")
        try await bench.application(at: later).test(.router) { client in
            #expect(try await client.call(.get, "/api/v1/me", token: nil, headers: [.cookie: cookie]).object["purpose"] as? String == "care")
            let noCSRF = try await client.call(.patch, "/api/v1/me", token: nil, json: #"{"purpose": "intervisie"}"#, headers: [.cookie: cookie])
            #expect(noCSRF.status == .forbidden)
            let chosen = try await client.call(.patch, "/api/v1/me", token: nil, json: #"{"purpose": " intervisie "}"#,
                                               headers: [.cookie: cookie, .regieCSRF: csrf])
            #expect(chosen.status == .ok, "\(chosen.text)")
            #expect(chosen.object["purpose"] as? String == "intervisie")
            #expect(try await client.call(.get, "/api/v1/cases/\(caseID)", token: nil, headers: [.cookie: cookie]).status == .ok)
            // A header still wins for one request.
            #expect(try await client.call(.get, "/api/v1/cases/\(caseID)", token: nil,
                                          headers: [.cookie: cookie, HTTPField.Name("Regie-Purpose")!: "audit"]).status == .ok)
            let national = try await client.call(.patch, "/api/v1/me", token: nil, json: #"{"purpose": "client 111222333"}"#,
                                                 headers: [.cookie: cookie, .regieCSRF: csrf])
            #expect(national.status == .badRequest)
            #expect(national.object["code"] as? String == "purpose_invalid")
            let byToken = try await client.call(.patch, "/api/v1/me", token: token, json: #"{"purpose": "intervisie"}"#)
            #expect(byToken.status == .badRequest)
            #expect(byToken.object["code"] as? String == "purpose_needs_session")
            // The account page's form does the same, and shows the purpose in force.
            let page = try await client.form(.post, "/account/purpose", ["csrf": csrf, "purpose": ""], headers: [.cookie: cookie])
            #expect(page.status == .ok)
            #expect(page.text.contains("value=\"care\""))
        }
        let queue = try DatabaseQueueReader(bench)
        #expect(try queue.count("SELECT count(*) FROM access_log WHERE actor = 'anna' AND action = 'api case show' AND purpose = 'intervisie'") == 1)
        #expect(try queue.count("SELECT count(*) FROM access_log WHERE actor = 'anna' AND action = 'api case show' AND purpose = 'audit'") == 1)
        #expect(try queue.count("SELECT count(*) FROM access_log WHERE address IS NULL AND action LIKE 'api %'") == 0,
                "a read through the server always records an address")
    }

    /// Logs in and returns the session cookie (`name=value`) and its CSRF token (from the account page).
    static func logIn(_ bench: ServerBench, _ totp: TOTP, at now: Date) async throws -> (cookie: String, csrf: String) {
        try await bench.application(at: now).test(.router) { client in
            let response = try await client.form(.post, "/login", ["person": "anna", "password": Self.password, "code": Self.code(totp, at: now)])
            let cookie = try #require(response.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            let page = try await client.call(.get, "/account", token: nil, headers: [.cookie: cookie]).text
            let marker = "name=\"csrf\" value=\""
            let start = try #require(page.range(of: marker)).upperBound
            let end = try #require(page[start...].firstIndex(of: "\""))
            return (cookie, String(page[start..<end]))
        }
    }

    @Test("A session ends after 15 idle minutes, and logging out everywhere ends every session at once")
    func sessionEnds() async throws {
        let bench = try await ServerBench()
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let totp = try await Self.enrol(bench, "anna", at: start)
        let (first, csrf) = try await Self.logIn(bench, totp, at: start.addingTimeInterval(60))
        let (second, _) = try await Self.logIn(bench, totp, at: start.addingTimeInterval(90))
        try await bench.application(at: start.addingTimeInterval(60 + 16 * 60)).test(.router) { client in
            let idle = try await client.call(.get, "/api/v1/me", token: nil, headers: [.cookie: first])
            #expect(idle.status == .unauthorized)
            #expect(idle.object["code"] as? String == "session_ended")
        }
        let (third, thirdCSRF) = try await Self.logIn(bench, totp, at: start.addingTimeInterval(120))
        _ = csrf
        try await bench.application(at: start.addingTimeInterval(150)).test(.router) { client in
            #expect(try await client.call(.get, "/api/v1/me", token: nil, headers: [.cookie: second]).status == .ok)
            let out = try await client.form(.post, "/logout", ["csrf": thirdCSRF, "everywhere": "yes"], headers: [.cookie: third])
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await client.call(.get, "/api/v1/me", token: nil, headers: [.cookie: second]).status == .unauthorized)
            #expect(try await client.call(.get, "/api/v1/me", token: nil, headers: [.cookie: third]).status == .unauthorized)
        }
    }

    @Test("Too many wrong attempts lock the account for a while, each attempt recorded; an unknown name looks the same")
    func lockout() async throws {
        let bench = try await ServerBench()
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let totp = try await Self.enrol(bench, "anna", at: start)
        let at = start.addingTimeInterval(120)
        try await bench.application(at: at).test(.router) { client in
            for _ in 0..<5 {
                let wrong = try await client.form(.post, "/login", ["person": "anna", "password": "niet mijn wachtwoord", "code": Self.code(totp, at: at)])
                #expect(wrong.status == .unauthorized)
            }
            let locked = try await client.form(.post, "/login", ["person": "anna", "password": Self.password, "code": Self.code(totp, at: at)])
            #expect(locked.status == .forbidden)
            let unknown = try await client.form(.post, "/login", ["person": "zoltan", "password": Self.password, "code": "123456"])
            #expect(unknown.status == .unauthorized)
            #expect(unknown.text.contains("error-summary"))
        }
        let attempts = try await bench.store.loginAttempts(person: "anna").map(\.outcome)
        #expect(attempts == Array(repeating: "wrong_password", count: 5) + ["locked"])
        #expect(try await bench.store.loginAttempts(person: "zoltan").map(\.outcome) == ["unknown"])
        // After the lock, the right password and a fresh code let her in.
        let after = at.addingTimeInterval(16 * 60)
        try await bench.application(at: after).test(.router) { client in
            let ok = try await client.form(.post, "/login", ["person": "anna", "password": Self.password, "code": Self.code(totp, at: after)])
            #expect(ok.status == .seeOther)
        }
    }

    @Test("On https the cookie is __Host- and Secure; only a coordinator of the person's team can invite")
    func httpsCookieAndInvites() async throws {
        let bench = try await ServerBench()
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let totp = try await Self.enrol(bench, "anna", at: start)
        var tls = bench.workspace
        tls.server.publicURL = URL(string: "https://regie.example.org")
        let at = start.addingTimeInterval(60)
        try await bench.application(tls, at: at).test(.router) { client in
            let response = try await client.form(.post, "/login", ["person": "anna", "password": Self.password, "code": Self.code(totp, at: at)],
                                                 headers: [.origin: "https://regie.example.org"])
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("__Host-regie_session="))
            #expect(cookie.contains("Secure"))
            let foreign = try await client.form(.post, "/login", ["person": "anna", "password": Self.password, "code": "000000"],
                                                headers: [.origin: "https://evil.example"])
            #expect(foreign.status == .forbidden)
        }
        await #expect(throws: RegieError.self) { _ = try await bench.invite("anna", by: "bob") }
        await #expect(throws: RegieError.self) { _ = try await bench.invite("bob", by: "karim") }
    }
}

extension TestClientProtocol {
    /// A form post, as a browser sends it.
    func form(_ method: HTTPRequest.Method, _ uri: String, _ fields: [String: String], headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = fields.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
        return try await execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body)) { $0 }
    }
}
