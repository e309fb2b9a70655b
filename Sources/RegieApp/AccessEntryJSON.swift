import Foundation
import RegieAudit

/// One read of the access log as `audit access --json` and `GET /api/v1/audit/access` give it:
/// who (by id and by name), as what, when, which case, with which command, why and from where.
package struct AccessEntryJSON: Codable, Sendable {
    package var sequence: Int
    package var at: Date
    package var actor: String
    /// The name `regie.yaml` gives the reader now; their id when it no longer knows them.
    package var actorName: String
    package var role: String
    package var caseId: Int?
    package var action: String
    package var purpose: String
    /// Where a read through the server came from; nil on the command line.
    package var address: String?

    package init(_ e: AccessEnvelope, name: String) {
        sequence = e.sequence
        at = Date(timeIntervalSince1970: Double(e.at) / 1000)
        actor = e.actor
        actorName = name
        role = e.role
        caseId = e.caseID
        action = e.action
        purpose = e.purpose
        address = e.address
    }
}

extension CaseSession {
    /// ``accessEntries(of:)`` with each reader's name, as both front ends show them.
    package func accessLog(of caseID: Int?) async throws(RegieError) -> [AccessEntryJSON] {
        try await accessEntries(of: caseID).map { AccessEntryJSON($0, name: displayName($0.actor)) }
    }
}
