import Crypto
import Foundation
import GRDB
import RegieAudit
import RegieCore

/// The store protocol on SQLite: each call runs the synchronous GRDB implementation as
/// blocking work, off the cooperative pool.
extension SQLiteEventStore {
    public func openCase(_ opened: CaseOpened, workflowSource: String, pluginSources: [String], actor: String, at date: Date)
        async throws(StoreError) -> RecordedEvent
    {
        try await BlockingWork.run { () throws(StoreError) in
            try self.openCase(opened, workflowSource: workflowSource, pluginSources: pluginSources, actor: actor, at: date)
        }
    }

    public func append(_ events: [CaseEvent], to caseID: Int, expectedVersion: Int, actor: String, at date: Date,
                       ruleSources: [RuleSource], facts: CaseFacts?) async throws(StoreError) -> [RecordedEvent]
    {
        try await BlockingWork.run { () throws(StoreError) in
            try self.append(events, to: caseID, expectedVersion: expectedVersion, actor: actor, at: date,
                            ruleSources: ruleSources, facts: facts)
        }
    }

    public func events(of caseID: Int) async throws(StoreError) -> [RecordedEvent] {
        try await BlockingWork.run { () throws(StoreError) in try self.events(of: caseID) }
    }

    public func summaries(team: String?) async throws(StoreError) -> [CaseSummary] {
        try await BlockingWork.run { () throws(StoreError) in try self.summaries(team: team) }
    }

    public func caseIDs(withEventType type: String) async throws(StoreError) -> [Int] {
        try await BlockingWork.run { () throws(StoreError) in
            do {
                return try self.queue.read { db in
                    try Int.fetchAll(db, sql: "SELECT DISTINCT case_id FROM events WHERE type = ? ORDER BY case_id", arguments: [type])
                }
            } catch {
                throw Self.storeError(error, path: self.path)
            }
        }
    }

    public func replaceFacts(_ facts: [CaseFacts]) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in
            guard !self.isReadOnly else { throw StoreError.readOnly(path: self.path) }
            do {
                try self.queue.write { db in
                    for row in facts { try CaseFactsTable.write(db, row) }
                }
            } catch {
                throw Self.storeError(error, path: self.path)
            }
        }
    }

    public func ruleSource(hash: String) async throws(StoreError) -> String? {
        try await BlockingWork.run { () throws(StoreError) in try self.ruleSource(hash: hash) }
    }

    public func ruleSources(kind: String) async throws(StoreError) -> [StoredRule] {
        try await BlockingWork.run { () throws(StoreError) in
            try self.ruleSources(kind: kind).map { StoredRule(hash: $0.hash, name: $0.name, source: $0.source) }
        }
    }

    public func alteredRuleSources() async throws(StoreError) -> [String] {
        try await BlockingWork.run { () throws(StoreError) in try self.alteredRuleSources() }
    }

    public func forEachCaseFacts(teams: [String]?, _ body: @escaping (CaseFacts) -> Void) async throws(StoreError) -> [Int] {
        let body = HandedOver(value: body)
        return try await BlockingWork.run { () throws(StoreError) in try self.forEachCaseFacts(teams: teams, body.value) }
    }

    public func recordAccesses(_ reads: [AccessRead]) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in try self.recordAccesses(reads) }
    }

    public func readAuditTrail(_ selection: AuditTrailSelection, into visitor: any AuditTrailVisitor) async throws(StoreError) {
        let visitor = HandedOver(value: visitor)
        try await BlockingWork.run { () throws(StoreError) in
            try self.readAuditTrail { reader in try reader.read(selection, into: visitor.value) }
        }
    }

    public func eventHashes(upTo count: Int) async throws(StoreError) -> [ChainHash] {
        try await BlockingWork.run { () throws(StoreError) in try self.eventHashes(upTo: count) }
    }

    public func addCosignature(_ signature: NoteSignature, to checkpointID: Int) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in try self.addCosignature(signature, to: checkpointID) }
    }

    public func signAndMakeCheckpoint(key: Curve25519.Signing.PrivateKey, at date: Date, trigger: String)
        async throws(StoreError) -> (made: StoredCheckpoint, signedPending: Int)
    {
        let key = HandedOver(value: key)
        return try await BlockingWork.run { () throws(StoreError) in
            try self.signAndMakeCheckpoint(key: key.value, at: date, trigger: trigger)
        }
    }

    public func importCases(_ streams: [[RecordedEvent]], workflowSources: [String: String]) async throws(StoreError) -> [Int] {
        try await BlockingWork.run { () throws(StoreError) in try self.importCases(streams, workflowSources: workflowSources) }
    }

    public func close() async {
        _ = try? await BlockingWork.run { () throws(StoreError) in try? self.queue.close() }
    }

    public func counts() async throws(StoreError) -> StoreCounts {
        try await BlockingWork.run { () throws(StoreError) in try self.allCounts() }
    }
}

extension AuditTrailReader {
    /// Reads what `selection` asks for into `visitor`, inside the reader's transaction.
    func read(_ selection: AuditTrailSelection, into visitor: any AuditTrailVisitor) throws {
        visitor.begin(AuditTrailSnapshot(
            state: try state(), eventRows: try eventRows(), listedCases: try listedCases(),
            checkpoints: selection.checkpoints ? try checkpoints() : [],
            caseListRows: selection.caseList ? try caseListRows(caseID: selection.caseListOf) : [:]))
        if let filter = selection.events {
            try forEachEvent(caseID: filter.caseID, type: filter.type, anyTime: selection.anyTime) { visitor.visit($0) }
        }
        if let filter = selection.accesses {
            try forEachAccess(caseID: filter.caseID, anyTime: selection.anyTime) { visitor.visit($0) }
        }
    }
}
