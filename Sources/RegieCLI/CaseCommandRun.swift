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
        /// Who holds the case now, how it is labelled and referenced (not after a declined handover).
        var holder: CaseHolderJSON?
        var clientLabel: String?
        var reference: String?
    }

    /// - Parameter build: the command and its API request, for today (which `today` and
    ///   `yesterday` in a typed day mean): the teams' day in the workspace, this computer's day
    ///   against a server.
    static func perform(_ global: GlobalOptions, caseID: Int, farDateConfirmed: Bool = false,
                        _ build: (LocalDate) throws -> (command: CaseCommand, request: ServerRequest)) async throws -> Outcome {
        if let server = try ServerClient.connect(global) {
            let (_, request) = try build(LocalDate(dayOf: Date(), in: .current))
            return try await remote(server, caseID, request)
        }
        let session = try await CaseSession(global)
        let (command, _) = try build(session.today)
        return outcome(try await session.perform(command, on: caseID, farDateConfirmed: farDateConfirmed), session)
    }

    /// A change the workspace makes through a session's own method (one that checks who of
    /// which team may hold the case, say) rather than one command.
    static func perform(_ global: GlobalOptions, caseID: Int, _ request: ServerRequest,
                        local: (CaseSession) async throws -> CaseSession.Performed) async throws -> Outcome {
        if let server = try ServerClient.connect(global) { return try await remote(server, caseID, request) }
        let session = try await CaseSession(global)
        return outcome(try await local(session), session)
    }

    private static func remote(_ server: ServerClient, _ caseID: Int, _ request: ServerRequest) async throws(RegieError) -> Outcome {
        let written = try await server.change(request.method, "/cases/\(caseID)" + request.path, request.body)
        return Outcome(changed: !written.recorded.isEmpty, created: written.created, l: server.l, holder: written.holder,
                       clientLabel: written.clientLabel, reference: written.reference)
    }

    private static func outcome(_ done: CaseSession.Performed, _ session: CaseSession) -> Outcome {
        let state = done.state
        let holder = CaseHolderJSON(state, names: session.displayName)
        return Outcome(changed: !done.recorded.isEmpty, created: CaseEvent.createdNumber(in: done.recorded.map(\.event)), l: session.l,
                       holder: holder, clientLabel: state.clientLabel, reference: state.externalReference)
    }
}
