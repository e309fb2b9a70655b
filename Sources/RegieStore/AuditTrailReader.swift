import Crypto
import Foundation
import GRDB
import GRDBSQLite
import RegieAudit
import RegieCore

/// Reads the audit trail inside one read transaction, so that everything it returns belongs
/// to the same moment of the log. Only valid inside ``SQLiteEventStore/readAuditTrail(_:)``.
public struct AuditTrailReader {
    let db: Database

    public func state() throws -> AuditState { try AuditLedger.readState(db) }

    /// How many event rows the log holds, counted (not the count the audit state claims).
    public func eventRows() throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0 }

    /// Every checkpoint in the order made, with its witnesses' cosignatures. A stored statement
    /// that cannot be read comes back with an empty signature, so that verification reports it
    /// instead of stopping.
    public func checkpoints() throws -> [StoredCheckpoint] {
        var heads: [Int: [CaseHead]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM checkpoint_heads ORDER BY checkpoint_id, case_id") {
            let hash = Self.hash(row, "hash") ?? .zero
            heads[try row.decode(forColumn: "checkpoint_id"), default: []].append(
                CaseHead(caseID: try row.decode(forColumn: "case_id"), version: try row.decode(forColumn: "version"), hash: hash))
        }
        var cosignatures: [Int: [NoteSignature]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM checkpoint_cosignatures ORDER BY checkpoint_id, key_name, key_id") {
            let id: Int64 = try row.decode(forColumn: "key_id")
            cosignatures[try row.decode(forColumn: "checkpoint_id"), default: []].append(NoteSignature(
                keyName: try row.decode(forColumn: "key_name"), keyID: UInt32(truncatingIfNeeded: id),
                signature: Array(Self.blob(row, "signature") ?? Data())))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM checkpoints ORDER BY id").map { row in
            let id: Int = try row.decode(forColumn: "id")
            let statement = String.fromDatabaseValue(row["statement"] as DatabaseValue) ?? ""
            let key = Array(Self.blob(row, "public_key") ?? Data())
            let signature = Array(Self.blob(row, "signature") ?? Data())
            let signed = (try? Checkpoint(statement: statement)).map {
                SignedCheckpoint(checkpoint: $0, publicKey: key, signature: signature, cosignatures: cosignatures[id] ?? [])
            } ?? SignedCheckpoint(checkpoint: Checkpoint(logID: "", time: Date(timeIntervalSince1970: 0), events: -1,
                                                         root: .zero, heads: [], accessEntries: -1, accessHead: .zero),
                                  publicKey: key, signature: [])
            let trigger = String.fromDatabaseValue(row["trigger"] as DatabaseValue) ?? ""
            return StoredCheckpoint(id: id, trigger: trigger, signed: signed, heads: heads[id] ?? [])
        }
    }

    /// The case list's version and head of every case.
    public func listedCases() throws -> [ListedCase] {
        try Row.fetchAll(db, sql: "SELECT id, version, head_hash, checkpointed_version FROM cases ORDER BY id").map { row in
            ListedCase(caseID: try row.decode(forColumn: "id"), version: try row.decode(forColumn: "version"),
                       head: Self.hash(row, 2), checkpointedVersion: try row.decode(forColumn: "checkpointed_version"))
        }
    }

    /// Every row of the case list (or one case's) by case id; nil for a row whose values Regie
    /// could not have written (reported by `audit verify`, not thrown).
    public func caseListRows(caseID: Int? = nil) throws -> [Int: CaseListRow?] {
        var rows: [Int: CaseListRow?] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM cases" + (caseID == nil ? "" : " WHERE id = ?"),
                                    arguments: StatementArguments(caseID.map { [$0] } ?? [])) {
            let id: Int = try row.decode(forColumn: "id")
            rows[id] = try? CaseListRow(row: row)
        }
        return rows
    }

    /// Streams events in (case, version) order, optionally of one case or of one type.
    /// Columns are read straight from SQLite: `audit verify` reads a million rows.
    /// - Parameter anyTime: hand on times Regie could not have written (for `audit verify`,
    ///   which reports them); otherwise such a time is thrown as an unreadable value.
    public func forEachEvent(caseID: Int? = nil, type: String? = nil, anyTime: Bool = false,
                             _ body: (AuditedEvent) throws -> Void) throws {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let caseID { conditions.append("case_id = ?"); arguments.append(caseID) }
        if let type { conditions.append("type = ?"); arguments.append(type) }
        let sql = "SELECT case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash, format FROM events"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY case_id, version"
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(StatementArguments(arguments))
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        // The rules column repeats: keep the last one instead of building a new array per row.
        var lastRulesText: [UInt8] = []
        var lastRules: [String] = []
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "reading events") }
            let rulesBytes = Self.bytes(raw, 6) ?? []
            if rulesBytes != lastRulesText {
                lastRulesText = rulesBytes
                let text = String(decoding: rulesBytes, as: UTF8.self)
                lastRules = text.isEmpty ? [] : text.split(separator: " ").map(String.init)
            }
            if !anyTime, !RecordedTime.readableMillis.contains(sqlite3_column_int64(raw, 5)) {
                throw StoreError.unreadableValue(column: "recorded_at")
            }
            try body(AuditedEvent(
                format: Int(sqlite3_column_int64(raw, 12)), caseID: Int(sqlite3_column_int64(raw, 0)), version: Int(sqlite3_column_int64(raw, 1)),
                sequence: Int(sqlite3_column_int64(raw, 2)), type: Self.text(raw, 3), actor: Self.text(raw, 4),
                recordedAt: sqlite3_column_int64(raw, 5), rules: lastRules, salt: Self.bytes(raw, 7), payload: Self.bytes(raw, 8),
                commitment: Self.hash(raw, 9), previous: Self.hash(raw, 10), hash: Self.hash(raw, 11)))
        }
    }

    private static func bytes(_ raw: OpaquePointer, _ column: Int32) -> [UInt8]? {
        guard sqlite3_column_type(raw, column) != SQLITE_NULL, let pointer = sqlite3_column_blob(raw, column) else {
            return sqlite3_column_type(raw, column) == SQLITE_NULL ? nil : []
        }
        return Array(UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(raw, column))))
    }

    private static func text(_ raw: OpaquePointer, _ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(raw, column) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(raw, column))), as: UTF8.self)
    }

    private static func hash(_ raw: OpaquePointer, _ column: Int32) -> ChainHash? {
        guard sqlite3_column_type(raw, column) == SQLITE_BLOB, sqlite3_column_bytes(raw, column) == 32,
              let pointer = sqlite3_column_blob(raw, column)
        else { return nil }
        return ChainHash(rawBytes: UnsafeRawBufferPointer(start: pointer, count: 32))
    }

    /// Streams the access log in order, optionally the entries about one case.
    /// - Parameter anyTime: as for ``forEachEvent(caseID:type:anyTime:_:)``.
    public func forEachAccess(caseID: Int? = nil, anyTime: Bool = false, _ body: (AuditedAccess) throws -> Void) throws {
        let sql = "SELECT seq, actor, role, at, case_id, action, purpose, prev_hash, hash, address FROM access_log"
            + (caseID == nil ? "" : " WHERE case_id = ?") + " ORDER BY seq"
        let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(caseID.map { [$0] } ?? []))
        while let row = try rows.next() {
            let at: Int64 = try row.decode(atIndex: 3)
            if !anyTime, !RecordedTime.readableMillis.contains(at) { throw StoreError.unreadableValue(column: "at") }
            let envelope = AccessEnvelope(
                sequence: try row.decode(atIndex: 0), previous: Self.hash(row, 7) ?? .zero, actor: try row.decode(atIndex: 1),
                role: try row.decode(atIndex: 2), at: at, caseID: try row.decode(atIndex: 4), action: try row.decode(atIndex: 5),
                purpose: try row.decode(atIndex: 6), address: try row.decode(atIndex: 9))
            try body(AuditedAccess(envelope: envelope, hash: Self.hash(row, 8)))
        }
    }

    /// A blob column, or nil for anything else: verification reports what is missing rather
    /// than stopping at it.
    private static func blob(_ row: Row, _ column: String) -> Data? { Data.fromDatabaseValue(row[column] as DatabaseValue) }

    /// Anything but a 32-byte blob is reported as an unreadable hash, not thrown.
    private static func hash(_ row: Row, _ column: String) -> ChainHash? { blob(row, column).flatMap { ChainHash($0) } }

    private static func hash(_ row: Row, _ index: Int) -> ChainHash? {
        Data.fromDatabaseValue(row[index] as DatabaseValue).flatMap { ChainHash($0) }
    }
}

