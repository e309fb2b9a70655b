import Foundation
import RegieAudit
import RegieCore
import RegieStore

/// Reading the audit trail, within what the acting person may see (``AuditScope``), each read
/// recorded in the access log before it is handed back.
extension CaseSession {
    /// Reads the trail with `selection` into a collector.
    package func readTrail(_ selection: AuditTrailSelection, into collector: any AuditTrailVisitor) async throws(RegieError) {
        do {
            try await store.readAuditTrail(selection, into: collector)
        } catch {
            throw RegieError.from(error)
        }
    }

    /// The transitions of one case, or of every case of the acting person's teams, with what
    /// decided them; optionally only those by one person or since a day.
    package func transitions(of caseID: Int?, by actor: String?, since: LocalDate?) async throws(RegieError)
        -> [(event: AuditedEvent, transition: Transitioned)]
    {
        let person = try person()
        if let caseID { _ = try await load(caseID) }
        let teamOfCase: [Int: String]
        do {
            teamOfCase = Dictionary(uniqueKeysWithValues: try await store.summaries(team: nil).map { ($0.id, $0.team) })
        } catch { throw RegieError.from(error) }
        let sinceMillis = since.map(\.startMillisUTC)
        let collector = TrailCollector(keepEvent: { event in
            guard let team = teamOfCase[event.caseID], person.teams.contains(team) else { return false }
            if let actor, event.actor != actor { return false }
            if let sinceMillis, event.recordedAt < sinceMillis { return false }
            return true
        })
        try await readTrail(AuditTrailSelection(events: .init(caseID: caseID, type: "transitioned")), into: collector)
        let found = collector.events.compactMap { event -> (event: AuditedEvent, transition: Transitioned)? in
            guard let payload = event.payload,
                  case .transitioned(let transition) = try? CaseEvent(typeName: event.type, payload: Data(payload))
            else { return nil }
            return (event, transition)
        }
        // Every case whose history was shown is a read of that case.
        try await recordReads(caseIDs: caseID.map { [$0] } ?? Set(found.map { $0.event.caseID }).sorted(), action: "audit log")
        return found
    }

    /// The corrections and undos on the cases the acting person's teams hold (or on one case),
    /// with the state that words them (labels of people), by whom and since when. Not logged on
    /// its own: `audit log` records the read of each case it shows.
    package func corrections(of caseID: Int?, by actor: String?, since: LocalDate?) async throws(RegieError)
        -> [(state: CaseState, correction: CorrectionRecord)]
    {
        let ids: [Int]
        if let caseID {
            _ = try await load(caseID)
            ids = [caseID]
        } else {
            ids = try await selectedSummaries(CaseSelection()).map(\.id)
        }
        let sinceMillis = since.map(\.startMillisUTC)
        var found: [(state: CaseState, correction: CorrectionRecord)] = []
        for id in ids {
            let state = try await replayed(id)
            for correction in state.corrections {
                if let actor, correction.actor != actor { continue }
                if let sinceMillis, StoredForm.millis(correction.at) < sinceMillis { continue }
                found.append((state, correction))
            }
        }
        return found
    }

    /// The reads logged about one case (anyone in its team may see them), or across cases
    /// within the acting person's audit scope.
    package func accessEntries(of caseID: Int?) async throws(RegieError) -> [AccessEnvelope] {
        let scope: AuditScope?
        if let caseID {
            _ = try await load(caseID)
            scope = nil
        } else {
            scope = try await AuditScope(self, command: "audit access")
        }
        let collector = TrailCollector(keepAccess: { scope?.includes($0.envelope) ?? true })
        try await readTrail(AuditTrailSelection(accesses: .init(caseID: caseID)), into: collector)
        try await recordRead(caseID: caseID, action: "audit access")
        return collector.accesses.map(\.envelope)
    }

    /// Events and reads for an export (NEN 7513), within the acting person's audit scope.
    /// - Returns: the log's id, the events and the reads, each in the store's order.
    package func trailForExport(of caseID: Int?, since: LocalDate?) async throws(RegieError)
        -> (logID: String, events: [AuditedEvent], accesses: [AuditedAccess])
    {
        let scope = try await AuditScope(self, command: "audit export")
        if let caseID, !scope.includes(caseID: caseID) {
            _ = try await load(caseID)  // refuses a case outside one's teams
        }
        let sinceMillis = since?.startMillisUTC ?? .min
        let collector = TrailCollector(
            keepEvent: { $0.recordedAt >= sinceMillis && scope.includes(caseID: $0.caseID) },
            keepAccess: { $0.envelope.at >= sinceMillis && scope.includes($0.envelope) })
        try await readTrail(AuditTrailSelection(events: .init(caseID: caseID), accesses: .init(caseID: caseID)), into: collector)
        try await recordRead(caseID: caseID, action: "audit export")
        return (collector.snapshot?.state.logID ?? "", collector.events, collector.accesses)
    }

    /// Every checkpoint in the order made.
    package func checkpoints() async throws(RegieError) -> [StoredCheckpoint] {
        let collector = TrailCollector()
        try await readTrail(AuditTrailSelection(checkpoints: true), into: collector)
        return collector.snapshot?.checkpoints ?? []
    }
}
