import Foundation
import HTTPTypes
import Hummingbird
import RegieReports
import Logging
import RegieApp
import RegieLua
import RegieCore
import RegieStore

/// What every request handler shares: the workspace as the server loaded it, the one open
/// store, and the logger. Each request gets its own ``CaseSession`` on the shared store.
struct ServerEnvironment: Sendable {
    /// The workspace as recorded now (see ``LiveWorkspace``).
    let live: LiveWorkspace
    var workspace: Workspace { live.current }
    let store: any EventStore
    let logger: Logger
    /// A fixed clock for tests on a store made for it; nil: the computer's clock.
    let fixedNow: Date?
    /// The identity provider, when `server: oidc:` names one.
    let oidc: OIDCProvider?
    /// The rule books requests take in turn.
    let rules = RuleBookPool()
    /// Cases replayed by earlier requests, for the agenda.
    let replays: ReplayedStates
    /// Reads and token uses of requests that arrive together, each written in one transaction.
    /// nil with `server: group_commit: false`.
    let accessLog: GroupCommit<AccessRead>?
    let tokenUses: GroupCommit<TokenUse>?

    var settings: ServerSettings { workspace.server }

    var logins: ServerLogins { ServerLogins(workspace: workspace, store: store, tokenUses: tokenUses) }

    /// The session cookie: `__Host-` on https, so that only this host over TLS can set or read it.
    var sessionCookieName: String { settings.isTLS ? "__Host-regie_session" : "regie_session" }

    /// The person of the request's session cookie; for a change, only with the session's CSRF
    /// token (`csrf`: the `Regie-CSRF` header, or a page's form field) and from this server's origin.
    func sessionIdentity(_ request: Request, csrf sent: String?) async throws(RegieError) -> Authenticated {
        guard let cookie = request.cookies[sessionCookieName]?.value else { throw RegieError(.notPermitted, .notSignedIn) }
        let who = try await logins.authenticate(session: cookie, at: fixedNow ?? Date())
        if !request.method.isSafe {
            try checkOrigin(request)
            guard case .session(_, let token) = who.credential, let sent, RandomSecret.equal(sent, token) else {
                throw RegieError(.notPermitted, .csrfInvalid)
            }
        }
        return who
    }

    /// A change from a browser must come from this server's own pages: `Origin` (or, without
    /// it, `Referer`) names this server when the browser sends one.
    func checkOrigin(_ request: Request) throws(RegieError) {
        let expected: String
        if let url = settings.publicURL, let scheme = url.scheme, let host = url.host {
            expected = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        } else if let host = request.head.authority {
            expected = "http://\(host)"
        } else {
            throw RegieError(.notPermitted, .originRefused)
        }
        if let origin = request.headers[.origin] {
            guard origin == expected else { throw RegieError(.notPermitted, .originRefused) }
        } else if let referer = request.headers[.referer] {
            guard referer == expected || referer.hasPrefix(expected + "/") else { throw RegieError(.notPermitted, .originRefused) }
        }
    }

    /// A session for the authenticated person: their language and purpose from the request's
    /// headers (`Accept-Language`, `Regie-Purpose`).
    func session(_ request: Request, _ context: RegieRequestContext) throws(RegieError) -> CaseSession {
        guard let identity = context.identity else { throw RegieError(.notPermitted, .notSignedIn) }
        let purpose = request.headers[HTTPField.Name.regiePurpose]
        let asked = RegieApp.Request(actorID: identity.person.id, now: fixedNow ?? Date(), clockIsFixed: fixedNow != nil,
                                     language: language(of: request), purpose: purpose ?? identity.purpose,
                                     address: address(request, context))
        return try CaseSession(workspace: workspace, request: asked, sharedStore: store, pool: rules, replays: replays, accessLog: accessLog)
    }

    /// Where the request came from, as the access log and the token uses record it.
    func address(_ request: Request, _ context: RegieRequestContext) -> String {
        settings.clientAddress(peer: context.remoteAddress, forwardedFor: request.headers[.xForwardedFor])
    }

    /// The first of Dutch and English in `Accept-Language`; else the workspace's locale.
    func language(of request: Request) -> Language {
        guard let header = request.headers[.acceptLanguage] else { return workspace.locale }
        for part in header.split(separator: ",") {
            let tag = part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            if tag.hasPrefix("nl") { return .nl }
            if tag.hasPrefix("en") { return .en }
        }
        return workspace.locale
    }
}

extension HTTPField.Name {
    /// Why case data is read, for the access log (else the workspace's default).
    static let regiePurpose = HTTPField.Name("Regie-Purpose")!
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}

/// Runs a handler with a request's session and closes it afterwards, whatever happens.
extension ServerEnvironment {
    func withSession<T>(_ request: Request, _ context: RegieRequestContext, _ body: (CaseSession) async throws -> T) async throws -> T {
        let session = try self.session(request, context)
        // The person is told the team's rules could not be checked; the detail is logged for
        // the application manager, without the case.
        let logger = self.logger
        return try await PluginFailureLog.$sink.withValue({ error in
            logger.warning("a plugin failed", metadata: ["plugin.failure": .string(RegieError.technicalDetail(error))])
        }) {
            do {
                let value = try await body(session)
                await session.close()
                return value
            } catch {
                await session.close()
                throw error
            }
        }
    }
}
