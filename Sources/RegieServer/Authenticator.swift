import Foundation
import HTTPTypes
import Hummingbird
import RegieApp
import RegieReports

/// Establishes who is asking, for every route behind it: an API token (`Authorization: Bearer`)
/// or a login session's cookie. A request without either goes no further (401), and nothing is
/// read. A change made with a session must come from Regie's own pages: the same origin, and
/// the session's CSRF token in `Regie-CSRF` (or the form's `csrf` field, checked by the page).
struct Authenticator: RouterMiddleware {
    typealias Context = RegieRequestContext
    let environment: ServerEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.identity = try await identify(request, context)
        context.maxUploadSize = environment.settings.maxBodyBytes
        return try await next(request, context)
    }

    func identify(_ request: Request, _ context: Context) async throws -> Authenticated {
        let now = environment.fixedNow ?? Date()
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw RegieError(.notPermitted, .notSignedIn) }
            let route = "\(request.method.rawValue) \(context.endpointPath ?? request.uri.path)"
            return try await environment.logins.authenticate(token: parts[1].trimmingCharacters(in: .whitespaces), at: now,
                                                             address: environment.address(request, context), request: route)
        }
        return try await environment.sessionIdentity(request, csrf: request.headers[.regieCSRF])
    }
}

extension HTTPRequest.Method {
    /// GET and HEAD change nothing, so they need no proof of origin.
    var isSafe: Bool { self == .get || self == .head || self == .options }
}

extension HTTPField.Name {
    /// The session's CSRF token, sent with a change made from a page's script.
    static let regieCSRF = HTTPField.Name("Regie-CSRF")!
}
