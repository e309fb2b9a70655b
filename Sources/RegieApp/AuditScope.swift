import RegieReports
import RegieAudit
import RegieCore
import RegieStore

/// Which part of the audit trail a person may read: an auditor all of it; a coordinator the
/// events and reads of their own teams' cases, and the reads across cases made by people of
/// those teams. Everyone else none of it beyond one case of their own team (`--case`).
package struct AuditScope {
    /// nil: everything.
    private let cases: Set<Int>?
    private let people: Set<String>

    /// - Throws: not permitted, for a person who is neither coordinator nor auditor.
    package init(_ session: CaseSession, command: String) async throws(RegieError) {
        let person = try session.person()
        switch person.role {
        case .auditor:
            cases = nil
            people = []
        case .coordinator:
            let teams = Set(person.teams)
            let summaries: [CaseSummary]
            do {
                summaries = try await session.store.summaries(team: nil)
            } catch {
                throw RegieError.from(error)
            }
            cases = Set(summaries.filter { teams.contains($0.team) }.map(\.id))
            people = Set(session.workspace.people.filter { !teams.isDisjoint(with: $0.teams) }.map(\.id))
        case .worker:
            throw RegieError(.notPermitted, .scopeNeedsCoordinator, ["command": "\(command)"])
        }
    }

    package func includes(caseID: Int) -> Bool { cases?.contains(caseID) ?? true }

    package func includes(_ access: AccessEnvelope) -> Bool {
        guard cases != nil else { return true }
        if let caseID = access.caseID { return includes(caseID: caseID) }
        return people.contains(access.actor)
    }
}
