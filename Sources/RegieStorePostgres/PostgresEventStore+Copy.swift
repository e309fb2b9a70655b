import Foundation
import Logging
import PostgresNIO
import RegieAudit
import RegieStore

/// `regie store copy` on PostgreSQL: every row out in one snapshot, or every row into an empty
/// database in one transaction, in multi-row INSERTs of a few thousand rows each.
extension PostgresEventStore {
    public func exportCopy() async throws(StoreError) -> StoreCopy {
        let logger = self.logger
        return try await transaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            var copy: StoreCopy?
            for try await (logID, merkle, count, head) in try await connection.query(
                "SELECT log_id, merkle, access_count, access_head FROM audit_state WHERE id = 1", logger: logger)
                .decode((String, Data, Int, Data).self) {
                copy = StoreCopy(logID: logID, merkle: merkle, accessCount: count, accessHead: head)
            }
            guard var copy else { throw StoreError.database(code: 0, message: "the audit state is missing") }
            for try await name in try await connection.query("SELECT name FROM store_marks ORDER BY name", logger: logger).decode(String.self) {
                copy.marks.append(name)
            }
            for try await (hash, kind, name, source, storedAt) in try await connection.query(
                "SELECT hash, kind, name, source, stored_at FROM rule_sources ORDER BY hash", logger: logger)
                .decode((String, String, String, String, Int64).self) {
                copy.rules.append(StoreCopy.Rule(hash: hash, kind: kind, name: name, source: source, storedAt: storedAt))
            }
            for try await (id, team, label, state, phase, json, round, version, complex, workflow, plugins, opened, updated, head, checkpointed)
                in try await connection.query("""
                    SELECT id, team, client_label, state, phase, status_json, round, version, complex, workflow_hash, plugin_hashes,
                        opened_at, updated_at, head_hash, checkpointed_version FROM cases ORDER BY id
                    """, logger: logger)
                .decode((Int, String, String, String, String, String, Int, Int, Bool, String, String, Int64, Int64, Data?, Int).self) {
                copy.cases.append(StoreCopy.Case(id: id, team: team, clientLabel: label, state: state, phase: phase, statusJSON: json,
                                                 round: round, version: version, complex: complex, workflowHash: workflow,
                                                 pluginHashes: plugins, openedAt: opened, updatedAt: updated, head: head,
                                                 checkpointedVersion: checkpointed))
            }
            for try await (caseID, version, seq, type, actor, at, rules, salt, payload, commitment, previous, hash, format)
                in try await connection.query("""
                    SELECT case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash, format
                    FROM events ORDER BY seq
                    """, logger: logger)
                .decode((Int, Int, Int, String, String, Int64, String, Data?, String?, Data, Data, Data, Int).self) {
                copy.events.append(StoreCopy.Event(caseID: caseID, version: version, sequence: seq, type: type, actor: actor, recordedAt: at,
                                                   rules: rules, salt: salt, payload: payload, commitment: commitment, previous: previous,
                                                   hash: hash, format: format))
            }
            for try await (seq, actor, role, at, caseID, action, purpose, previous, hash, address) in try await connection.query(
                "SELECT seq, actor, role, at, case_id, action, purpose, prev_hash, hash, address FROM access_log ORDER BY seq", logger: logger)
                .decode((Int, String, String, Int64, Int?, String, String, Data, Data, String?).self) {
                copy.accesses.append(StoreCopy.Access(sequence: seq, actor: actor, role: role, at: at, caseID: caseID, action: action,
                                                      purpose: purpose, previous: previous, hash: hash, address: address))
            }
            for try await (id, trigger, statement, key, signature) in try await connection.query(
                "SELECT id, trigger, statement, public_key, signature FROM checkpoints ORDER BY id", logger: logger)
                .decode((Int, String, String, Data, Data).self) {
                copy.checkpoints.append(StoreCopy.Checkpoint(id: id, trigger: trigger, statement: statement, publicKey: key, signature: signature))
            }
            for try await (checkpoint, caseID, version, hash) in try await connection.query(
                "SELECT checkpoint_id, case_id, version, hash FROM checkpoint_heads ORDER BY checkpoint_id, case_id", logger: logger)
                .decode((Int, Int, Int, Data).self) {
                copy.heads.append(StoreCopy.Head(checkpointID: checkpoint, caseID: caseID, version: version, hash: hash))
            }
            for try await (checkpoint, name, keyID, signature) in try await connection.query(
                "SELECT checkpoint_id, key_name, key_id, signature FROM checkpoint_cosignatures ORDER BY checkpoint_id, key_name, key_id",
                logger: logger).decode((Int, String, Int64, Data).self) {
                copy.cosignatures.append(StoreCopy.Cosignature(checkpointID: checkpoint, keyName: name, keyID: keyID, signature: signature))
            }
            for try await (caseID, team, complex, openedOn, phase, state, closedAs, involved, formed, question, minutes, furthest, goals,
                           achieved, members, canCannot, stays, pauses, work, dropped) in try await connection.query("""
                SELECT case_id, team, complex, opened_on, phase, state, closed_as, network_involved, group_formed, network_question,
                    minutes_to_group, furthest_phase, goals, goals_achieved, members, members_can_cannot, stays, pauses, work, goals_dropped
                FROM case_facts ORDER BY case_id
                """, logger: logger)
                .decode((Int, String, Bool, Int, Int, String, String?, Bool, Bool, Bool, Int?, Int, Int, Int, Int, Int, String, String,
                         String?, Int?).self) {
                copy.facts.append(CaseFactsColumns(
                    caseID: caseID, team: team, complex: complex, openedOn: openedOn, phase: phase, state: state, closedAs: closedAs,
                    networkInvolved: involved, groupFormed: formed, networkQuestion: question, minutesToGroup: minutes,
                    furthestPhase: furthest, goals: goals, goalsDropped: dropped, goalsAchieved: achieved, members: members,
                    membersCanCannot: canCannot, stays: stays, pauses: pauses, work: work))
            }
            return copy
        }
    }

    public func importCopy(_ copy: StoreCopy) async throws(StoreError) {
        let logger = self.logger
        let location = self.location
        try await transaction { connection in
            _ = try await self.lockLedger(connection)
            for table in ["events", "cases", "rule_sources", "access_log", "checkpoints"] {
                for try await count in try await connection.query("SELECT count(*) FROM \(unescaped: table)", logger: logger).decode(Int.self)
                where count > 0 {
                    throw StoreError.targetNotEmpty(location: location)
                }
            }
            for mark in copy.marks {
                try await connection.query("INSERT INTO store_marks (name) VALUES (\(mark)) ON CONFLICT DO NOTHING", logger: logger)
            }
            try await Self.insert(connection, "rule_sources (hash, kind, name, source, stored_at)", columns: 5, copy.rules, logger: logger) {
                try $0.append($1.hash); try $0.append($1.kind); try $0.append($1.name); try $0.append($1.source); try $0.append($1.storedAt)
            }
            try await Self.insert(connection, """
                cases (id, team, client_label, state, phase, status_json, round, version, complex, workflow_hash, plugin_hashes,
                    opened_at, updated_at, head_hash, checkpointed_version)
                """, columns: 15, copy.cases, logger: logger) {
                try $0.append($1.id); try $0.append($1.team); try $0.append($1.clientLabel); try $0.append($1.state)
                try $0.append($1.phase); try $0.append($1.statusJSON); try $0.append($1.round); try $0.append($1.version)
                try $0.append($1.complex); try $0.append($1.workflowHash); try $0.append($1.pluginHashes); try $0.append($1.openedAt)
                try $0.append($1.updatedAt); try $0.append($1.head); try $0.append($1.checkpointedVersion)
            }
            // The events are most of a store: streamed with COPY rather than inserted, into the table
            // without its keys, which are built once afterwards (and checked: a duplicate fails the copy).
            try await connection.query("""
                ALTER TABLE events DROP CONSTRAINT events_pkey, DROP CONSTRAINT events_seq_key, DROP CONSTRAINT events_case_id_fkey
                """, logger: logger)
            try await connection.copyFrom(
                table: "events",
                columns: ["case_id", "version", "seq", "type", "actor", "recorded_at", "rules", "salt", "payload", "commitment",
                          "prev_hash", "hash", "format"],
                logger: logger
            ) { writer in
                var buffer = ByteBuffer()
                buffer.reserveCapacity(1 << 20)
                var row = CopyText.Fields()
                for e in copy.events {
                    row.write(into: &buffer) { field in
                        field.integer(e.caseID); field.integer(e.version); field.integer(e.sequence); field.text(e.type)
                        field.text(e.actor); field.integer(Int(e.recordedAt)); field.text(e.rules); field.bytes(e.salt)
                        field.text(e.payload); field.bytes(e.commitment); field.bytes(e.previous); field.bytes(e.hash)
                        field.integer(e.format)
                    }
                    if buffer.readableBytes > 1 << 20 {
                        try await writer.write(buffer)
                        buffer.clear()
                    }
                }
                if buffer.readableBytes > 0 { try await writer.write(buffer) }
            }
            try await connection.query("""
                ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY (case_id, version), ADD CONSTRAINT events_seq_key UNIQUE (seq),
                    ADD CONSTRAINT events_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases (id)
                """, logger: logger)
            try await Self.insert(connection, "access_log (seq, actor, role, at, case_id, action, purpose, prev_hash, hash, address)",
                                  columns: 10, copy.accesses, logger: logger) {
                try $0.append($1.sequence); try $0.append($1.actor); try $0.append($1.role); try $0.append($1.at)
                try $0.append($1.caseID); try $0.append($1.action); try $0.append($1.purpose); try $0.append($1.previous)
                try $0.append($1.hash); try $0.append($1.address)
            }
            try await Self.insert(connection, "checkpoints (id, trigger, statement, public_key, signature)", columns: 5, copy.checkpoints,
                                  logger: logger) {
                try $0.append($1.id); try $0.append($1.trigger); try $0.append($1.statement); try $0.append($1.publicKey)
                try $0.append($1.signature)
            }
            try await Self.insert(connection, "checkpoint_heads (checkpoint_id, case_id, version, hash)", columns: 4, copy.heads,
                                  logger: logger) {
                try $0.append($1.checkpointID); try $0.append($1.caseID); try $0.append($1.version); try $0.append($1.hash)
            }
            try await Self.insert(connection, "checkpoint_cosignatures (checkpoint_id, key_name, key_id, signature)", columns: 4,
                                  copy.cosignatures, logger: logger) {
                try $0.append($1.checkpointID); try $0.append($1.keyName); try $0.append($1.keyID); try $0.append($1.signature)
            }
            try await Self.insert(connection, """
                case_facts (case_id, team, complex, opened_on, phase, state, closed_as, network_involved, group_formed, network_question,
                    minutes_to_group, furthest_phase, goals, goals_achieved, members, members_can_cannot, stays, pauses, work, goals_dropped)
                """, columns: 20, copy.facts, logger: logger) {
                try $0.append($1.caseID); try $0.append($1.team); try $0.append($1.complex); try $0.append($1.openedOn)
                try $0.append($1.phase); try $0.append($1.state); try $0.append($1.closedAs); try $0.append($1.networkInvolved)
                try $0.append($1.groupFormed); try $0.append($1.networkQuestion); try $0.append($1.minutesToGroup)
                try $0.append($1.furthestPhase); try $0.append($1.goals); try $0.append($1.goalsAchieved); try $0.append($1.members)
                try $0.append($1.membersCanCannot); try $0.append($1.stays); try $0.append($1.pauses); try $0.append($1.work)
                try $0.append($1.goalsDropped)
            }
            try await connection.query("""
                UPDATE audit_state SET log_id = \(copy.logID), merkle = \(copy.merkle), access_count = \(copy.accessCount),
                    access_head = \(copy.accessHead) WHERE id = 1
                """, logger: logger)
        }
    }

    /// Inserts rows in statements of as many rows as fit PostgreSQL's 65,535 parameters.
    static func insert<Row>(_ connection: PostgresConnection, _ target: String, columns: Int, _ rows: [Row], logger: Logger,
                            _ append: (inout PostgresBindings, Row) throws -> Void) async throws {
        let perStatement = 60_000 / columns
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + perStatement, rows.count)]
            var bindings = PostgresBindings(capacity: batch.count * columns)
            var groups: [String] = []
            groups.reserveCapacity(batch.count)
            for row in batch {
                let first = bindings.count
                try append(&bindings, row)
                groups.append("(" + (first + 1...first + columns).map { "$\($0)" }.joined(separator: ",") + ")")
            }
            try await connection.query(PostgresQuery(unsafeSQL: "INSERT INTO \(target) VALUES " + groups.joined(separator: ","), binds: bindings),
                                       logger: logger)
            start += perStatement
        }
    }
}

