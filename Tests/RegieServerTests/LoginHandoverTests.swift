import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import RegieApp

@Suite("Handing the command line a token through a browser")
struct LoginHandoverTests {
    @Test("A token sealed for one login opens only with that login's key and state")
    func sealAndOpen() throws {
        let pending = LoginHandover.Pending(), other = LoginHandover.Pending()
        let asked = pending.request(port: 50123)
        let sealed = try LoginHandover.seal("regie_secret", for: asked)
        #expect(!sealed.box.contains("secret"))
        let query = ["state": pending.state, "key": sealed.key, "box": sealed.box]
        #expect(pending.token(fromCallback: query) == "regie_secret")
        #expect(other.token(fromCallback: query) == nil, "another login's key")
        var wrongState = query
        wrongState["state"] = other.state
        #expect(pending.token(fromCallback: wrongState) == nil)
        var tampered = query
        // A character in the middle (the last may only carry padding bits).
        var characters = Array(sealed.box)
        characters[10] = characters[10] == "A" ? "B" : "A"
        tampered["box"] = String(characters)
        #expect(pending.token(fromCallback: tampered) == nil)
        #expect(pending.token(fromCallback: ["state": pending.state]) == nil)
    }

    @Test("The login page refuses an incomplete address, and sends a logged-out browser to log in first")
    func askPage() async throws {
        let bench = try await ServerBench()
        let asked = LoginHandover.Pending().request(port: 50123)
        try await bench.application().test(.router) { client in
            let broken = try await client.call(.get, "/cli-login?port=80&state=x&key=y", token: nil)
            #expect(broken.status == .badRequest)
            #expect(broken.text.contains("regie login --browser"))
            let away = try await client.call(.get, "/cli-login?" + asked.query(), token: nil)
            #expect(away.status == .seeOther)
            #expect(away.headers[.location] == "/login")
            let cookie = try #require(away.headers[.setCookie])
            #expect(cookie.contains("regie_return=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "\(cookie)")
            // Without a session, nothing can be given.
            let given = try await client.call(.post, "/cli-login", token: nil)
            #expect(given.status == .forbidden || given.status == .unauthorized, "\(given.status)")
        }
    }
}
