import Foundation
import Hummingbird
import RegieApp
import RegieCore
import RegieReports

/// `/api/v1/audit/…`: the trail as the command line's `audit` commands read it, within the same
/// scope. One case's reads for anyone in its team; across cases, coordinators their own
/// teams' and auditors everything. Each read of the trail is itself logged.
struct AuditRoutes {
    let environment: ServerEnvironment

    func addRoutes(to group: RouterGroup<RegieRequestContext>) {
        group.get("audit/access", use: access)
        group.get("audit/log", use: log)
        group.get("audit/export", use: export)
    }

    struct Entries: Encodable {
        var entries: [AccessEntryJSON]
    }

    @Sendable func access(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let caseID = try Query.number(request.uri.queryParameters, "case", 1...Int(Int32.max))
        return try await environment.withSession(request, context) { session in
            try JSONBody.response(Entries(entries: try await session.accessLog(of: caseID)))
        }
    }

    struct Transitions: Encodable {
        var transitions: [TransitionJSON]
    }

    /// The transitions as JSON; as text (`Accept: text/plain`) with the corrections after them.
    @Sendable func log(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let caseID = try Query.number(query, "case", 1...Int(Int32.max))
        let since = try Query.day(query, "since")
        let actor = query["actor"].map(String.init)
        let text = PlainText.wanted(request)
        return try await environment.withSession(request, context) { session in
            let log = try await session.auditLog(of: caseID, by: actor, since: since, withCorrections: text)
            if text { return PlainText.response(log.text(l: session.l, names: session.displayNames)) }
            return try JSONBody.response(Transitions(transitions: log.transitions))
        }
    }

    /// NEN 7513 records, one JSON object per line (`format=jsonl`, the default) or CSV.
    @Sendable func export(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let csv = try Query.choice(query, "format", ["jsonl", "csv"]) == "csv"
        let caseID = try Query.number(query, "case", 1...Int(Int32.max))
        let since = try Query.day(query, "since")
        return try await environment.withSession(request, context) { session in
            let records = try await session.exportRecords(of: caseID, since: since, software: "regie \(RegieVersion.current) server")
            let lines = AuditExportRecord.lines(records, csv: csv)
            return ReportRoutes.document(lines.map { $0 + "\n" }.joined(), type: csv ? "text/csv" : "application/jsonl")
        }
    }
}
