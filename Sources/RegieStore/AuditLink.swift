import Foundation
import GRDB
import RegieAudit

/// One event made ready for the chain: its salt, commitment, envelope and hash, and the
/// columns it is stored in.
package struct AuditLink: Sendable {
    package var envelope: EventEnvelope
    package var salt: [UInt8]
    package var payload: String
    package var hash: ChainHash

    package static func make(format: UInt8 = EventEnvelope.format, caseID: Int, version: Int, previous: ChainHash, type: String, actor: String, recordedAt: Int64,
                     rules: [String], payload: String, salts: SaltSource = .random) -> AuditLink {
        let salt = salts.salt(caseID: caseID, version: version)
        // The salt is always the right length, so there is always a commitment.
        let commitment = PayloadCommitment.of(salt: salt, payload: Array(payload.utf8), format: format) ?? .zero
        let envelope = EventEnvelope(format: format, caseID: caseID, version: version, previous: previous, type: type, actor: actor,
                                     recordedAt: recordedAt, rules: rules.compactMap { ChainHash(ruleHash: $0) },
                                     commitment: commitment)
        return AuditLink(envelope: envelope, salt: salt, payload: payload, hash: envelope.hash)
    }
}

extension AuditLink {
    /// Arguments for `INSERT INTO events (case_id, version, seq, type, actor, recorded_at, rules,
    /// salt, payload, commitment, prev_hash, hash)`.
    func arguments(sequence: Int) -> StatementArguments {
        let e = envelope
        return [e.caseID, e.version, sequence, e.type, e.actor, e.recordedAt, e.rules.map(\.ruleHash).joined(separator: " "),
                Data(salt), payload, Data(e.commitment.bytes), Data(e.previous.bytes), Data(hash.bytes)]
    }

    /// Arguments for ``insertSQL``: the columns above and the envelope's format.
    func insertArguments(sequence: Int) -> StatementArguments {
        var arguments = self.arguments(sequence: sequence)
        arguments += [Int(envelope.format)]
        return arguments
    }

    static let insertSQL = """
        INSERT INTO events (case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash, format)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}
