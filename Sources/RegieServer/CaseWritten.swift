import HTTPTypes
import Hummingbird
import RegieApp
import RegieCore
import RegieReports

/// What a change to a case answers: the case's new version (also the ETag), the events
/// recorded (none: nothing changed), the number of what the change made (the case, a goal, a
/// resource, a question or a meeting), and the case's status now.
struct CaseWritten: Encodable {
    var caseId: Int
    var version: Int
    var recorded: [String]
    var created: Int?
    var status: StatusJSON
    /// For a move: where the case went, with the new phase's prompts and reminders.
    var moved: MoveReport?

    init(_ state: CaseState, recorded: [CaseEvent]) {
        caseId = state.id
        version = state.version
        self.recorded = recorded.map(\.typeName)
        created = CaseEvent.createdNumber(in: recorded)
        status = StatusJSON(state.status)
    }
}

extension ServerEnvironment {
    /// Performs a command on a case at the version the request names (`If-Match`, read by the
    /// caller before the body), and answers with what was recorded and the new ETag: `status`
    /// when something was recorded, 200 when nothing changed.
    func change(_ request: Request, _ context: RegieRequestContext, caseID: Int, expected: Int?, status: HTTPResponse.Status = .ok,
                farDateConfirmed: Bool = false, _ command: CaseCommand) async throws -> Response {
        try await withSession(request, context) { session in
            let (state, recorded) = try await session.perform(command, on: caseID, farDateConfirmed: farDateConfirmed,
                                                              expectedVersion: expected)
            var written = CaseWritten(state, recorded: recorded.map(\.event))
            written.moved = await session.moveReport(state, recorded: recorded)
            return try JSONBody.response(written, status: recorded.isEmpty ? .ok : status,
                                         headers: [.eTag: CaseVersionTag.etag(state.version)])
        }
    }
}
