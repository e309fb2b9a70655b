import Foundation
import HTTPTypes
import Hummingbird
import RegieApp
import RegieCore
import RegieReports

/// `/api/v1/cases`: the case list, opening a case, a case as shown, and the changes the
/// command line makes (goals, checklist, moves). Every change names the version it was made
/// on (`If-Match`) and answers with the new version as the ETag.
struct CaseRoutes {
    let environment: ServerEnvironment

    func addRoutes(to group: RouterGroup<RegieRequestContext>) {
        group.get("cases", use: list)
        group.post("cases", use: open)
        group.get("cases/:case", use: show)
        group.post("cases/:case/goals", use: addGoal)
        group.patch("cases/:case/goals/:goal", use: changeGoal)
        group.put("cases/:case/checklist/:item", use: tick)
        group.delete("cases/:case/checklist/:item", use: untick)
        group.post("cases/:case/moves", use: move)
    }

    struct Page: Encodable {
        var cases: [CaseSummaryJSON]
        /// The address of the next page, if there is one.
        var next: String?
    }

    @Sendable func list(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        var filter = CaseSession.ListFilter()
        filter.selection = CaseSession.CaseSelection(team: query["team"].map(String.init), mine: try Query.flag(query, "mine"))
        if let state = query["status"] {
            guard ["active", "paused", "closed"].contains(String(state)) else {
                throw RegieError(.usage, .queryInvalid, ["parameter": "status", "detail": "active, paused or closed"])
            }
            filter.state = String(state)
        }
        if let phase = query["phase"] {
            guard let value = Phase(rawValue: String(phase)) else {
                throw RegieError(.usage, .queryInvalid, ["parameter": "phase", "detail": "goals, mapping, activation, meeting or follow_up"])
            }
            filter.phase = value
        }
        filter.overdue = try Query.flag(query, "overdue")
        let limit = try Query.number(query, "limit", 1...500) ?? 100
        let after = try Query.number(query, "after", 0...Int(Int32.max))
        return try await environment.withSession(request, context) { session in
            let (cases, more) = try await session.casePage(filter, after: after, limit: limit, action: "api case list")
            var next: String?
            if more, let last = cases.last {
                var parts = ["after=\(last.summary.id)", "limit=\(limit)"]
                for key in ["team", "status", "phase", "mine", "overdue"] {
                    if let value = query[Substring(key)] { parts.append("\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? "")") }
                }
                next = "/api/v1/cases?" + parts.joined(separator: "&")
            }
            let today = session.today, zone = session.workspace.timeZone
            if PlainText.wanted(request) {
                var headers = HTTPFields()
                if let next { headers[HTTPField.Name("Link")!] = "<\(next)>; rel=\"next\"" }
                return PlainText.response(CaseListText(session.l, names: session.displayNames).lines(cases, today: today, timeZone: zone),
                                          headers: headers)
            }
            return try JSONBody.response(Page(cases: cases.map { CaseSummaryJSON($0, today: today, timeZone: zone) }, next: next))
        }
    }

    struct OpenBody: APIRequestBody {
        static let fields: Set<String> = ["team", "client_label", "reference", "complex", "worker", "second_worker"]
        var team: String
        var clientLabel: String
        var reference: String?
        var complex: Bool?
        var worker: String?
        var secondWorker: String?
    }

    @Sendable func open(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(OpenBody.self, from: request, context: context)
        return try await environment.withSession(request, context) { session in
            let state = try await session.openCase(team: body.team, clientLabel: body.clientLabel, reference: body.reference,
                                                   complex: body.complex ?? false, worker: body.worker, secondWorker: body.secondWorker)
            var written = CaseWritten(state, recorded: [], l: session.l, names: session.displayName)
            written.recorded = ["opened"]
            written.created = state.id
            return try JSONBody.response(written, status: .created,
                                         headers: [.eTag: CaseVersionTag.etag(state.version), .location: "/api/v1/cases/\(state.id)"])
        }
    }

    @Sendable func show(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let caseID = try Query.caseID(context)
        return try await environment.withSession(request, context) { session in
            let view = try await session.view(caseID, action: "api case show")
            if PlainText.wanted(request) {
                return PlainText.response(view.text(today: session.today, l: session.l, names: session.displayNames),
                                          headers: [.eTag: CaseVersionTag.etag(view.state.version)])
            }
            return try JSONBody.response(view.json(today: session.today, l: session.l), headers: [.eTag: CaseVersionTag.etag(view.state.version)])
        }
    }

    struct GoalBody: APIRequestBody {
        static let fields: Set<String> = ["text", "term", "worded_by"]
        var text: String
        var term: GoalTerm
        var wordedBy: Author
    }

    @Sendable func addGoal(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(GoalBody.self, request, context, status: .created) {
            .addGoal(text: $0.text, term: $0.term, wordedBy: $0.wordedBy)
        }
    }

    struct GoalChangeBody: APIRequestBody {
        static let fields: Set<String> = ["text", "worded_by", "term", "status"]
        var text: String?
        var wordedBy: Author?
        var term: GoalTerm?
        var status: GoalStatus?
    }

    @Sendable func changeGoal(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let goal = try Query.pathNumber(context, "goal")
        return try await environment.change(GoalChangeBody.self, request, context) { body in
            if body.text != nil && body.wordedBy == nil {
                throw RegieError(.usage, .requestBodyInvalid, ["detail": "worded_by is missing (a new text needs it)"])
            }
            return .changeGoal(id: goal, text: body.text, wordedBy: body.wordedBy, term: body.term, status: body.status)
        }
    }

    @Sendable func tick(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(request, context, .tick(item: try Query.pathText(context, "item")))
    }

    @Sendable func untick(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(request, context, .untick(item: try Query.pathText(context, "item")))
    }

    struct MoveBody: APIRequestBody {
        static let fields: Set<String> = ["move", "phase", "kind", "outcome", "reason", "override"]
        var move: MoveKind
        /// For `revisit`: the phase to go back to.
        var phase: Phase?
        /// For `pause`.
        var kind: PauseKind?
        /// For `close`.
        var outcome: CloseOutcome?
        var reason: String?
        /// A coordinator overrides unmet items; `reason` is then the override's reason.
        var override: Bool?

        func resolved() throws(RegieError) -> Move {
            func missing(_ field: String) -> RegieError {
                RegieError(.usage, .requestBodyInvalid, ["detail": .text("\(field) is missing (\(move.rawValue) needs it)")])
            }
            switch move {
            case .advance: return .advance
            case .revisit:
                guard let phase else { throw missing("phase") }
                return .revisit(phase)
            case .nextRound: return .nextRound
            case .renew: return .renew
            case .pause:
                guard let kind else { throw missing("kind") }
                return .pause(kind)
            case .resume: return .resume
            case .close:
                guard let outcome else { throw missing("outcome") }
                return .close(outcome)
            case .reopen: return .reopen
            }
        }
    }

    @Sendable func move(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(MoveBody.self, request, context) { body in
            let override = body.override ?? false
            return .move(try body.resolved(), reason: override ? nil : body.reason, override: override ? body.reason ?? "" : nil)
        }
    }
}
