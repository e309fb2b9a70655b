import Crypto
import Foundation
import GRDB
import RegieAudit

/// The log's running audit state inside one write transaction: read at the start, extended
/// with each event, written back before the commit.
struct AuditLedger {
    var state: AuditState
    var salts: SaltSource = .random

    static func load(_ db: Database) throws -> AuditLedger {
        AuditLedger(state: try readState(db))
    }

    /// The one row of `audit_state`.
    static func readState(_ db: Database) throws -> AuditState {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM audit_state WHERE id = 1")),
              let merkle = MerkleLog(serialized: Array(try row.decode(Data.self, forColumn: "merkle"))),
              let accessHead = ChainHash(try row.decode(Data.self, forColumn: "access_head"))
        else { throw StoreError.database(code: 0, message: "the audit state is missing or unreadable") }
        // Counts beyond any real log (2^53) are damage, and would overflow when one more is added.
        let accessEntries: Int = try row.decode(forColumn: "access_count")
        guard (0..<(1 << 53)).contains(accessEntries), merkle.count < 1 << 53 else {
            throw StoreError.unreadableValue(column: accessEntries < 0 || accessEntries >= 1 << 53 ? "access_count" : "merkle")
        }
        return AuditState(logID: try row.decode(forColumn: "log_id"), merkle: merkle, accessEntries: accessEntries, accessHead: accessHead)
    }

    /// Chains one event and stores it.
    /// - Returns: the event's hash.
    mutating func record(_ db: Database, caseID: Int, version: Int, previous: ChainHash, type: String, actor: String,
                         at millis: Int64, rules: [String], payload: String) throws -> ChainHash {
        let link = AuditLink.make(caseID: caseID, version: version, previous: previous, type: type, actor: actor,
                                  recordedAt: millis, rules: rules, payload: payload, salts: salts)
        state.merkle.append(link.hash)
        try db.cachedStatement(sql: AuditLink.insertSQL).execute(arguments: link.insertArguments(sequence: state.merkle.count))
        return link.hash
    }

    /// Chains one entry of the access log and stores it.
    mutating func recordAccess(_ db: Database, by reader: AccessReader, at millis: Int64, caseID: Int?, action: String) throws {
        let envelope = AccessEnvelope(sequence: state.accessEntries + 1, previous: state.accessHead, actor: reader.actor,
                                      role: reader.role, at: millis, caseID: caseID, action: action, purpose: reader.purpose,
                                      address: reader.address)
        let hash = envelope.hash
        try db.cachedStatement(sql: """
            INSERT INTO access_log (seq, actor, role, at, case_id, action, purpose, address, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [envelope.sequence, reader.actor, reader.role, millis, caseID, action, reader.purpose,
                                     reader.address, Data(envelope.previous.bytes), Data(hash.bytes)])
        state.accessEntries = envelope.sequence
        state.accessHead = hash
    }

    func save(_ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE audit_state SET merkle = ?, access_count = ?, access_head = ? WHERE id = 1")
            .execute(arguments: [Data(state.merkle.serialized), state.accessEntries, Data(state.accessHead.bytes)])
    }

    /// Signs the log's state as it stands in this transaction and stores the checkpoint with
    /// the heads of the cases that changed since the previous one. Without a key (a writer that
    /// does not hold it, `audit: signing: separate`) the statement is stored unsigned, waiting
    /// for the key holder's `regie audit checkpoint` to sign it.
    func checkpoint(_ db: Database, key: Curve25519.Signing.PrivateKey?, at date: Date, trigger: String) throws -> StoredCheckpoint {
        let heads = try Row.fetchAll(
            db, sql: "SELECT id, version, head_hash FROM cases WHERE version > checkpointed_version ORDER BY id"
        ).compactMap { row -> CaseHead? in
            guard let hash = (try row.decode(Data?.self, forColumn: "head_hash")).flatMap({ ChainHash($0) }) else { return nil }
            return CaseHead(caseID: try row.decode(forColumn: "id"), version: try row.decode(forColumn: "version"), hash: hash)
        }
        let statement = state.checkpoint(at: date, heads: heads)
        let signed = try key.map { try statement.signed(with: $0) } ?? SignedCheckpoint(checkpoint: statement, publicKey: [], signature: [])
        try db.execute(sql: "INSERT INTO checkpoints (trigger, statement, public_key, signature) VALUES (?, ?, ?, ?)",
                       arguments: [trigger, signed.checkpoint.statement, Data(signed.publicKey), Data(signed.signature)])
        let id = Int(db.lastInsertedRowID)
        let insertHead = try db.makeStatement(
            sql: "INSERT INTO checkpoint_heads (checkpoint_id, case_id, version, hash) VALUES (?, ?, ?, ?)")
        for head in heads {
            try insertHead.execute(arguments: [id, head.caseID, head.version, Data(head.hash.bytes)])
        }
        try db.execute(sql: "UPDATE cases SET checkpointed_version = version WHERE version > checkpointed_version")
        return StoredCheckpoint(id: id, trigger: trigger, signed: signed, heads: heads)
    }
}

/// When the store makes checkpoints by itself: every `every` events or reads and whenever a
/// case closes; signed with `key`, or stored unsigned (pending) when the writer has none.
public struct CheckpointPolicy: Sendable {
    /// The key's raw bytes: swift-crypto's key type is not Sendable, and the policy is shared.
    private let keyBytes: Data?
    public var every: Int

    public var key: Curve25519.Signing.PrivateKey? {
        keyBytes.flatMap { try? Curve25519.Signing.PrivateKey(rawRepresentation: $0) }
    }

    public init(key: Curve25519.Signing.PrivateKey?, every: Int) {
        self.keyBytes = key?.rawRepresentation
        self.every = max(1, every)
    }
}
