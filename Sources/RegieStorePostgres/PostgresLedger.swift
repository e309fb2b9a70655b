import Crypto
import Foundation
import Logging
import PostgresNIO
import RegieAudit
import RegieStore

/// The log's running audit state inside one write transaction that holds the log-head row:
/// read at the start, extended with each event or read, written back before the commit.
/// The same steps as the SQLite store's ledger, so both give the same chain for the same input.
struct PostgresLedger {
    var state: AuditState
    var salts: SaltSource
    let logger = PostgresEventStore.silentLogger

    /// Chains one event and stores it. - Returns: the event's hash.
    mutating func record(_ connection: PostgresConnection, _ link: AuditLink) async throws -> ChainHash {
        state.merkle.append(link.hash)
        try await Self.insert(connection, link, sequence: state.merkle.count, logger: logger)
        return link.hash
    }

    static func insert(_ connection: PostgresConnection, _ link: AuditLink, sequence: Int, logger: Logger) async throws {
        let e = link.envelope
        try await connection.query("""
            INSERT INTO events (case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash, format)
            VALUES (\(e.caseID), \(e.version), \(sequence), \(e.type), \(e.actor), \(e.recordedAt),
                    \(e.rules.map(\.ruleHash).joined(separator: " ")), \(Data(link.salt)), \(link.payload), \(Data(e.commitment.bytes)),
                    \(Data(e.previous.bytes)), \(Data(link.hash.bytes)), \(Int(e.format)))
            """, logger: logger)
    }

    /// Chains one entry of the access log and stores it.
    mutating func recordAccess(_ connection: PostgresConnection, by reader: AccessReader, at millis: Int64, caseID: Int?,
                               action: String) async throws {
        let envelope = AccessEnvelope(sequence: state.accessEntries + 1, previous: state.accessHead, actor: reader.actor,
                                      role: reader.role, at: millis, caseID: caseID, action: action, purpose: reader.purpose,
                                      address: reader.address)
        let hash = envelope.hash
        try await connection.query("""
            INSERT INTO access_log (seq, actor, role, at, case_id, action, purpose, address, prev_hash, hash)
            VALUES (\(envelope.sequence), \(reader.actor), \(reader.role), \(millis), \(caseID), \(action), \(reader.purpose),
                    \(reader.address), \(Data(envelope.previous.bytes)), \(Data(hash.bytes)))
            """, logger: logger)
        state.accessEntries = envelope.sequence
        state.accessHead = hash
    }

    func save(_ connection: PostgresConnection) async throws {
        try await connection.query("""
            UPDATE audit_state SET merkle = \(Data(state.merkle.serialized)), access_count = \(state.accessEntries),
                access_head = \(Data(state.accessHead.bytes)) WHERE id = 1
            """, logger: logger)
    }

    /// Signs the log's state as it stands in this transaction and stores the checkpoint with
    /// the heads of the cases that changed since the previous one (unsigned without a key).
    func checkpoint(_ connection: PostgresConnection, key: Curve25519.Signing.PrivateKey?, at date: Date, trigger: String)
        async throws -> StoredCheckpoint
    {
        var heads: [CaseHead] = []
        let rows = try await connection.query(
            "SELECT id, version, head_hash FROM cases WHERE version > checkpointed_version ORDER BY id", logger: logger)
        for try await (id, version, hash) in rows.decode((Int, Int, Data?).self) {
            guard let hash = hash.flatMap({ ChainHash($0) }) else { continue }
            heads.append(CaseHead(caseID: id, version: version, hash: hash))
        }
        let statement = state.checkpoint(at: date, heads: heads)
        let signed = try key.map { try statement.signed(with: $0) } ?? SignedCheckpoint(checkpoint: statement, publicKey: [], signature: [])
        var id = 0
        for try await next in try await connection.query("SELECT coalesce(max(id), 0) + 1 FROM checkpoints", logger: logger)
            .decode(Int.self) { id = next }
        try await connection.query("""
            INSERT INTO checkpoints (id, trigger, statement, public_key, signature)
            VALUES (\(id), \(trigger), \(signed.checkpoint.statement), \(Data(signed.publicKey)), \(Data(signed.signature)))
            """, logger: logger)
        for head in heads {
            try await connection.query("""
                INSERT INTO checkpoint_heads (checkpoint_id, case_id, version, hash)
                VALUES (\(id), \(head.caseID), \(head.version), \(Data(head.hash.bytes)))
                """, logger: logger)
        }
        try await connection.query("UPDATE cases SET checkpointed_version = version WHERE version > checkpointed_version",
                                   logger: logger)
        return StoredCheckpoint(id: id, trigger: trigger, signed: signed, heads: heads)
    }

    /// Saves the state and, under the policy, makes the checkpoint the write demands.
    func finish(_ connection: PostgresConnection, policy: CheckpointPolicy?, countBefore: Int, closesCase: Bool, bulk: Bool = false,
                at date: Date) async throws {
        try await save(connection)
        guard let policy else { return }
        if bulk {
            _ = try await checkpoint(connection, key: policy.key, at: date, trigger: CheckpointDemand.importTrigger)
        } else if closesCase {
            _ = try await checkpoint(connection, key: policy.key, at: date, trigger: "case closed")
        } else if countBefore / policy.every != state.merkle.count / policy.every {
            _ = try await checkpoint(connection, key: policy.key, at: date, trigger: "every \(policy.every) events")
        }
    }
}