/// Rows in COPY's text format: tab-separated fields, `\N` for NULL, backslash escapes in text,
/// bytea in hex (`\\x…`, its backslash escaped). One `Fields` is reused for every row.
enum CopyText {
    struct Fields {
        private var bytes: [UInt8] = []
        private var first = true

        /// Appends one row, its fields written by `body`, and the line break that ends it.
        mutating func write(into buffer: inout ByteBuffer, _ body: (inout Fields) -> Void) {
            bytes.removeAll(keepingCapacity: true)
            first = true
            body(&self)
            bytes.append(UInt8(ascii: "\n"))
            buffer.writeBytes(bytes)
        }

        private mutating func separate() {
            if !first { bytes.append(UInt8(ascii: "\t")) }
            first = false
        }

        mutating func integer(_ value: Int) {
            separate()
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func text(_ value: String?) {
            separate()
            guard let value else { return null() }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                default: bytes.append(byte)
                }
            }
        }

        mutating func bytes(_ value: Data?) {
            separate()
            guard let value else { return null() }
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\"), UInt8(ascii: "x")])
            for byte in value {
                bytes.append(CopyText.digits[Int(byte >> 4)])
                bytes.append(CopyText.digits[Int(byte & 0x0f)])
            }
        }

        private mutating func null() { bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")]) }
    }

    fileprivate static let digits = Array("0123456789abcdef".utf8)
}
