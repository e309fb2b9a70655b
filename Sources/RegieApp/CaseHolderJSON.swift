import RegieCore

/// Who holds a case after a change, by id and by the name `regie.yaml` gives them, as the
/// API's answers to changes carry it and the command line tells it.
package struct CaseHolderJSON: Codable, Sendable {
    package var team: String
    package var worker: String
    package var workerName: String
    package var secondWorker: String?
    package var secondWorkerName: String?
    /// The team a handover is offered to, while it waits.
    package var transferTo: String?

    package init(_ state: CaseState, names: (String) -> String) {
        team = state.team
        worker = state.worker
        workerName = names(state.worker)
        secondWorker = state.secondWorker
        secondWorkerName = state.secondWorker.map(names)
        transferTo = state.pendingTransfer?.toTeam
    }
}
