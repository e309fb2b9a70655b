import Foundation
import RegieAudit
import RegieCore

/// Rows as the store would hold them, chained and ready for ``ChainVerifier``: `cases` cases
/// of `perCase` events with realistic payload sizes, committed case after case.
public enum AuditWorkload {
    /// The rows and the running state the store would keep beside them.
    /// - Parameter format: the envelope format to write (2 now; 1 as events written before it).
    public static func rows(cases: Int, perCase: Int, format: UInt8 = EventEnvelope.format) -> (rows: [AuditedEvent], state: AuditState) {
        let payload = Array(#"{"goal_id":1,"term":"short","text":"Weer zelf boodschappen doen","worded_by":"client"}"#.utf8)
        let rules = ["sha256:08982f4c60bf1ee2f4c5c71d53353eb69f266aea86d5c1758afabef5d92e711f"]
        let ruleDigests = rules.compactMap { ChainHash(ruleHash: $0) }
        var merkle = MerkleLog()
        var rows: [AuditedEvent] = []
        rows.reserveCapacity(cases * perCase)
        var sequence = 0
        for caseID in 1...cases {
            var previous = ChainHash.zero
            for version in 1...perCase {
                sequence += 1
                let salt = PayloadCommitment.newSalt()
                let commitment = PayloadCommitment.of(salt: salt, payload: payload, format: format) ?? .zero
                let envelope = EventEnvelope(format: format, caseID: caseID, version: version, previous: previous, type: "goal_added",
                                             actor: "sanne", recordedAt: 1_790_000_000_000 + Int64(sequence), rules: ruleDigests,
                                             commitment: commitment)
                let hash = envelope.hash
                rows.append(AuditedEvent(format: Int(format), caseID: caseID, version: version, sequence: sequence, type: "goal_added", actor: "sanne",
                                         recordedAt: envelope.recordedAt, rules: rules, salt: salt, payload: payload,
                                         commitment: commitment, previous: previous, hash: hash))
                previous = hash
                merkle.append(hash)
            }
        }
        return (rows, AuditState(logID: "bench", merkle: merkle, accessEntries: 0, accessHead: .zero))
    }

    /// Runs the verifier's hashing and link checks over the rows, with the Merkle root of the whole log.
    /// - Returns: the number of problems found (0 for rows from ``rows(cases:perCase:)``).
    public static func verify(_ rows: [AuditedEvent], state: AuditState) -> Int {
        var verifier = ChainVerifier(expectedEvents: rows.count, checkpoints: [])
        for row in rows { verifier.check(row) }
        return verifier.finish(listed: [], state: state, checkpoints: [], exported: nil, trustedKey: nil)
            .filter { $0.kind != .caseWithoutEvents && $0.kind != .eventsWithoutListedCase }.count
    }
}
