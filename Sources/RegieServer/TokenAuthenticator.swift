import Foundation
import HTTPTypes
import Hummingbird
import RegieReports
import RegieApp

/// Establishes who is asking from `Authorization: Bearer TOKEN`, for every route behind it. A
/// request without a valid token goes no further: 401 with the reason, and nothing is read.
struct TokenAuthenticator: RouterMiddleware {
    typealias Context = RegieRequestContext
    let environment: ServerEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { throw RegieError(.notPermitted, .notSignedIn) }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw RegieError(.notPermitted, .notSignedIn) }
        var context = context
        let route = "\(request.method.rawValue) \(context.endpointPath ?? request.uri.path)"
        context.identity = try await CaseSession.authenticate(
            token: parts[1].trimmingCharacters(in: .whitespaces), store: environment.store, workspace: environment.workspace,
            at: environment.fixedNow ?? Date(), address: context.remoteAddress, request: route)
        context.maxUploadSize = environment.settings.maxBodyBytes
        return try await next(request, context)
    }
}
