import Foundation
import RegieApp
import RegieCore

/// Performs one command on a case where the command line is pointed: on a Regie server
/// (`--server`, `REGIE_SERVER`) through its API, else in the workspace through the core. Both
/// give what the command tells the user: whether anything changed, the number of what was
/// made, and the language to say it in.
enum CaseCommandRun {
    /// The API request that does the same as a command, under `/api/v1/cases/{case}`.
    struct ServerRequest {
        var method: ServerClient.Method
        var path: String
        var body: [String: Any?]?

        init(_ method: ServerClient.Method, _ path: String, _ body: [String: Any?]? = nil) {
            self.method = method
            self.path = path
            self.body = body
        }
    }

    struct Outcome {
        var changed: Bool
        var created: Int?
        var l: L10n
    }

    /// - Parameter build: the command and its API request, for today (which `today` and
    ///   `yesterday` in a typed day mean): the teams' day in the workspace, this computer's day
    ///   against a server.
    static func perform(_ global: GlobalOptions, caseID: Int, farDateConfirmed: Bool = false,
                        _ build: (LocalDate) throws -> (command: CaseCommand, request: ServerRequest)) async throws -> Outcome {
        if let server = try ServerClient.connect(global) {
            let (_, request) = try build(LocalDate(dayOf: Date(), in: .current))
            let written = try await server.change(request.method, "/cases/\(caseID)" + request.path, request.body)
            return Outcome(changed: !written.recorded.isEmpty, created: written.created, l: server.l)
        }
        let session = try await CaseSession(global)
        let (command, _) = try build(session.today)
        let (_, recorded) = try await session.perform(command, on: caseID, farDateConfirmed: farDateConfirmed)
        return Outcome(changed: !recorded.isEmpty, created: CaseEvent.createdNumber(in: recorded.map(\.event)), l: session.l)
    }
}
