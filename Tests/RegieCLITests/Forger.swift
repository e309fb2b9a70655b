import Foundation
import GRDB
import RegieAudit

/// What someone with write access to the SQLite file could do behind Regie's back: change
/// rows, then recompute every unkeyed hash so that the chain looks whole again. Only a
/// signed checkpoint (or a rule replay) can catch what this leaves behind.
enum Forger {
    static func open(_ path: String) throws -> DatabaseQueue { try DatabaseQueue(path: path) }

    /// Recomputes commitments and hashes of a case from `version` on, links them, and points
    /// the case list at the new head.
    static func rechain(_ db: Database, caseID: Int, from version: Int) throws {
        var previous = ChainHash.zero
        for row in try Row.fetchAll(db, sql: "SELECT * FROM events WHERE case_id = ? ORDER BY version", arguments: [caseID]) {
            let v: Int = row["version"]
            guard v >= version else {
                previous = ChainHash(row["hash"] as Data)!
                continue
            }
            let salt = Array(row["salt"] as Data)
            let payload: String = row["payload"]
            let rules: String = row["rules"]
            let format = UInt8(row["format"] as Int)
            let commitment = PayloadCommitment.of(salt: salt, payload: Array(payload.utf8), format: format)!
            let envelope = EventEnvelope(format: format, caseID: caseID, version: v, previous: previous, type: row["type"], actor: row["actor"],
                                         recordedAt: row["recorded_at"], rules: rules.split(separator: " ").compactMap { ChainHash(ruleHash: $0) },
                                         commitment: commitment)
            try db.execute(sql: "UPDATE events SET commitment = ?, prev_hash = ?, hash = ? WHERE case_id = ? AND version = ?",
                           arguments: [Data(commitment.bytes), Data(previous.bytes), Data(envelope.hash.bytes), caseID, v])
            previous = envelope.hash
        }
        let last = try Int.fetchOne(db, sql: "SELECT max(version) FROM events WHERE case_id = ?", arguments: [caseID]) ?? 0
        try db.execute(sql: "UPDATE cases SET version = ?, head_hash = ? WHERE id = ?", arguments: [last, Data(previous.bytes), caseID])
    }

    /// Renumbers the commit order without gaps and recomputes the Merkle state from it.
    static func rebuildLog(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT case_id, version, hash FROM events ORDER BY seq, case_id, version")
        var merkle = MerkleLog()
        for row in rows {
            merkle.append(ChainHash(row["hash"] as Data)!)
            try db.execute(sql: "UPDATE events SET seq = ? WHERE case_id = ? AND version = ?",
                           arguments: [merkle.count, row["case_id"], row["version"]])
        }
        try db.execute(sql: "UPDATE audit_state SET merkle = ?", arguments: [Data(merkle.serialized)])
    }

    /// Appends a forged event with correct hashes at the end of a case and keeps every running
    /// value consistent.
    static func appendForged(_ db: Database, caseID: Int, type: String, payload: String) throws {
        let last = try Row.fetchOne(db, sql: "SELECT * FROM events WHERE case_id = ? ORDER BY version DESC LIMIT 1", arguments: [caseID])!
        let next: Int = last["version"] + 1
        let seq = (try Int.fetchOne(db, sql: "SELECT max(seq) FROM events") ?? 0) + 1
        try db.execute(sql: """
            INSERT INTO events (format, case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, zeroblob(32), zeroblob(32), zeroblob(32))
            """, arguments: [last["format"], caseID, next, seq, type, last["actor"], last["recorded_at"], last["rules"],
                             Data(PayloadCommitment.newSalt()), payload])
        try rechain(db, caseID: caseID, from: next)
        try rebuildLog(db)
    }
}
