import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RegieApp
import RegieCore
import RegieReports

/// An error as the API answers it: RFC 9457 problem details (`application/problem+json`),
/// with the same code and exit code the command line gives, in the asker's language.
struct ProblemDetails: Encodable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var hint: String?
    var code: String
    var exitCode: Int32
    /// The values that fill in the sentence, by name, as the command line's `--json` errors
    /// give them: a client in another language can word the error itself.
    var fields: [String: ErrorValue]
    /// How the fields that are terms (a move, an item) read in the answer's language, by name.
    var fieldWording: [String: String]

    init(_ error: RegieError, status: HTTPResponse.Status, language: Language) {
        type = "urn:regie:error:\(error.code.rawValue)"
        title = status.reasonPhrase
        self.status = status.code
        detail = error.message(in: language)
        hint = error.hint(in: language)
        code = error.code.rawValue
        exitCode = error.status.rawValue
        fields = error.fields
        fieldWording = error.fields.compactMapValues { value in
            guard case .term = value else { return nil }
            return value.text(in: language)
        }
    }

    /// The HTTP status for an error: the exit code decides, with a few codes made more exact.
    /// - Parameter conditional: the request carried `If-Match`, so a conflict is a failed precondition.
    static func status(of error: RegieError, conditional: Bool) -> HTTPResponse.Status {
        switch error.code {
        case .notSignedIn, .tokenInvalid, .sessionEnded, .loginFailed, .loginStateInvalid, .oidcFailed: return .unauthorized
        case .versionRequired: return .init(code: 428, reasonPhrase: "Precondition Required")
        case .routeNotFound: return .notFound
        case .methodNotAllowed: return .methodNotAllowed
        case .requestTooLarge: return .contentTooLarge
        default: break
        }
        switch error.status {
        case .success: return .ok
        case .usage: return .badRequest
        case .refused: return .conflict
        case .notFound: return .notFound
        case .conflict: return conditional ? .preconditionFailed : .conflict
        case .notPermitted: return .forbidden
        case .storage: return .serviceUnavailable
        case .configuration, .internalError, .auditFailed: return .internalServerError
        }
    }

    func response(headers extra: HTTPFields = [:]) -> Response {
        let data = (try? JSONStyle.encoder().encode(self)) ?? Data("{}".utf8)
        var headers = extra
        headers[.contentType] = "application/problem+json; charset=utf-8"
        return Response(status: .init(code: status, reasonPhrase: title), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
