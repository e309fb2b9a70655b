import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RegieApp
import RegieReports

/// Turns every error into problem details: Regie's own errors with their code, Hummingbird's
/// (no such route, a body too large) into Regie's codes, and anything else into a server fault
/// that is logged by its type only, never with what the request held.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = RegieRequestContext
    let environment: ServerEnvironment
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var regieError = translate(error, context: context)
            var headers: HTTPFields = [:]
            if regieError.code == .routeNotFound {
                let allowed = routes.methods(at: request.uri.path)
                if !allowed.isEmpty {
                    regieError = RegieError(.usage, .methodNotAllowed, ["method": .text(request.method.rawValue)])
                    headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
                }
            }
            let status = ProblemDetails.status(of: regieError, conditional: request.headers[.ifMatch] != nil)
            if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"regie\"" }
            if status.code >= 500 {
                environment.logger.error("request failed", metadata: ["code": .string(regieError.code.rawValue),
                                                                     "error.type": .string(String(describing: type(of: error)))])
            }
            return ProblemDetails(regieError, status: status, language: environment.language(of: request)).response(headers: headers)
        }
    }

    private func translate(_ error: any Error, context: Context) -> RegieError {
        if let error = error as? RegieError { return error }
        if error is NIOTooManyBytesError {
            return RegieError(.usage, .requestTooLarge, ["limit": .number(context.maxUploadSize / 1024)])
        }
        if let error = error as? HTTPError {
            switch error.status {
            case .notFound, .methodNotAllowed: return RegieError(.notFound, .routeNotFound)
            case .contentTooLarge: return RegieError(.usage, .requestTooLarge, ["limit": .number(context.maxUploadSize / 1024)])
            case .badRequest: return RegieError(.usage, .requestBodyInvalid, ["detail": "\(error.body ?? "malformed")"])
            default: break
            }
        }
        return RegieError(.internalError, .serverFault)
    }
}
