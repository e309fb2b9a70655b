import Foundation
import PostgresNIO
import RegieAudit
import RegieCore
import RegieStore

/// Cases and their events: open, append (the version checked under the log-head lock), read.
extension PostgresEventStore {
    public func openCase(_ opened: CaseOpened, workflowSource: String, pluginSources: [String], actor: String, at date: Date)
        async throws(StoreError) -> RecordedEvent
    {
        try WriteChecks.opening(opened, workflowSource: workflowSource, pluginSources: pluginSources)
        let pins = opened.plugins ?? []
        let event = CaseEvent.opened(opened)
        let payload = try StoredForm.payload(event)
        let policy = checkpointPolicy
        let logger = self.logger
        let (recorded, state, memo) = try await transaction { connection in
            var ledger = try await self.lockLedger(connection)
            try await Self.storeRule(connection, hash: opened.workflowHash, kind: "workflow", name: opened.workflow,
                                     source: workflowSource, at: date, logger: logger)
            for (pin, source) in zip(pins, pluginSources) {
                try await Self.storeRule(connection, hash: pin.hash, kind: "plugin", name: pin.name, source: source, at: date, logger: logger)
            }
            let id = try await Self.insertCase(connection, CaseSummary(id: 0, opened: opened, at: date), logger: logger)
            let before = ledger.state.merkle.count
            let link = AuditLink.make(caseID: id, version: 1, previous: .zero, type: event.typeName, actor: actor,
                                      recordedAt: Self.millis(date), rules: [opened.workflowHash] + pins.map(\.hash), payload: payload,
                                      salts: ledger.salts)
            let hash = try await ledger.record(connection, link)
            try await connection.query("""
                UPDATE cases SET head_hash = \(Data(hash.bytes)), plugin_hashes = \(pins.map(\.hash).joined(separator: " ")) WHERE id = \(id)
                """, logger: logger)
            try await Self.writeFacts(connection, CaseFacts(CaseState(id: id, opened: opened, at: date, by: actor)), logger: logger)
            try await ledger.finish(connection, policy: policy, countBefore: before, closesCase: false, at: date)
            return (RecordedEvent(caseID: id, version: 1, actor: actor, recordedAt: date, event: event), ledger.state,
                    CaseHeadMemo(version: 1, round: 1, rules: link.envelope.rules.map(\.ruleHash), head: hash))
        }
        remember(state, case: recorded.caseID, memo)
        return recorded
    }

    public func append(_ events: [CaseEvent], to caseID: Int, expectedVersion: Int, actor: String, at date: Date,
                       ruleSources: [RuleSource], facts: CaseFacts?) async throws(StoreError) -> [RecordedEvent]
    {
        guard !events.isEmpty else { return [] }
        try WriteChecks.append(to: caseID, ruleSources: ruleSources, facts: facts)
        let payloads = try events.map { event throws(StoreError) in try StoredForm.payload(event) }
        if ruleSources.isEmpty,
           let recorded = try await appendInOneStatement(events, payloads: payloads, to: caseID, expectedVersion: expectedVersion,
                                                         actor: actor, at: date, facts: facts) {
            return recorded
        }
        let policy = checkpointPolicy
        let logger = self.logger
        let (recorded, state, memo) = try await transaction { connection in
            var ledger = try await self.lockLedger(connection)
            for rule in ruleSources {
                try await Self.storeRule(connection, hash: rule.hash, kind: rule.kind, name: rule.name, source: rule.source, at: date,
                                         logger: logger)
            }
            let current = try await connection.query("""
                SELECT version, round, workflow_hash, plugin_hashes, head_hash FROM cases WHERE id = \(caseID)
                """, logger: logger)
            var found: (version: Int, round: Int, workflow: String, plugins: String, head: Data?)?
            for try await row in current.decode((Int, Int, String, String, Data?).self) { found = row }
            guard let found else { throw StoreError.caseNotFound(caseID) }
            guard found.version == expectedVersion else {
                throw StoreError.conflict(caseID: caseID, expected: expectedVersion, actual: found.version)
            }
            guard var head = found.head.flatMap({ ChainHash($0) }) else {
                throw StoreError.corrupt(caseID: caseID, version: found.version, problem: "the case list holds no readable head hash")
            }
            var rules = [found.workflow] + found.plugins.split(separator: " ").map(String.init)
            let before = ledger.state.merkle.count
            var recorded: [RecordedEvent] = []
            var change = SummaryChange()
            for (offset, event) in events.enumerated() {
                let version = expectedVersion + offset + 1
                if case .migrated(let migrated) = event {
                    rules = [migrated.workflowHash] + migrated.plugins.map(\.hash)
                    for hash in rules {
                        var stored = 0
                        for try await count in try await connection.query(
                            "SELECT count(*) FROM rule_sources WHERE hash = \(hash)", logger: logger).decode(Int.self) { stored = count }
                        guard stored == 1 else { throw StoreError.database(code: 0, message: "a migration names rules that are not stored") }
                    }
                }
                let link = AuditLink.make(caseID: caseID, version: version, previous: head, type: event.typeName, actor: actor,
                                          recordedAt: Self.millis(date), rules: rules, payload: payloads[offset], salts: ledger.salts)
                head = try await ledger.record(connection, link)
                change.add(event)
                recorded.append(RecordedEvent(caseID: caseID, version: version, actor: actor, recordedAt: date, event: event))
            }
            let newVersion = expectedVersion + events.count
            if let status = change.status {
                try await connection.query("""
                    UPDATE cases SET version = \(newVersion), updated_at = \(Self.millis(date)), head_hash = \(Data(head.bytes)),
                        state = \(status.state), phase = \(status.phase.rawValue), status_json = \(StoredForm.statusJSON(status)),
                        round = \(found.round + change.roundsAdded)
                    WHERE id = \(caseID)
                    """, logger: logger)
            } else {
                try await connection.query("""
                    UPDATE cases SET version = \(newVersion), updated_at = \(Self.millis(date)), head_hash = \(Data(head.bytes))
                    WHERE id = \(caseID)
                    """, logger: logger)
            }
            if let migrated = change.rules {
                try await connection.query("""
                    UPDATE cases SET workflow_hash = \(migrated.workflowHash), plugin_hashes = \(migrated.pluginHashes.joined(separator: " "))
                    WHERE id = \(caseID)
                    """, logger: logger)
            }
            if let team = change.team {
                try await connection.query("UPDATE cases SET team = \(team) WHERE id = \(caseID)", logger: logger)
            }
            if let label = change.clientLabel {
                try await connection.query("UPDATE cases SET client_label = \(label) WHERE id = \(caseID)", logger: logger)
            }
            if let facts {
                try await Self.writeFacts(connection, facts, logger: logger)
            } else {
                try await connection.query("DELETE FROM case_facts WHERE case_id = \(caseID)", logger: logger)
            }
            let closes = change.status.map { if case .closed = $0 { true } else { false } } ?? false
            try await ledger.finish(connection, policy: policy, countBefore: before, closesCase: closes, at: date)
            return (recorded, ledger.state, CaseHeadMemo(version: newVersion, round: found.round + change.roundsAdded, rules: rules, head: head))
        }
        remember(state, case: caseID, memo)
        return recorded
    }

