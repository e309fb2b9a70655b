import Foundation
import RegieCore

/// A handover waiting to or from the acting person's teams, as `case transfers --json` and the
/// API show it: no more of the case than the receiving team may see before it accepts.
package struct TransferOfferJSON: Codable, Sendable {
    package var caseId: Int
    package var fromTeam: String
    package var toTeam: String
    package var reason: String
    package var requestedBy: String
    /// The name `regie.yaml` gives whoever offered it.
    package var requestedByName: String
    package var requestedAt: Date
    /// True when the offer is to one of the acting person's teams, false when from one.
    package var incoming: Bool

    package init(_ offer: CaseSession.TransferOffer, names: (String) -> String) {
        requestedByName = names(offer.transfer.requestedBy)
        caseId = offer.caseID
        fromTeam = offer.fromTeam
        toTeam = offer.transfer.toTeam
        reason = offer.transfer.reason
        requestedBy = offer.transfer.requestedBy
        requestedAt = offer.transfer.requestedAt
        incoming = offer.incoming
    }
}
