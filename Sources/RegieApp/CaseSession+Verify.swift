import RegieReports
import Foundation
import RegieAudit
import RegieCore
import RegieStore

/// `audit verify`: recomputes the record from the store and replays every transition.
extension CaseSession {
    package struct Verification: Sendable {
        package var events: Int
        package var cases: Int
        package var accessEntries: Int
        package var checkpoints: Int
        package var checkpointsPending: Int
        package var transitionsReplayed: Int
        package var notReproducible: Int
        /// In log order; empty when the record is intact.
        package var problems: [AuditProblem]
        /// The store could not be written, so this check is not in its access log.
        package var readOnly: Bool
    }

    /// Checks the whole record, or one case's chain and transitions.
    /// - Parameters:
    ///   - chainOnly: skip replaying transitions and comparing derived rows.
    ///   - exported: a checkpoint kept outside the store, to check the record still holds it.
    ///   - witnesses: witnesses whose cosignature the latest checkpoint must carry.
    package func verify(caseID: Int?, chainOnly: Bool, exported: SignedCheckpoint?, witnesses: [NoteKey]) async throws(RegieError)
        -> Verification
    {
        _ = try person()
        // Only the public key is needed: an auditor verifies without the private key.
        guard let trustedKey = try SigningKeyFile.publicKey(workspace) else {
            throw RegieError(.configuration, .publicKeyMissing, ["path": "\(workspace.signingKeyPath).pub"])
        }
        let retiredKeys = SigningKeyFile.retiredKeys(workspace)
        // Everything the replay needs is read before the log, which is then read in one go.
        try await rules.preloadStoredPlugins()
        let storedFacts: [Int: CaseFacts], altered: [String]
        do {
            storedFacts = chainOnly ? [:] : Dictionary(try await store.caseFacts(teams: nil).facts.map { ($0.caseID, $0) }) { a, _ in a }
            altered = try await store.alteredRuleSources()
        } catch {
            throw RegieError.from(error)
        }
        let rules = self.rules
        let replayer = TransitionReplayer(workflows: try await pinnedWorkflows(), evaluator: rules.evaluator,
                                          storedFacts: storedFacts, deadlineStops: { rules.deadlineStops }) { state, workflow in
            try? rules.plugins(for: state, workflow: workflow)
        }
        let visitor = VerifyingVisitor(caseID: caseID, chainOnly: chainOnly, replayer: replayer)
        try await readTrail(AuditTrailSelection(events: .init(caseID: caseID), accesses: caseID == nil ? .init() : nil,
                                                checkpoints: caseID == nil, caseList: !chainOnly, caseListOf: caseID, anyTime: true),
                            into: visitor)
        guard let snapshot = visitor.snapshot else {
            throw RegieError(.internalError, .auditTrailNotRead)
        }
        var chain = visitor.chain
        var replay = visitor.replayer
        replay.finish()
        var found: [AuditProblem]
        if let caseID {
            // One case: its own chain and its row in the case list; the whole-log checks need every event.
            let listed = snapshot.listedCases.filter { $0.caseID == caseID }
            if listed.isEmpty && chain.events == 0 { throw RegieError.from(StoreError.caseNotFound(caseID)) }
            found = chain.finish(listed: listed, state: snapshot.state, checkpoints: [], exported: nil, trustedKey: nil)
                .filter { $0.caseID == caseID }
        } else {
            found = chain.finish(listed: snapshot.listedCases, state: snapshot.state, checkpoints: snapshot.checkpoints,
                                 exported: exported, trustedKey: trustedKey, retiredKeys: retiredKeys,
                                 policy: chainOnly ? nil : CheckpointDemand(every: workspace.audit.checkpointEvery, closedAt: replay.closedAt),
                                 witnesses: witnesses)
        }
        found += altered.map { AuditProblem(.ruleSourceAltered(hash: $0)) }
        let result = Verification(
            events: chain.events, cases: chain.cases, accessEntries: chain.accessEntries,
            checkpoints: snapshot.checkpoints.count + (exported == nil ? 0 : 1), checkpointsPending: chain.pendingCheckpoints,
            transitionsReplayed: replay.transitions, notReproducible: replay.notReproducible,
            problems: (found + replay.problems).sorted(by: ChainVerifier.logOrder), readOnly: store.isReadOnly)
        // Verifying reads every case: it is logged like any read, where the store can be written.
        if !store.isReadOnly { try await recordRead(caseID: caseID, action: "audit verify") }
        return result
    }

    /// Every workflow a case is or was pinned to, read before the log so that replay needs no
    /// other read.
    private func pinnedWorkflows() async throws(RegieError) -> [String: Workflow] {
        let hashes: Set<String>
        do {
            hashes = Set(try await store.ruleSources(kind: "workflow").map(\.hash))
        } catch { throw RegieError.from(error) }
        var workflows: [String: Workflow] = [:]
        for hash in hashes {
            if let workflow = try? await rules.pinned(hash) { workflows[hash] = workflow }
        }
        return workflows
    }
}

/// Checks each event and access entry as the store streams them.
private final class VerifyingVisitor: AuditTrailVisitor {
    let caseID: Int?
    let chainOnly: Bool
    var replayer: TransitionReplayer
    var chain = ChainVerifier(expectedEvents: nil, checkpoints: [])
    var snapshot: AuditTrailSnapshot?

    init(caseID: Int?, chainOnly: Bool, replayer: TransitionReplayer) {
        self.caseID = caseID
        self.chainOnly = chainOnly
        self.replayer = replayer
    }

    func begin(_ snapshot: AuditTrailSnapshot) {
        self.snapshot = snapshot
        chain = ChainVerifier(expectedEvents: caseID == nil ? snapshot.eventRows : nil, checkpoints: snapshot.checkpoints)
        if !chainOnly { replayer.listedRows = snapshot.caseListRows }
    }

    func visit(_ event: AuditedEvent) {
        chain.check(event)
        if !chainOnly { replayer.add(event) }
    }

    func visit(_ access: AuditedAccess) { chain.checkAccess(access) }
}
