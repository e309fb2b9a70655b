import Foundation
import Hummingbird
import RegieApp
import RegieCore
import RegieReports

/// `/api/v1/cases/{case}/time`, `…/checklist` and `…/migration`: what the command line's
/// `time list`, `check list` and `case migrate` show, each logged as a read; text on
/// `Accept: text/plain`. Applying a migration (POST) needs `If-Match`.
struct CaseReadRoutes {
    let environment: ServerEnvironment

    func addRoutes(to group: RouterGroup<RegieRequestContext>) {
        group.get("cases/:case/time", use: time)
        group.get("cases/:case/checklist", use: checklist)
        group.get("cases/:case/migration", use: migrationPlan)
        group.post("cases/:case/migration", use: migrate)
        group.get("migration", use: teamMigrationPlan)
        group.post("migration", use: migrateTeam)
    }

    struct TimeEntries: Encodable {
        var entries: [TimeEntryJSON]
        var totalMinutes: Int
    }

    @Sendable func time(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let caseID = try Query.caseID(context)
        return try await environment.withSession(request, context) { session in
            let (state, _, _) = try await session.read(caseID, action: "api time list")
            if PlainText.wanted(request) { return PlainText.response(TimeEntryJSON.lines(state, l: session.l)) }
            return try JSONBody.response(TimeEntries(entries: state.timeEntries.map(TimeEntryJSON.init), totalMinutes: state.minutesLogged))
        }
    }

    struct Items: Encodable {
        var phase: Phase
        var items: [ChecklistItemJSON]
    }

    /// A phase's checklist (`?phase=`; default: the case's current phase).
    @Sendable func checklist(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let caseID = try Query.caseID(context)
        let asked = try Query.choice(request.uri.queryParameters, "phase", Phase.allCases.map(\.rawValue)).flatMap(Phase.init(rawValue:))
        return try await environment.withSession(request, context) { session in
            let (state, workflow, _) = try await session.read(caseID, action: "api check list")
            let phase = asked ?? state.status.phase
            let items = try session.checklist(phase, of: state, workflow: workflow)
            if PlainText.wanted(request) { return PlainText.response(CaseText(l: session.l).checklistLines(items)) }
            return try JSONBody.response(Items(phase: phase, items: items.map { ChecklistItemJSON($0, session.l) }))
        }
    }

    /// What moving the case to its team's current rules would change; nothing is changed.
    @Sendable func migrationPlan(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let caseID = try Query.caseID(context)
        return try await environment.withSession(request, context) { session in
            let plan = try await session.migrate(caseID, apply: false)
            if PlainText.wanted(request) { return PlainText.response(plan.lines(l: session.l)) }
            return try JSONBody.response(plan, headers: [.eTag: CaseVersionTag.etag(plan.version)])
        }
    }

    /// Moves the case to its team's current rules (coordinators), answering the plan as applied.
    @Sendable func migrate(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let caseID = try Query.caseID(context)
        let expected = try CaseVersionTag.expected(request, caseID: caseID)
        _ = try await JSONBody.decode(NoBody.self, from: request, context: context)
        return try await environment.withSession(request, context) { session in
            let plan = try await session.migrate(caseID, apply: true, expectedVersion: expected)
            if PlainText.wanted(request) { return PlainText.response(plan.lines(l: session.l)) }
            return try JSONBody.response(plan, headers: [.eTag: CaseVersionTag.etag(plan.version)])
        }
    }

    /// `case migrate --team T` (or every team of the person, without `team`): the dry run.
    @Sendable func teamMigrationPlan(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let team = request.uri.queryParameters["team"].map(String.init)
        return try await environment.withSession(request, context) { session in
            let result = try await session.migrateTeam(team, apply: false)
            if PlainText.wanted(request) { return PlainText.response(result.lines(l: session.l)) }
            return try JSONBody.response(result)
        }
    }

    /// Every running case of the team moved to its current rules (coordinators), each case in
    /// its own transaction; the answer says where it stopped if a case could not be migrated.
    /// No `If-Match`: each case is migrated from the version it has when its turn comes.
    @Sendable func migrateTeam(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let team = request.uri.queryParameters["team"].map(String.init)
        _ = try await JSONBody.decode(NoBody.self, from: request, context: context)
        return try await environment.withSession(request, context) { session in
            let result = try await session.migrateTeam(team, apply: true)
            if PlainText.wanted(request) { return PlainText.response(result.lines(l: session.l)) }
            return try JSONBody.response(result)
        }
    }
}
