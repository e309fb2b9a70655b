import Foundation
import GRDB
import RegieAudit

/// One event made ready for the chain: its salt, commitment, envelope and hash, and the
/// columns it is stored in.
struct AuditLink {
    var envelope: EventEnvelope
    var salt: [UInt8]
    var payload: String
    var hash: ChainHash

    static func make(caseID: Int, version: Int, previous: ChainHash, type: String, actor: String, recordedAt: Int64,
                     rules: [String], payload: String) -> AuditLink {
        let salt = PayloadCommitment.newSalt()
        let commitment = PayloadCommitment.of(salt: salt, payload: Array(payload.utf8))
        let envelope = EventEnvelope(caseID: caseID, version: version, previous: previous, type: type, actor: actor,
                                     recordedAt: recordedAt, rules: rules.compactMap { ChainHash(ruleHash: $0) },
                                     commitment: commitment)
        return AuditLink(envelope: envelope, salt: salt, payload: payload, hash: envelope.hash)
    }

    /// Arguments for `INSERT INTO events (case_id, version, seq, type, actor, recorded_at, rules,
    /// salt, payload, commitment, prev_hash, hash)`.
    func arguments(sequence: Int) -> StatementArguments {
        let e = envelope
        return [e.caseID, e.version, sequence, e.type, e.actor, e.recordedAt, e.rules.map(\.ruleHash).joined(separator: " "),
                Data(salt), payload, Data(e.commitment.bytes), Data(e.previous.bytes), Data(hash.bytes)]
    }

    static let insertSQL = """
        INSERT INTO events (case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}
