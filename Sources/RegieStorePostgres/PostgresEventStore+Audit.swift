import Crypto
import Foundation
import PostgresNIO
import RegieAudit
import RegieCore
import RegieStore

/// Rules by hash, report facts, the access log, the audit trail and checkpoints.
extension PostgresEventStore {
    public func ruleSource(hash: String) async throws(StoreError) -> String? {
        let logger = self.logger
        let source = try await reading { connection in
            var source: String?
            for try await text in try await connection.query("SELECT source FROM rule_sources WHERE hash = \(hash)", logger: logger)
                .decode(String.self) { source = text }
            return source
        }
        if let source, RuleHash.of(source) != hash { throw .ruleAltered(hash: hash) }
        return source
    }

    public func ruleSources(kind: String) async throws(StoreError) -> [StoredRule] {
        try await allRuleSources().filter { $0.kind == kind && RuleHash.of($0.rule.source) == $0.rule.hash }.map(\.rule)
    }

    public func alteredRuleSources() async throws(StoreError) -> [String] {
        try await allRuleSources().filter { RuleHash.of($0.rule.source) != $0.rule.hash }.map(\.rule.hash)
    }

    private func allRuleSources() async throws(StoreError) -> [(kind: String, rule: StoredRule)] {
        let logger = self.logger
        return try await reading { connection in
            var rules: [(kind: String, rule: StoredRule)] = []
            for try await (hash, kind, name, source) in try await connection.query(
                "SELECT hash, kind, name, source FROM rule_sources ORDER BY hash", logger: logger).decode((String, String, String, String).self) {
                rules.append((kind, StoredRule(hash: hash, name: name, source: source)))
            }
            return rules
        }
    }

    public func forEachCaseFacts(teams: [String]?, _ body: @escaping (CaseFacts) -> Void) async throws(StoreError) -> [Int] {
        let logger = self.logger
        let body = HandedOver(value: body)
        return try await transaction { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            let columns = """
                SELECT case_id, team, complex, opened_on, phase, state, closed_as, network_involved, group_formed, network_question,
                    minutes_to_group, furthest_phase, goals, goals_achieved, members, members_can_cannot, stays, pauses, work, goals_dropped
                FROM case_facts
                """
            let rows = try await connection.query(teams.map { "\(unescaped: columns) WHERE team = ANY(\($0)) ORDER BY case_id" }
                                                  ?? "\(unescaped: columns) ORDER BY case_id", logger: logger)
            for try await row in rows {
                let (caseID, team, complex, openedOn, phase, state, closedAs, involved, formed, question, minutes, furthest, goals,
                     achieved, members, canCannot, stays, pauses, work, dropped) =
                    try row.decode((Int, String, Bool, Int, Int, String, String?, Bool, Bool, Bool, Int?, Int, Int, Int, Int, Int,
                                    String, String, String?, Int?).self)
                body.value(try CaseFactsColumns(
                    caseID: caseID, team: team, complex: complex, openedOn: openedOn, phase: phase, state: state, closedAs: closedAs,
                    networkInvolved: involved, groupFormed: formed, networkQuestion: question, minutesToGroup: minutes,
                    furthestPhase: furthest, goals: goals, goalsDropped: dropped, goalsAchieved: achieved, members: members,
                    membersCanCannot: canCannot, stays: stays, pauses: pauses, work: work).facts())
            }
            let missing = try await connection.query(teams.map {
                "SELECT id FROM cases WHERE team = ANY(\($0)) AND id NOT IN (SELECT case_id FROM case_facts) ORDER BY id"
            } ?? "SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM case_facts) ORDER BY id", logger: logger)
            var ids: [Int] = []
            for try await id in missing.decode(Int.self) { ids.append(id) }
            return ids
        }
    }

    public func recordAccesses(_ reads: [AccessRead]) async throws(StoreError) {
        guard let last = reads.last else { return }
        let policy = checkpointPolicy
        let state = try await transaction { connection in
            var ledger = try await self.lockLedger(connection)
            let before = ledger.state.accessEntries
            for read in reads {
                for caseID in read.caseIDs {
                    try await ledger.recordAccess(connection, by: read.reader, at: Self.millis(read.at), caseID: caseID, action: read.action)
                }
            }
            try await ledger.save(connection)
            // Reads count too: a period with nothing but reads is sealed every so many reads.
            if let policy, before / policy.every != ledger.state.accessEntries / policy.every {
                _ = try await ledger.checkpoint(connection, key: policy.key, at: last.at, trigger: "every \(policy.every) reads")
            }
            return ledger.state
        }
        remember(state)
    }

