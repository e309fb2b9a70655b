import Foundation
import Hummingbird
import RegieApp
import RegieCore
import RegieReports
import RegieStore

/// `/api/v1/me`, `/api/v1/agenda` and `/api/v1/tokens`: the asking person, what is due for
/// them, and their API tokens.
struct PersonRoutes {
    let environment: ServerEnvironment

    func addRoutes(to group: RouterGroup<RegieRequestContext>) {
        group.get("me", use: me)
        group.patch("me", use: changeMe)
        group.get("agenda", use: agenda)
        group.get("tokens", use: tokens)
        group.post("tokens", use: createToken)
        group.delete("tokens/:token", use: revokeToken)
    }

    struct Me: Encodable {
        var id: String, name: String, role: Role, teams: [String], language: Language
        /// What this request's reads are recorded as being for.
        var purpose: String
        /// The id of the API token the request came with (none for a login session).
        var tokenId: String?
    }

    @Sendable func me(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.withSession(request, context) { session in
            let person = try session.person()
            var tokenID: String?
            if case .token(let id)? = context.identity?.credential { tokenID = id }
            return try JSONBody.response(Me(id: person.id, name: person.name, role: person.role, teams: person.teams,
                                            language: session.l.language, purpose: session.purpose, tokenId: tokenID))
        }
    }

    struct MeChange: APIRequestBody {
        static let fields: Set<String> = ["purpose"]
        /// The purpose of this login session's reads from now on; null: the workspace's default.
        var purpose: String?
    }

    /// Changes what the person's login session records its reads as being for.
    @Sendable func changeMe(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(MeChange.self, from: request, context: context)
        guard let identity = context.identity else { throw RegieError(.notPermitted, .notSignedIn) }
        var context = context
        context.identity = try await environment.logins.setPurpose(body.purpose, of: identity)
        return try await me(request, context: context)
    }

    @Sendable func agenda(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let days = try Query.number(query, "days", 0...3650) ?? 14
        let team = query["team"].map(String.init)
        let mine = try Query.flag(query, "mine")
        let calendar = try Query.choice(query, "format", ["json", "ics"]) == "ics"
        return try await environment.withSession(request, context) { session in
            let cases = try await session.agenda(CaseSession.CaseSelection(team: team, mine: mine), withinDays: days)
            if calendar {
                let ics = AgendaCalendar(session.l, organisation: session.workspace.organisation, stamp: session.now).render(cases)
                return ReportRoutes.document(ics, type: "text/calendar")
            }
            let offers = try await session.agendaOffers(team: team)
            if PlainText.wanted(request) { return PlainText.response(AgendaText(session.l).lines(cases, today: session.today, offers: offers)) }
            return try JSONBody.response(AgendaItemJSON.items(cases, today: session.today, l: session.l, offers: offers))
        }
    }

    @Sendable func tokens(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.withSession(request, context) { session in
            try JSONBody.response(try await session.tokens().map { TokenJSON($0) })
        }
    }

    struct TokenBody: APIRequestBody {
        static let fields: Set<String> = ["name", "days"]
        var name: String
        var days: Int?
    }

    @Sendable func createToken(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(TokenBody.self, from: request, context: context)
        return try await environment.withSession(request, context) { session in
            let (token, secret) = try await session.createToken(name: body.name, days: body.days)
            return try JSONBody.response(TokenJSON(token, secret: secret), status: .created)
        }
    }

    @Sendable func revokeToken(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let id = try Query.pathText(context, "token")
        return try await environment.withSession(request, context) { session in
            try await session.revokeToken(id: id)
            return Response(status: .noContent)
        }
    }
}