extension SQLiteEventStore {
    /// Runs `body` with a reader of the audit trail, in one read transaction.
    public func readAuditTrail<T>(_ body: (AuditTrailReader) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.read { db in try body(AuditTrailReader(db: db)) }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Records that someone read case data, in its own transaction: who (in which role, for
    /// what purpose, from where), when, which case (nil for a read across cases), with which command.
    public func recordAccess(by reader: AccessReader, at date: Date, caseID: Int?, action: String) throws(StoreError) {
        try recordAccess(by: reader, at: date, caseIDs: [caseID], action: action)
    }

    /// Records one read that showed several cases (a list): one entry per case, in one
    /// transaction, so that each client's own view of who looked includes it.
    public func recordAccess(by reader: AccessReader, at date: Date, caseIDs: [Int?], action: String) throws(StoreError) {
        try recordAccesses([AccessRead(reader: reader, at: date, caseIDs: caseIDs, action: action)])
    }

    /// Records reads, in this order, in one transaction (see ``EventStore/recordAccesses(_:)``).
    public func recordAccesses(_ reads: [AccessRead]) throws(StoreError) {
        guard let last = reads.last else { return }
        try write { db in
            var ledger = try AuditLedger.load(db)
            let before = ledger.state.accessEntries
            for read in reads {
                for caseID in read.caseIDs {
                    try ledger.recordAccess(db, by: read.reader, at: Self.millis(read.at), caseID: caseID, action: read.action)
                }
            }
            try ledger.save(db)
            // Reads count too: a period with nothing but reads is sealed every so many reads.
            if let policy = checkpointPolicy, before / policy.every != ledger.state.accessEntries / policy.every {
                _ = try ledger.checkpoint(db, key: policy.key, at: last.at, trigger: "every \(policy.every) reads")
            }
        }
    }

    /// Stores a witness's cosignature of a checkpoint (after the witness checked it).
    public func addCosignature(_ signature: NoteSignature, to checkpointID: Int) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO checkpoint_cosignatures (checkpoint_id, key_name, key_id, signature) VALUES (?, ?, ?, ?)
                """, arguments: [checkpointID, signature.keyName, Int64(signature.keyID), Data(signature.signature)])
        }
    }

    /// The hash of every event in commit order up to `count`, for a witness's consistency proof.
    public func eventHashes(upTo count: Int) throws(StoreError) -> [ChainHash] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT hash FROM events WHERE seq <= ? ORDER BY seq", arguments: [count]).map {
                    Data.fromDatabaseValue($0["hash"] as DatabaseValue).flatMap { ChainHash($0) } ?? .zero
                }
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Signs a checkpoint of the log as it is now, and every pending one.
    public func makeCheckpoint(key: Curve25519.Signing.PrivateKey, at date: Date, trigger: String) throws(StoreError)
        -> StoredCheckpoint
    {
        try signAndMakeCheckpoint(key: key, at: date, trigger: trigger).made
    }

    /// Signs every pending checkpoint (stored unsigned by a writer without the key) and a new
    /// one of the log as it is now, in one transaction.
    /// - Returns: the new checkpoint and how many pending ones were signed.
    public func signAndMakeCheckpoint(key: Curve25519.Signing.PrivateKey, at date: Date, trigger: String) throws(StoreError)
        -> (made: StoredCheckpoint, signedPending: Int)
    {
        try write { db in
            var signedPending = 0
            for row in try Row.fetchAll(db, sql: "SELECT id, statement FROM checkpoints WHERE length(signature) = 0 ORDER BY id") {
                let id: Int = try row.decode(forColumn: "id")
                let statement: String = try row.decode(forColumn: "statement")
                let signature = try key.signature(for: Data(statement.utf8))
                try db.execute(sql: "UPDATE checkpoints SET public_key = ?, signature = ? WHERE id = ?",
                               arguments: [key.publicKey.rawRepresentation, Data(signature), id])
                signedPending += 1
            }
            return (try AuditLedger.load(db).checkpoint(db, key: key, at: date, trigger: trigger), signedPending)
        }
    }
}
