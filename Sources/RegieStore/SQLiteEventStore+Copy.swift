import Foundation
import GRDB
import RegieAudit

/// `regie store copy` on SQLite: every row out, or every row into an empty file.
extension SQLiteEventStore {
    public func exportCopy() async throws(StoreError) -> StoreCopy {
        try await BlockingWork.run { () throws(StoreError) in try self.exportCopySync() }
    }

    public func importCopy(_ copy: StoreCopy) async throws(StoreError) {
        try await BlockingWork.run { () throws(StoreError) in try self.importCopySync(copy) }
    }

    private func exportCopySync() throws(StoreError) -> StoreCopy {
        do {
            return try queue.read { db in
                guard let state = try Row.fetchOne(db, sql: "SELECT log_id, merkle, access_count, access_head FROM audit_state WHERE id = 1")
                else { throw StoreError.database(code: 0, message: "the audit state is missing") }
                var copy = StoreCopy(logID: state[0], merkle: state[1], accessCount: state[2], accessHead: state[3])
                copy.marks = try String.fetchAll(db, sql: "SELECT name FROM store_marks ORDER BY name")
                copy.rules = try Row.fetchAll(db, sql: "SELECT hash, kind, name, source, stored_at FROM rule_sources ORDER BY hash").map {
                    StoreCopy.Rule(hash: $0[0], kind: $0[1], name: $0[2], source: $0[3], storedAt: $0[4])
                }
                copy.cases = try Row.fetchAll(db, sql: """
                    SELECT id, team, client_label, state, phase, status_json, round, version, complex, workflow_hash, plugin_hashes,
                        opened_at, updated_at, head_hash, checkpointed_version FROM cases ORDER BY id
                    """).map {
                    StoreCopy.Case(id: $0[0], team: $0[1], clientLabel: $0[2], state: $0[3], phase: $0[4], statusJSON: $0[5], round: $0[6],
                                   version: $0[7], complex: $0[8], workflowHash: $0[9], pluginHashes: $0[10], openedAt: $0[11],
                                   updatedAt: $0[12], head: $0[13], checkpointedVersion: $0[14])
                }
                let events = try Row.fetchCursor(db, sql: """
                    SELECT case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash, format
                    FROM events ORDER BY seq
                    """)
                while let row = try events.next() {
                    copy.events.append(StoreCopy.Event(
                        caseID: row[0], version: row[1], sequence: row[2], type: row[3], actor: row[4], recordedAt: row[5], rules: row[6],
                        salt: row[7], payload: row[8], commitment: row[9], previous: row[10], hash: row[11], format: row[12]))
                }
                copy.accesses = try Row.fetchAll(db, sql: """
                    SELECT seq, actor, role, at, case_id, action, purpose, prev_hash, hash, address FROM access_log ORDER BY seq
                    """).map {
                    StoreCopy.Access(sequence: $0[0], actor: $0[1], role: $0[2], at: $0[3], caseID: $0[4], action: $0[5], purpose: $0[6],
                                     previous: $0[7], hash: $0[8], address: $0[9])
                }
                copy.checkpoints = try Row.fetchAll(db, sql: "SELECT id, trigger, statement, public_key, signature FROM checkpoints ORDER BY id").map {
                    StoreCopy.Checkpoint(id: $0[0], trigger: $0[1], statement: $0[2], publicKey: $0[3], signature: $0[4])
                }
                copy.heads = try Row.fetchAll(db, sql: "SELECT checkpoint_id, case_id, version, hash FROM checkpoint_heads ORDER BY checkpoint_id, case_id").map {
                    StoreCopy.Head(checkpointID: $0[0], caseID: $0[1], version: $0[2], hash: $0[3])
                }
                copy.cosignatures = try Row.fetchAll(db, sql: "SELECT checkpoint_id, key_name, key_id, signature FROM checkpoint_cosignatures ORDER BY checkpoint_id, key_name, key_id").map {
                    StoreCopy.Cosignature(checkpointID: $0[0], keyName: $0[1], keyID: $0[2], signature: $0[3])
                }
                copy.facts = try Row.fetchAll(db, sql: """
                    SELECT case_id, team, complex, opened_on, phase, state, closed_as, network_involved, group_formed, network_question,
                        minutes_to_group, furthest_phase, goals, goals_achieved, members, members_can_cannot, stays, pauses, work,
                        goals_dropped
                    FROM case_facts ORDER BY case_id
                    """).map {
                    CaseFactsColumns(caseID: $0[0], team: $0[1], complex: $0[2], openedOn: $0[3], phase: $0[4], state: $0[5], closedAs: $0[6],
                                     networkInvolved: $0[7], groupFormed: $0[8], networkQuestion: $0[9], minutesToGroup: $0[10],
                                     furthestPhase: $0[11], goals: $0[12], goalsDropped: $0[19], goalsAchieved: $0[13], members: $0[14],
                                     membersCanCannot: $0[15], stays: $0[16], pauses: $0[17], work: $0[18])
                }
                return copy
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    private func importCopySync(_ copy: StoreCopy) throws(StoreError) {
        let empty = try allCounts()
        guard empty.events == 0, empty.cases == 0, empty.ruleSources == 0, empty.accessEntries == 0, empty.checkpoints == 0 else {
            throw .targetNotEmpty(location: path)
        }
        try write { db in
            for mark in copy.marks { try db.execute(sql: "INSERT OR IGNORE INTO store_marks (name) VALUES (?)", arguments: [mark]) }
            let rule = try db.makeStatement(sql: "INSERT INTO rule_sources (hash, kind, name, source, stored_at) VALUES (?, ?, ?, ?, ?)")
            for r in copy.rules { try rule.execute(arguments: [r.hash, r.kind, r.name, r.source, r.storedAt]) }
            let caseRow = try db.makeStatement(sql: """
                INSERT INTO cases (id, team, client_label, state, phase, status_json, round, version, complex, workflow_hash, plugin_hashes,
                    opened_at, updated_at, head_hash, checkpointed_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for c in copy.cases {
                try caseRow.execute(arguments: [c.id, c.team, c.clientLabel, c.state, c.phase, c.statusJSON, c.round, c.version, c.complex,
                                                c.workflowHash, c.pluginHashes, c.openedAt, c.updatedAt, c.head, c.checkpointedVersion])
            }
            let event = try db.makeStatement(sql: AuditLink.insertSQL)
            for e in copy.events {
                try event.execute(arguments: [e.caseID, e.version, e.sequence, e.type, e.actor, e.recordedAt, e.rules, e.salt, e.payload,
                                              e.commitment, e.previous, e.hash, e.format])
            }
            let access = try db.makeStatement(sql: """
                INSERT INTO access_log (seq, actor, role, at, case_id, action, purpose, prev_hash, hash, address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for a in copy.accesses {
                try access.execute(arguments: [a.sequence, a.actor, a.role, a.at, a.caseID, a.action, a.purpose, a.previous, a.hash,
                                               a.address])
            }
            for c in copy.checkpoints {
                try db.execute(sql: "INSERT INTO checkpoints (id, trigger, statement, public_key, signature) VALUES (?, ?, ?, ?, ?)",
                               arguments: [c.id, c.trigger, c.statement, c.publicKey, c.signature])
            }
            for h in copy.heads {
                try db.execute(sql: "INSERT INTO checkpoint_heads (checkpoint_id, case_id, version, hash) VALUES (?, ?, ?, ?)",
                               arguments: [h.checkpointID, h.caseID, h.version, h.hash])
            }
            for c in copy.cosignatures {
                try db.execute(sql: "INSERT INTO checkpoint_cosignatures (checkpoint_id, key_name, key_id, signature) VALUES (?, ?, ?, ?)",
                               arguments: [c.checkpointID, c.keyName, c.keyID, c.signature])
            }
            let facts = try db.makeStatement(sql: """
                INSERT INTO case_facts (case_id, team, complex, opened_on, phase, state, closed_as, network_involved, group_formed,
                    network_question, minutes_to_group, furthest_phase, goals, goals_achieved, members, members_can_cannot, stays, pauses,
                    work, goals_dropped)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for c in copy.facts {
                try facts.execute(arguments: [c.caseID, c.team, c.complex, c.openedOn, c.phase, c.state, c.closedAs, c.networkInvolved,
                                              c.groupFormed, c.networkQuestion, c.minutesToGroup, c.furthestPhase, c.goals, c.goalsAchieved,
                                              c.members, c.membersCanCannot, c.stays, c.pauses, c.work, c.goalsDropped])
            }
            try db.execute(sql: "UPDATE audit_state SET log_id = ?, merkle = ?, access_count = ?, access_head = ? WHERE id = 1",
                           arguments: [copy.logID, copy.merkle, copy.accessCount, copy.accessHead])
        }
    }
}
