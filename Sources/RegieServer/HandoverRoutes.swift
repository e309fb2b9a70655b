import Foundation
import Hummingbird
import RegieApp
import RegieCore
import RegieReports

/// `/api/v1/cases/{case}/workers` and `…/transfer`: who of the team holds a case, and handing
/// it to another team. The sending team offers or withdraws; a coordinator of the receiving
/// team accepts or declines, seeing no more of the case than the offer (`/api/v1/transfers`)
/// until it is theirs, so they send `If-Match: *`.
struct HandoverRoutes {
    let environment: ServerEnvironment

    func addRoutes(to group: RouterGroup<RegieRequestContext>) {
        group.patch("cases/:case/workers", use: assign)
        group.post("cases/:case/transfer", use: offer)
        group.post("cases/:case/transfer/accept", use: accept)
        group.post("cases/:case/transfer/decline", use: decline)
        group.post("cases/:case/transfer/withdraw", use: withdraw)
        group.get("transfers", use: list)
    }

    struct Workers: APIRequestBody {
        static let fields: Set<String> = ["worker", "second_worker", "remove_second"]
        /// The new responsible worker, a person of the case's team.
        var worker: String?
        var secondWorker: String?
        var removeSecond: Bool?
    }

    @Sendable func assign(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(Workers.self, request, context) { body, session, caseID, expected in
            let remove = body.removeSecond ?? false
            guard body.worker != nil || body.secondWorker != nil || remove else {
                throw JSONBody.nothingGiven("worker, second_worker, remove_second")
            }
            guard body.secondWorker == nil || !remove else {
                throw RegieError(.usage, .requestBodyInvalid, ["detail": "second_worker and remove_second cannot go together"])
            }
            let second: CaseSession.SecondWorkerChange = remove ? .remove : body.secondWorker.map { .set($0) } ?? .keep
            return try await session.assign(caseID, worker: body.worker, second: second, expectedVersion: expected)
        }
    }

    struct Offer: APIRequestBody {
        static let fields: Set<String> = ["to_team", "reason"]
        var toTeam: String
        var reason: String
    }

    @Sendable func offer(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(Offer.self, request, context) { body, session, caseID, expected in
            try await session.offerTransfer(caseID, toTeam: body.toTeam, reason: body.reason, expectedVersion: expected)
        }
    }

    struct Acceptance: APIRequestBody {
        static let fields: Set<String> = ["worker"]
        /// Who of the receiving team holds the case; default: the coordinator who accepts.
        var worker: String?
    }

    @Sendable func accept(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(Acceptance.self, request, context) { body, session, caseID, expected in
            try await session.acceptTransfer(caseID, worker: body.worker, expectedVersion: expected)
        }
    }

    /// Declined, the case stays with its team: the answer says no more than that it was recorded.
    @Sendable func decline(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(CaseWorkRoutes.Reason.self, request, context, bare: true) { body, session, caseID, expected in
            try await session.declineTransfer(caseID, reason: body.reason, expectedVersion: expected)
        }
    }

    @Sendable func withdraw(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(CaseWorkRoutes.Reason.self, request, context) { body, session, caseID, expected in
            try await session.withdrawTransfer(caseID, reason: body.reason, expectedVersion: expected)
        }
    }

    struct Offers: Encodable {
        var transfers: [TransferOfferJSON]
    }

    /// The handovers waiting to or from the asker's teams; each case shown is logged as read.
    @Sendable func list(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.withSession(request, context) { session in
            let offers = try await session.transferOffers(action: "api case transfers")
            return try JSONBody.response(Offers(transfers: offers.map { TransferOfferJSON($0, names: session.displayName) }))
        }
    }
}