    public func events(of caseID: Int) async throws(StoreError) -> [RecordedEvent] {
        let logger = self.logger
        let events = try await reading { connection in
            let rows = try await connection.query("""
                SELECT version, type, actor, recorded_at, payload FROM events WHERE case_id = \(caseID) ORDER BY version
                """, logger: logger)
            var events: [RecordedEvent] = []
            for try await (version, type, actor, millis, payload) in rows.decode((Int, String, String, Int64, String?).self) {
                events.append(try StoredForm.event(caseID: caseID, version: version, type: type, actor: actor, millis: millis,
                                                   payload: payload))
            }
            return events
        }
        guard !events.isEmpty else { throw .caseNotFound(caseID) }
        return events
    }

    public func summaries(team: String?) async throws(StoreError) -> [CaseSummary] {
        let logger = self.logger
        return try await reading { connection in
            let rows = try await connection.query(team.map { team in
                "SELECT id, team, client_label, state, phase, status_json, round, version, complex, workflow_hash, opened_at, updated_at FROM cases WHERE team = \(team) ORDER BY id"
            } ?? "SELECT id, team, client_label, state, phase, status_json, round, version, complex, workflow_hash, opened_at, updated_at FROM cases ORDER BY id",
                logger: logger)
            var summaries: [CaseSummary] = []
            for try await row in rows {
                let (id, team, label, state, phase, json, round, version, complex, workflow, opened, updated) =
                    try row.decode((Int, String, String, String, String, String, Int, Int, Bool, String, Int64, Int64).self)
                summaries.append(CaseSummary(
                    id: id, team: team, clientLabel: label, status: try StoredForm.status(state: state, phase: phase, json: json),
                    round: round, version: version, complex: complex, workflowHash: workflow,
                    openedAt: try StoredForm.readableDate(millis: opened, column: "opened_at"),
                    updatedAt: try StoredForm.readableDate(millis: updated, column: "updated_at")))
            }
            return summaries
        }
    }

    public func replaceFacts(_ facts: [CaseFacts]) async throws(StoreError) {
        let logger = self.logger
        try await transaction { connection in
            for row in facts { try await Self.writeFacts(connection, row, logger: logger) }
        }
    }

    public func caseIDs(withEventType type: String) async throws(StoreError) -> [Int] {
        let logger = self.logger
        return try await reading { connection in
            var ids: [Int] = []
            for try await id in try await connection.query(
                "SELECT DISTINCT case_id FROM events WHERE type = \(type) ORDER BY case_id", logger: logger).decode(Int.self) {
                ids.append(id)
            }
            return ids
        }
    }

