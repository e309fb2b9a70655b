import HTTPTypes
import Hummingbird
import RegieApp
import RegieCore
import RegieReports

/// What a change to a case answers: the case's new version (also the ETag), the events
/// recorded (none: nothing changed), the number of what the change made (the case, a goal, a
/// resource, a question or a meeting), the case's status now and who holds it.
struct CaseWritten: Encodable {
    var caseId: Int
    var version: Int
    var recorded: [String]
    var created: Int?
    /// nil only for a team that declined a handover: the case was never theirs to see.
    var status: StatusJSON?
    /// The status in words, in the asker's language.
    var statusTitle: String?
    /// How the team refers to the client now, and the reference in their own system.
    var clientLabel: String?
    var reference: String?
    var holder: CaseHolderJSON?
    /// For a move: where the case went, with the new phase's prompts and reminders.
    var moved: MoveReport?
    /// For an undo: the event taken back.
    var undone: UndoneJSON?

    struct UndoneJSON: Encodable {
        var version: Int
        /// Its stored type name, such as `goal_added`, and that in words.
        var type: String
        var title: String
    }

    init(_ state: CaseState, recorded: [CaseEvent], l: L10n, names: (String) -> String) {
        caseId = state.id
        version = state.version
        self.recorded = recorded.map(\.typeName)
        created = CaseEvent.createdNumber(in: recorded)
        status = StatusJSON(state.status)
        statusTitle = state.status.title(l)
        if case .undone(let undone) = recorded.last {
            self.undone = UndoneJSON(version: undone.version, type: undone.type, title: EventNames.title(undone.type, l))
        }
        clientLabel = state.clientLabel
        reference = state.externalReference
        holder = CaseHolderJSON(state, names: names)
    }

    /// No more than the case's number, its version and what was recorded.
    static func bare(_ state: CaseState, recorded: [CaseEvent]) -> CaseWritten {
        var written = CaseWritten(state, recorded: recorded, l: L10n(language: .en), names: { $0 })
        written.status = nil
        written.statusTitle = nil
        written.clientLabel = nil
        written.reference = nil
        written.holder = nil
        return written
    }
}

extension ServerEnvironment {
    /// A change to the case of the request's path: reads the case number and its `If-Match`
    /// (before the body, so that a missing version is told first), then the body, then has
    /// `perform` make the change on a session, and answers with what was recorded and the new
    /// ETag: `status` when something was recorded, 200 when nothing changed.
    func change<Body: APIRequestBody>(_ type: Body.Type, _ request: Request, _ context: RegieRequestContext,
                                      status: HTTPResponse.Status = .ok, bare: Bool = false,
                                      _ perform: (Body, CaseSession, _ caseID: Int, _ expected: Int?) async throws -> CaseSession.Performed)
        async throws -> Response
    {
        let caseID = try Query.caseID(context)
        let expected = try CaseVersionTag.expected(request, caseID: caseID)
        let body = try await JSONBody.decode(Body.self, from: request, context: context)
        return try await withSession(request, context) { session in
            try await written(try await perform(body, session, caseID, expected), session, status: status, bare: bare)
        }
    }

    /// A change that is one core command made from the body.
    func change<Body: APIRequestBody>(_ type: Body.Type, _ request: Request, _ context: RegieRequestContext,
                                      status: HTTPResponse.Status = .ok, farDateConfirmed: (Body) -> Bool = { _ in false },
                                      _ command: (Body) throws -> CaseCommand) async throws -> Response {
        let caseID = try Query.caseID(context)
        let expected = try CaseVersionTag.expected(request, caseID: caseID)
        let body = try await JSONBody.decode(Body.self, from: request, context: context)
        let made = try command(body), confirmed = farDateConfirmed(body)
        return try await withSession(request, context) { session in
            let done = try await session.perform(made, on: caseID, farDateConfirmed: confirmed, expectedVersion: expected)
            return try await written(done, session, status: status, bare: false)
        }
    }

    /// The answer to a change: with `bare`, no more than the case's number, version and events.
    private func written(_ done: CaseSession.Performed, _ session: CaseSession, status: HTTPResponse.Status, bare: Bool) async throws -> Response {
        var written = bare ? CaseWritten.bare(done.state, recorded: done.recorded.map(\.event))
            : CaseWritten(done.state, recorded: done.recorded.map(\.event), l: session.l, names: session.displayName)
        written.moved = await session.moveReport(done.state, recorded: done.recorded)
        return try JSONBody.response(written, status: done.recorded.isEmpty ? .ok : status,
                                     headers: [.eTag: CaseVersionTag.etag(done.state.version)])
    }

    /// A change that takes no body.
    func change(_ request: Request, _ context: RegieRequestContext, _ command: CaseCommand) async throws -> Response {
        try await change(NoBody.self, request, context) { _ in command }
    }
}

/// The body of a change that needs none: absent, or an empty object.
struct NoBody: APIRequestBody {
    static let fields: Set<String> = []
}
