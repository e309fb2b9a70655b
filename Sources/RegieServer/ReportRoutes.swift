import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RegieApp
import RegieCore
import RegieReports

/// `/api/v1/cases/{case}/plan` and `/api/v1/reports/team`: the client's plan and the team
/// report, as the command line's `report` commands make them, in the format `?format=` names
/// (JSON by default). An HTML page may use only its own inline stylesheet.
struct ReportRoutes {
    let environment: ServerEnvironment

    func addRoutes(to group: RouterGroup<RegieRequestContext>) {
        group.get("cases/:case/plan", use: plan)
        group.get("reports/team", use: team)
    }

    @Sendable func plan(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let caseID = try Query.caseID(context)
        let format = try Query.choice(request.uri.queryParameters, "format", ["json", "md", "html", "dot"]) ?? "json"
        let people = try Query.choice(request.uri.queryParameters, "people", CasePlan.People.allCases.map(\.rawValue))
            .flatMap(CasePlan.People.init(rawValue:)) ?? .group
        return try await environment.withSession(request, context) { session in
            let plan = try await session.plan(caseID, action: "api report case", people: people)
            let l = session.l
            switch format {
            case "md": return Self.document(CasePlanReport(l: l).document(plan).markdown(), type: "text/markdown")
            case "html": return Self.page(CasePlanReport(l: l).document(plan).html(language: l.language.rawValue))
            case "dot": return Self.document(EcomapDot(l: l).render(plan), type: "text/vnd.graphviz")
            default: return try JSONBody.response(CasePlanJSON(plan))
            }
        }
    }

    @Sendable func team(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let format = try Query.choice(query, "format", ["json", "text", "md", "html"]) ?? "json"
        let since = try Query.day(query, "since"), until = try Query.day(query, "until")
        let all = try Query.flag(query, "all")
        return try await environment.withSession(request, context) { session in
            let (report, scope) = try await session.teamReport(team: query["team"].map(String.init),
                                                               selection: .init(since: since, until: until, all: all))
            let l = session.l
            switch format {
            case "text": return PlainText.response(TeamReportText(l: l).render(report, scope: scope))
            case "md", "html":
                let document = TeamReportDocument(l: l).document(report, scope: scope)
                return format == "md" ? Self.document(document.markdown(), type: "text/markdown")
                    : Self.page(document.html(language: l.language.rawValue))
            default: return try JSONBody.response(TeamReportJSON(report, scope: scope))
            }
        }
    }

    static func document(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: "\(type); charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A report page, with a policy that lets it use its own stylesheet and nothing else.
    static func page(_ html: String) -> Response {
        var response = document(html, type: "text/html")
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src '\(styleHash)'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
        return response
    }

    /// The CSP source of the reports' inline stylesheet.
    static let styleHash = "sha256-" + Data(SHA256.hash(data: Data(HTMLPage.style.utf8))).base64EncodedString()
}
