import Foundation
import HTTPTypes
import Hummingbird
import RegieApp
import RegieCore
import RegieReports

/// `/cli-login`: `regie login --browser` sends the person here. Logged in (first through the
/// login page, which comes back here), they see who asks and give the command line a token,
/// which goes back to it on this computer sealed to its key (``LoginHandover``).
struct CommandLineLoginRoutes {
    let environment: ServerEnvironment

    /// Remembers the page to come back to while the person logs in (the identity provider's
    /// return is a top-level GET from elsewhere, which a Lax cookie survives).
    static let returnCookie = "regie_return"

    func addRoutes(to router: Router<RegieRequestContext>) {
        router.get("cli-login", use: ask)
        router.post("cli-login", use: give)
    }

    private var now: Date { environment.fixedNow ?? Date() }

    @Sendable func ask(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let l = L10n(language: environment.language(of: request))
        let query = request.uri.queryParameters
        guard let asked = LoginHandover.Request(port: query["port"].map(String.init), state: query["state"].map(String.init),
                                                key: query["key"].map(String.init))
        else { return SignInRoutes.problemPage(l, RegieError(.usage, .handoverInvalid)) }
        guard let who = try await signedIn(request) else {
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(Cookie(name: Self.returnCookie, value: asked.query(), maxAge: 600, path: "/", secure: environment.settings.isTLS,
                                      httpOnly: true, sameSite: .lax))
            return response
        }
        guard case .session(_, let csrf) = who.credential else { return SignInRoutes.problemPage(l, RegieError(.notPermitted, .notSignedIn)) }
        var page = SignInPage(l, title: l("Give the command line access", "De opdrachtregel toegang geven"))
        let days = environment.settings.tokenDefaultDays
        page.add("""
            <p>\(SignInPage.escape(l("A `regie login` on your computer asks to work in Regie as \(who.person.name) (\(who.person.id)).",
                                     "Een `regie login` op je computer vraagt om in Regie te werken als \(who.person.name) (\(who.person.id)).")))</p>
            <p>\(SignInPage.escape(l("Only go on if you started it yourself just now. It gets an API token named “command line”, valid for \(days) days, which you can revoke on your account page.",
                                     "Ga alleen verder als je dat zelf net hebt gestart. Het krijgt een API-token met de naam ‘opdrachtregel’, \(days) dagen geldig, dat je op je accountpagina kunt intrekken.")))</p>
            <form method="post" action="/cli-login">
            <input type="hidden" name="csrf" value="\(SignInPage.escape(csrf))">
            <input type="hidden" name="port" value="\(asked.port)">
            <input type="hidden" name="state" value="\(SignInPage.escape(asked.state))">
            <input type="hidden" name="key" value="\(SignInPage.escape(asked.key))">
            <button type="submit">\(SignInPage.escape(l("Give access", "Toegang geven")))</button>
            </form>
            <p><a href="/account">\(SignInPage.escape(l("No, back to my account", "Nee, terug naar mijn account")))</a></p>
            """)
        // The form's answer sends the browser on to the command line on this computer, and only there.
        return page.response(formAction: "'self' http://127.0.0.1:\(asked.port)")
    }

    /// The person of the request's session; nil when there is none (or it has ended).
    private func signedIn(_ request: Request) async throws(RegieError) -> Authenticated? {
        do throws(RegieError) {
            return try await environment.sessionIdentity(request, csrf: nil)
        } catch {
            if error.status == .notPermitted { return nil }
            throw error
        }
    }

    struct GiveForm: Decodable {
        var csrf: String?
        var port: String?
        var state: String?
        var key: String?
    }

    @Sendable func give(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let l = L10n(language: environment.language(of: request))
        let form = try await SignInRoutes.form(GiveForm.self, request, context)
        let who = try await environment.sessionIdentity(request, csrf: form.csrf)
        guard let asked = LoginHandover.Request(port: form.port, state: form.state, key: form.key) else {
            return SignInRoutes.problemPage(l, RegieError(.usage, .handoverInvalid))
        }
        var context = context
        context.identity = who
        let sealed = try await environment.withSession(request, context) { session in
            let (_, secret) = try await session.createToken(name: l("command line", "opdrachtregel"), days: nil)
            return try LoginHandover.seal(secret, for: asked)
        }
        let back = "\(asked.callbackBase)?state=\(asked.state)&key=\(sealed.key)&box=\(sealed.box)"
        return Response(status: .seeOther, headers: [.location: back])
    }
}

extension ServerEnvironment {
    /// Where a browser goes after logging in: back to the command line's login page when that
    /// sent it (and the cookie still names a valid one), else the account page.
    func afterLogin(_ request: Request) -> String {
        guard let value = request.cookies[CommandLineLoginRoutes.returnCookie]?.value,
              let parts = URLComponents(string: "/?" + value)?.queryItems,
              let asked = LoginHandover.Request(port: parts.first { $0.name == "port" }?.value, state: parts.first { $0.name == "state" }?.value,
                                                key: parts.first { $0.name == "key" }?.value)
        else { return "/account" }
        return "/cli-login?" + asked.query()
    }

    /// Clears the cookie ``afterLogin(_:)`` reads, once it has served.
    var returnCookieCleared: Cookie {
        Cookie(name: CommandLineLoginRoutes.returnCookie, value: "", maxAge: 0, path: "/", secure: settings.isTLS, httpOnly: true, sameSite: .lax)
    }
}
