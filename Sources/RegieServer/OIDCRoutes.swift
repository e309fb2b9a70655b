import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RegieApp
import RegieCore
import RegieReports
import RegieStore

/// Logging in through the organisation's identity provider: the authorization code flow with
/// PKCE, state and nonce. The state lives in the store (any server process can take the
/// callback) and is bound to the browser that started the login by a short-lived cookie.
struct OIDCRoutes {
    let environment: ServerEnvironment
    static let bindingCookie = "regie_oidc"
    /// How long a login at the provider may take.
    static let window: TimeInterval = 600

    func addRoutes(to router: Router<RegieRequestContext>) {
        router.get("login/oidc", use: start)
        router.get("login/oidc/callback", use: callback)
    }

    private var now: Date { environment.fixedNow ?? Date() }

    /// The address the provider sends the browser back to: under the public URL, or (on this
    /// machine, without one) the address the browser used.
    private func redirect(_ request: Request) -> String {
        let base = environment.settings.publicURL?.absoluteString.trimmingSlash ?? "http://\(request.head.authority ?? "127.0.0.1")"
        return base + "/login/oidc/callback"
    }

    @Sendable func start(_ request: Request, context: RegieRequestContext) async throws -> Response {
        guard let provider = environment.oidc else { throw RegieError(.notFound, .oidcNotConfigured) }
        let state = RandomSecret.text(), nonce = RandomSecret.text(), verifier = RandomSecret.text(), binding = RandomSecret.text()
        let stored = StoredLoginState(stateHash: RandomSecret.hash(state), bindingHash: RandomSecret.hash(binding), nonce: nonce,
                                      verifier: verifier, createdAt: now, expiresAt: now.addingTimeInterval(Self.window))
        do {
            try await environment.store.addLoginState(stored)
        } catch {
            throw RegieError.from(error)
        }
        let url = try await provider.authorizationURL(state: state, nonce: nonce, verifier: verifier, redirect: redirect(request))
        var response = Response(status: .seeOther, headers: [.location: url])
        // Lax, not Strict: the browser comes back from the provider's site, and must bring it.
        response.setCookie(Cookie(name: Self.bindingCookie, value: binding, maxAge: Int(Self.window), path: "/login/oidc",
                                  secure: environment.settings.isTLS, httpOnly: true, sameSite: .lax))
        return response
    }

    @Sendable func callback(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let l = L10n(language: environment.language(of: request))
        do {
            let who = try await logIn(request)
            let session = try await environment.logins.startSession(for: who, method: "oidc", at: now)
            var page = SignInPage(l, title: l("You are logged in", "Je bent ingelogd"))
            // A page of this site, not a redirect: the strict session cookie then comes along on the next step.
            let next = environment.afterLogin(request)
            let onward = next == "/account" ? l("Go on to your account", "Verder naar je account") : l("Go on to the command line's login", "Verder naar de login van de opdrachtregel")
            page.add("<p><a href=\"\(SignInPage.escape(next))\">\(SignInPage.escape(onward))</a></p>")
            var response = page.response()
            response.setCookie(environment.returnCookieCleared)
            response.setCookie(Cookie(name: environment.sessionCookieName, value: session.secret,
                                      maxAge: Int(session.expiresAt.timeIntervalSince(now)), path: "/", secure: environment.settings.isTLS,
                                      httpOnly: true, sameSite: .strict))
            response.setCookie(Cookie(name: Self.bindingCookie, value: "", maxAge: 0, path: "/login/oidc", secure: environment.settings.isTLS,
                                      httpOnly: true, sameSite: .lax))
            return response
        } catch {
            environment.logger.notice("identity provider login refused", metadata: ["code": .string(error.code.rawValue)])
            var page = SignInPage(l, title: l("Log in", "Inloggen"))
            page.error(error.message(in: l.language), field: nil)
            page.add("<p><a href=\"/login\">\(SignInPage.escape(l("Back to the login page", "Terug naar de inlogpagina")))</a></p>")
            return page.response(status: ProblemDetails.status(of: error, conditional: false))
        }
    }

    /// The person the provider vouches for: a state of ours, taken once, from this browser; the
    /// code traded for a checked ID token; its claim matched to one person of the workspace.
    private func logIn(_ request: Request) async throws(RegieError) -> Workspace.Person {
        guard let provider = environment.oidc else { throw RegieError(.notFound, .oidcNotConfigured) }
        let query = request.uri.queryParameters
        if query["error"] != nil { throw IDTokenCheck.failed("the provider refused the login") }
        guard let state = query["state"].map(String.init), let code = query["code"].map(String.init),
              RandomSecret.isWellFormed(Substring(state)), !code.isEmpty, code.count <= 2048,
              let binding = request.cookies[Self.bindingCookie]?.value
        else { throw RegieError(.notPermitted, .loginStateInvalid) }
        let taken: StoredLoginState?
        do {
            taken = try await environment.store.takeLoginState(stateHash: RandomSecret.hash(state), at: now)
        } catch {
            throw RegieError.from(error)
        }
        guard let taken, taken.bindingHash == RandomSecret.hash(binding) else { throw RegieError(.notPermitted, .loginStateInvalid) }
        let claims = try await provider.logIn(code: code, verifier: taken.verifier, redirect: redirect(request), nonce: taken.nonce, now: now)
        let claim = provider.settings.claim
        guard let value = claims.value(of: claim), let person = environment.workspace.people.first(where: { $0.oidcSubject == value }) else {
            throw RegieError(.notPermitted, .oidcUnknownPerson)
        }
        return person
    }
}