    public func readAuditTrail(_ selection: AuditTrailSelection, into visitor: any AuditTrailVisitor) async throws(StoreError) {
        let logger = self.logger
        let visitor = HandedOver(value: visitor)
        try await transaction { connection in
            // One snapshot for everything read: the trail as it was at one moment.
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", logger: logger)
            let state = try await Self.auditState(connection.query(
                "SELECT log_id, merkle, access_count, access_head FROM audit_state WHERE id = 1", logger: logger))
            var eventRows = 0
            for try await count in try await connection.query("SELECT count(*) FROM events", logger: logger).decode(Int.self) {
                eventRows = count
            }
            var listed: [ListedCase] = []
            for try await (id, version, head, checkpointed) in try await connection.query(
                "SELECT id, version, head_hash, checkpointed_version FROM cases ORDER BY id", logger: logger).decode((Int, Int, Data?, Int).self) {
                listed.append(ListedCase(caseID: id, version: version, head: head.flatMap { ChainHash($0) }, checkpointedVersion: checkpointed))
            }
            let checkpoints = selection.checkpoints ? try await Self.checkpoints(connection, logger: logger) : []
            let rows = selection.caseList ? try await Self.caseListRows(connection, caseID: selection.caseListOf, logger: logger) : [:]
            visitor.value.begin(AuditTrailSnapshot(state: state, eventRows: eventRows, listedCases: listed, checkpoints: checkpoints,
                                                   caseListRows: rows))
            if let filter = selection.events {
                var conditions: [String] = []
                var bindings = PostgresBindings()
                if let caseID = filter.caseID { bindings.append(caseID); conditions.append("case_id = $\(bindings.count)") }
                if let type = filter.type { bindings.append(type); conditions.append("type = $\(bindings.count)") }
                let sql = "SELECT format, case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash FROM events"
                    + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + " ORDER BY case_id, version"
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger) {
                    let (format, caseID, version, sequence, type, actor, recordedAt, rules, salt, payload, commitment, previous, hash) =
                        try row.decode((Int, Int, Int, Int, String, String, Int64, String, Data?, String?, Data, Data, Data).self)
                    if !selection.anyTime, !RecordedTime.readableMillis.contains(recordedAt) {
                        throw StoreError.unreadableValue(column: "recorded_at")
                    }
                    visitor.value.visit(AuditedEvent(
                        format: format, caseID: caseID, version: version, sequence: sequence, type: type, actor: actor,
                        recordedAt: recordedAt, rules: rules.isEmpty ? [] : rules.split(separator: " ").map(String.init),
                        salt: salt.map { Array($0) }, payload: payload.map { Array($0.utf8) }, commitment: ChainHash(commitment),
                        previous: ChainHash(previous), hash: ChainHash(hash)))
                }
            }
            if let filter = selection.accesses {
                let rows = try await connection.query(filter.caseID.map {
                    "SELECT seq, actor, role, at, case_id, action, purpose, prev_hash, hash, address FROM access_log WHERE case_id = \($0) ORDER BY seq"
                } ?? "SELECT seq, actor, role, at, case_id, action, purpose, prev_hash, hash, address FROM access_log ORDER BY seq", logger: logger)
                for try await (seq, actor, role, at, caseID, action, purpose, previous, hash, address) in rows
                    .decode((Int, String, String, Int64, Int?, String, String, Data, Data, String?).self) {
                    if !selection.anyTime, !RecordedTime.readableMillis.contains(at) { throw StoreError.unreadableValue(column: "at") }
                    let envelope = AccessEnvelope(sequence: seq, previous: ChainHash(previous) ?? .zero, actor: actor, role: role, at: at,
                                                  caseID: caseID, action: action, purpose: purpose, address: address)
                    visitor.value.visit(AuditedAccess(envelope: envelope, hash: ChainHash(hash)))
                }
            }
        }
    }

    public func eventHashes(upTo count: Int) async throws(StoreError) -> [ChainHash] {
        let logger = self.logger
        return try await reading { connection in
            var hashes: [ChainHash] = []
            for try await hash in try await connection.query("SELECT hash FROM events WHERE seq <= \(count) ORDER BY seq", logger: logger)
                .decode(Data.self) { hashes.append(ChainHash(hash) ?? .zero) }
            return hashes
        }
    }

    public func addCosignature(_ signature: NoteSignature, to checkpointID: Int) async throws(StoreError) {
        let logger = self.logger
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO checkpoint_cosignatures (checkpoint_id, key_name, key_id, signature)
                VALUES (\(checkpointID), \(signature.keyName), \(Int64(signature.keyID)), \(Data(signature.signature)))
                ON CONFLICT (checkpoint_id, key_name, key_id) DO UPDATE SET signature = excluded.signature
                """, logger: logger)
        }
    }

    public func signAndMakeCheckpoint(key: Curve25519.Signing.PrivateKey, at date: Date, trigger: String)
        async throws(StoreError) -> (made: StoredCheckpoint, signedPending: Int)
    {
        let logger = self.logger
        let keyBytes = key.rawRepresentation
        return try await transaction { connection in
            let key = try Curve25519.Signing.PrivateKey(rawRepresentation: keyBytes)
            let ledger = try await self.lockLedger(connection)
            var pending: [(Int, String)] = []
            for try await row in try await connection.query(
                "SELECT id, statement FROM checkpoints WHERE length(signature) = 0 ORDER BY id", logger: logger).decode((Int, String).self) {
                pending.append(row)
            }
            for (id, statement) in pending {
                let signature = try key.signature(for: Data(statement.utf8))
                try await connection.query("""
                    UPDATE checkpoints SET public_key = \(key.publicKey.rawRepresentation), signature = \(Data(signature)) WHERE id = \(id)
                    """, logger: logger)
            }
            let made = try await ledger.checkpoint(connection, key: key, at: date, trigger: trigger)
            return (made, pending.count)
        }
    }

    public func counts() async throws(StoreError) -> StoreCounts {
        let logger = self.logger
        return try await reading { connection in
            var values: [Int] = []
            for table in ["events", "cases", "rule_sources", "access_log", "checkpoints"] {
                for try await count in try await connection.query("SELECT count(*) FROM \(unescaped: table)", logger: logger)
                    .decode(Int.self) { values.append(count) }
            }
            return StoreCounts(events: values[0], cases: values[1], ruleSources: values[2], accessEntries: values[3], checkpoints: values[4])
        }
    }

    // MARK: - Rows

    static func checkpoints(_ connection: PostgresConnection, logger: Logger) async throws -> [StoredCheckpoint] {
        var heads: [Int: [CaseHead]] = [:]
        for try await (checkpoint, caseID, version, hash) in try await connection.query(
            "SELECT checkpoint_id, case_id, version, hash FROM checkpoint_heads ORDER BY checkpoint_id, case_id", logger: logger)
            .decode((Int, Int, Int, Data).self) {
            heads[checkpoint, default: []].append(CaseHead(caseID: caseID, version: version, hash: ChainHash(hash) ?? .zero))
        }
        var cosignatures: [Int: [NoteSignature]] = [:]
        for try await (checkpoint, name, keyID, signature) in try await connection.query(
            "SELECT checkpoint_id, key_name, key_id, signature FROM checkpoint_cosignatures ORDER BY checkpoint_id, key_name, key_id",
            logger: logger).decode((Int, String, Int64, Data).self) {
            cosignatures[checkpoint, default: []].append(
                NoteSignature(keyName: name, keyID: UInt32(truncatingIfNeeded: keyID), signature: Array(signature)))
        }
        var result: [StoredCheckpoint] = []
        for try await (id, trigger, statement, key, signature) in try await connection.query(
            "SELECT id, trigger, statement, public_key, signature FROM checkpoints ORDER BY id", logger: logger)
            .decode((Int, String, String, Data, Data).self) {
            // A stored statement that cannot be read comes back with an empty signature, so that
            // verification reports it instead of stopping.
            let signed = (try? Checkpoint(statement: statement)).map {
                SignedCheckpoint(checkpoint: $0, publicKey: Array(key), signature: Array(signature), cosignatures: cosignatures[id] ?? [])
            } ?? SignedCheckpoint(checkpoint: Checkpoint(logID: "", time: Date(timeIntervalSince1970: 0), events: -1, root: .zero,
                                                         heads: [], accessEntries: -1, accessHead: .zero),
                                  publicKey: Array(key), signature: [])
            result.append(StoredCheckpoint(id: id, trigger: trigger, signed: signed, heads: heads[id] ?? []))
        }
        return result
    }

    static func caseListRows(_ connection: PostgresConnection, caseID: Int?, logger: Logger) async throws -> [Int: CaseListRow?] {
        let columns = "SELECT id, team, client_label, state, phase, status_json, round, version, complex, workflow_hash, plugin_hashes, opened_at, updated_at FROM cases"
        let rows = try await connection.query(caseID.map { "\(unescaped: columns) WHERE id = \($0)" } ?? "\(unescaped: columns)",
                                              logger: logger)
        var result: [Int: CaseListRow?] = [:]
        for try await row in rows {
            let (id, team, label, state, phase, json, round, version, complex, workflow, plugins, opened, updated) =
                try row.decode((Int, String, String, String, String, String, Int, Int, Bool, String, String, Int64, Int64).self)
            result[id] = CaseListRow(team: team, clientLabel: label, state: state, phase: phase, statusJSON: json, round: round,
                                     version: version, complex: complex, workflowHash: workflow, pluginHashes: plugins,
                                     openedAt: opened, updatedAt: updated)
        }
        return result
    }
}
