import RegieAudit

/// Recomputes every hash, link and checkpoint of a store (not the replay of transitions, which
/// needs the rules): what a copy is checked with, and what the conformance suite expects of
/// every backend.
package enum ChainCheck {
    /// - Returns: the problems in log order (none for an intact record) and the log's Merkle root.
    package static func run(_ store: any EventStore, trustedKey: [UInt8]?) async throws(StoreError)
        -> (problems: [AuditProblem], root: ChainHash)
    {
        let visitor = Visitor()
        try await store.readAuditTrail(AuditTrailSelection(events: .init(), accesses: .init(), checkpoints: true, anyTime: true),
                                       into: visitor)
        guard let snapshot = visitor.snapshot else { throw .database(code: 0, message: "the audit trail was not read") }
        var chain = visitor.chain
        let problems = chain.finish(listed: snapshot.listedCases, state: snapshot.state, checkpoints: snapshot.checkpoints,
                                    exported: nil, trustedKey: trustedKey)
        return (problems, snapshot.state.merkle.root)
    }

    private final class Visitor: AuditTrailVisitor {
        var snapshot: AuditTrailSnapshot?
        var chain = ChainVerifier(expectedEvents: nil, checkpoints: [])

        func begin(_ snapshot: AuditTrailSnapshot) {
            self.snapshot = snapshot
            chain = ChainVerifier(expectedEvents: snapshot.eventRows, checkpoints: snapshot.checkpoints)
        }

        func visit(_ event: AuditedEvent) { chain.check(event) }
        func visit(_ access: AuditedAccess) { chain.checkAccess(access) }
    }
}
