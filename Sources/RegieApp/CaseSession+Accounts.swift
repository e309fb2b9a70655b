import Foundation
import RegieCore
import RegieReports
import RegieStore

extension CaseSession {
    /// Makes a one-time enrolment link for a person's local account (a first one, or after a
    /// lost phone or password): by a coordinator of one of the person's teams.
    /// - Returns: the code for the link (shown once) and when it stops working.
    package func invite(_ personID: String) async throws(RegieError) -> (code: String, expiresAt: Date, person: Workspace.Person) {
        let acting = try person()
        guard let invited = workspace.person(personID) else { throw RegieError(.notFound, .workerUnknown, ["person": .text(personID)]) }
        guard acting.role == .coordinator, !Set(acting.teams).isDisjoint(with: invited.teams) else {
            throw RegieError(.notPermitted, .inviteNeedsCoordinator, ["person": .text(invited.id)])
        }
        let code = RandomSecret.text()
        let expires = now.addingTimeInterval(Double(workspace.server.enrolmentHours) * 3600)
        let link = StoredEnrolment(codeHash: RandomSecret.hash(code), person: invited.id, totpSecret: TOTP.newSecret(), createdBy: acting.id,
                                   createdAt: now, expiresAt: expires)
        do {
            try await store.addEnrolment(link)
        } catch {
            throw RegieError.from(error)
        }
        return (code, expires, invited)
    }
}