    public func importCases(_ streams: [[RecordedEvent]], workflowSources: [String: String]) async throws(StoreError) -> [Int] {
        let prepared = try PreparedImport(streams, workflowSources: workflowSources)
        let policy = checkpointPolicy
        let logger = self.logger
        let now = Date()
        return try await transaction { connection in
            var ledger = try await self.lockLedger(connection)
            for (hash, source) in workflowSources {
                try await Self.storeRule(connection, hash: hash, kind: prepared.pluginHashes.contains(hash) ? "plugin" : "workflow",
                                         name: "imported", source: source, at: now, logger: logger)
            }
            var ids: [Int] = []
            let before = ledger.state.merkle.count
            for stream in prepared.cases {
                var summary = CaseSummary(id: 0, opened: stream.opened, at: stream.events[0].recordedAt)
                for event in stream.events.dropFirst() { summary.apply(event) }
                let id = try await Self.insertCase(connection, summary, logger: logger)
                var pluginHashes = (stream.opened.plugins ?? []).map(\.hash)
                var rules = [stream.opened.workflowHash] + pluginHashes
                var head = ChainHash.zero
                for (event, payload) in zip(stream.events, stream.payloads) {
                    if case .migrated(let migrated) = event.event {
                        pluginHashes = migrated.plugins.map(\.hash)
                        rules = [migrated.workflowHash] + pluginHashes
                    }
                    let link = AuditLink.make(caseID: id, version: event.version, previous: head, type: event.event.typeName,
                                              actor: event.actor, recordedAt: Self.millis(event.recordedAt), rules: rules, payload: payload,
                                              salts: ledger.salts)
                    head = try await ledger.record(connection, link)
                }
                try await connection.query("""
                    UPDATE cases SET head_hash = \(Data(head.bytes)), plugin_hashes = \(pluginHashes.joined(separator: " ")) WHERE id = \(id)
                    """, logger: logger)
                if var facts = try? CaseFacts.of(stream.events) {
                    facts.caseID = id
                    try await Self.writeFacts(connection, facts, logger: logger)
                }
                ids.append(id)
            }
            try await ledger.finish(connection, policy: policy, countBefore: before, closesCase: false, bulk: true, at: now)
            return ids
        }
    }

    // MARK: - Rows

    static func storeRule(_ connection: PostgresConnection, hash: String, kind: String, name: String, source: String, at date: Date,
                          logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO rule_sources (hash, kind, name, source, stored_at) VALUES (\(hash), \(kind), \(name), \(source), \(millis(date)))
            ON CONFLICT (hash) DO NOTHING
            """, logger: logger)
    }

    /// Adds a row to the case list under the next case id (the log-head lock is held, so ids
    /// are handed out in order without gaps, as SQLite does). - Returns: the new id.
    static func insertCase(_ connection: PostgresConnection, _ s: CaseSummary, logger: Logger) async throws -> Int {
        var id = 1
        for try await next in try await connection.query("SELECT coalesce(max(id), 0) + 1 FROM cases", logger: logger).decode(Int.self) {
            id = next
        }
        try await connection.query("""
            INSERT INTO cases (id, team, client_label, state, phase, status_json, round, version, complex, workflow_hash, opened_at, updated_at)
            VALUES (\(id), \(s.team), \(s.clientLabel), \(s.status.state), \(s.status.phase.rawValue), \(StoredForm.statusJSON(s.status)),
                    \(s.round), \(s.version), \(s.complex), \(s.workflowHash), \(millis(s.openedAt)), \(millis(s.updatedAt)))
            """, logger: logger)
        return id
    }

    /// How a command's facts replace the case's earlier ones (`case_facts` holds one row per case).
    static let factsUpsert = """
        ON CONFLICT (case_id) DO UPDATE SET team = excluded.team, complex = excluded.complex, opened_on = excluded.opened_on,
            phase = excluded.phase, state = excluded.state, closed_as = excluded.closed_as,
            network_involved = excluded.network_involved, group_formed = excluded.group_formed,
            network_question = excluded.network_question, minutes_to_group = excluded.minutes_to_group,
            furthest_phase = excluded.furthest_phase, goals = excluded.goals, goals_achieved = excluded.goals_achieved,
            members = excluded.members, members_can_cannot = excluded.members_can_cannot, stays = excluded.stays,
            pauses = excluded.pauses, work = excluded.work, goals_dropped = excluded.goals_dropped
        """

    static func writeFacts(_ connection: PostgresConnection, _ facts: CaseFacts, logger: Logger) async throws {
        let c = CaseFactsColumns(facts)
        try await connection.query("""
            INSERT INTO case_facts (case_id, team, complex, opened_on, phase, state, closed_as, network_involved, group_formed,
                network_question, minutes_to_group, furthest_phase, goals, goals_achieved, members, members_can_cannot, stays, pauses,
                work, goals_dropped)
            VALUES (\(c.caseID), \(c.team), \(c.complex), \(c.openedOn), \(c.phase), \(c.state), \(c.closedAs), \(c.networkInvolved),
                \(c.groupFormed), \(c.networkQuestion), \(c.minutesToGroup), \(c.furthestPhase), \(c.goals), \(c.goalsAchieved),
                \(c.members), \(c.membersCanCannot), \(c.stays), \(c.pauses), \(c.work), \(c.goalsDropped))
            \(unescaped: factsUpsert)
            """, logger: logger)
    }
}
