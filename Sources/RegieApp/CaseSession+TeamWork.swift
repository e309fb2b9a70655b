import Foundation
import RegieCore
import RegieReports
import RegieStore

/// Who holds a case and handing it to another team. The core records what happened; here the
/// workspace's people and teams say who may.
extension CaseSession {
    /// A person's display name, or their id when the workspace does not know them (any more).
    package func displayName(_ id: String) -> String { workspace.person(id)?.name ?? id }

    /// The plan's contact line: the worker who holds the case, as `regie.yaml` names them.
    package func contact(for state: CaseState) -> CasePlan.Contact {
        let person = workspace.person(state.worker)
        return CasePlan.Contact(name: person?.name ?? state.worker, phone: person?.phone, email: person?.email,
                                organisation: workspace.organisation)
    }

    /// Every person's display name by id.
    package var displayNames: [String: String] {
        Dictionary(workspace.people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// How the second worker changes with `case assign`.
    package enum SecondWorkerChange: Sendable {
        case keep, remove
        case set(String)
    }

    /// Gives a case to another worker of its team, and sets or removes the second worker.
    package func assign(_ caseID: Int, worker: String?, second: SecondWorkerChange, expectedVersion: Int? = nil)
        async throws(RegieError) -> Performed
    {
        try await perform(on: caseID, expectedVersion: expectedVersion) { state, _ throws(RegieError) in
            let holder = try worker.map { id throws(RegieError) in try teamPerson(id, of: state.team) } ?? state.worker
            let newSecond: String? = switch second {
            case .keep: state.secondWorker
            case .remove: nil
            case .set(let id): try teamPerson(id, of: state.team)
            }
            return .assignWorkers(worker: holder, secondWorker: newSecond)
        }
    }

    /// Offers a case to another team; its coordinator accepts or declines.
    package func offerTransfer(_ caseID: Int, toTeam: String, reason: String, expectedVersion: Int? = nil)
        async throws(RegieError) -> Performed
    {
        let team = try team(toTeam)
        return try await perform(.requestTransfer(toTeam: team.id, reason: reason), on: caseID, expectedVersion: expectedVersion)
    }

    /// The receiving team's coordinator takes the case on, held by `worker` of their team (default:
    /// the coordinator).
    package func acceptTransfer(_ caseID: Int, worker: String?, expectedVersion: Int? = nil) async throws(RegieError) -> Performed {
        try await perform(on: caseID, access: .receivingCoordinator, expectedVersion: expectedVersion) { state, actor throws(RegieError) in
            // The receiving access lets in no one without a pending transfer.
            guard let pending = state.pendingTransfer else { throw RegieError(.refused, .noTransferPending, ["case": .number(caseID)]) }
            return .acceptTransfer(worker: try teamPerson(worker ?? actor.id, of: pending.toTeam))
        }
    }

    package func declineTransfer(_ caseID: Int, reason: String, expectedVersion: Int? = nil) async throws(RegieError) -> Performed {
        try await perform(.declineTransfer(reason: reason), on: caseID, access: .receivingCoordinator, expectedVersion: expectedVersion)
    }

    package func withdrawTransfer(_ caseID: Int, reason: String, expectedVersion: Int? = nil) async throws(RegieError) -> Performed {
        try await perform(.withdrawTransfer(reason: reason), on: caseID, expectedVersion: expectedVersion)
    }

    /// A case offered from one team to another, as both may see it: the receiving team sees
    /// no more of the case than this until they have accepted.
    package struct TransferOffer: Sendable, Equatable {
        package var caseID: Int
        package var fromTeam: String
        package var transfer: PendingTransfer
        /// True when the offer is to one of the acting person's teams, false when from one.
        package var incoming: Bool
    }

    /// The transfers waiting to or from the acting person's teams; each is logged as a read by
    /// `action` (the command that shows them).
    package func transferOffers(action: String = "case transfers") async throws(RegieError) -> [TransferOffer] {
        let person = try person()
        let candidates: [Int]
        do { candidates = try await store.caseIDs(withEventType: CaseEvent.transferRequestedType) } catch { throw RegieError.from(error) }
        var offers: [TransferOffer] = []
        for caseID in candidates {
            let state = try await replayed(caseID)
            guard let pending = state.pendingTransfer else { continue }
            if person.teams.contains(pending.toTeam) || person.teams.contains(state.team) {
                offers.append(TransferOffer(caseID: caseID, fromTeam: state.team, transfer: pending,
                                            incoming: person.teams.contains(pending.toTeam) && !person.teams.contains(state.team)))
            }
        }
        try await recordReads(caseIDs: offers.map(\.caseID), action: action)
        return offers
    }
}

extension CaseSession {
    /// The handovers a coordinator of the acting person's teams is to accept or decline: the
    /// agenda's tasks for cases that are not yet theirs. Logged as read by `agenda`.
    package func offersToSettle() async throws(RegieError) -> [TransferOffer] {
        let person = try person()
        guard person.role == .coordinator else { return [] }
        return try await transferOffers(action: "agenda").filter(\.incoming)
    }
}

extension CaseEvent {
    /// The stored type name of ``transferRequested(_:)``.
    package static let transferRequestedType = "transfer_requested"
}
