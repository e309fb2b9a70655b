import Foundation
import PostgresNIO
import RegieAudit
import RegieCore
import RegieStore

/// What this store last saw of a case it wrote: enough to chain the next event without reading.
struct CaseHeadMemo: Sendable {
    var version: Int
    var round: Int
    var rules: [String]
    var head: ChainHash
}

/// The common append in one statement, so one round trip and one commit instead of a locked
/// transaction of seven statements. When this process wrote last, it knows the log head and the
/// case's head; it chains the events from them and writes everything in one statement whose
/// first step moves the log-head row only if that row and the case are still exactly as it
/// knows them (a compare-and-set; a concurrent writer's commit makes it re-check). If they are
/// not, nothing is written, and the locked path (`FOR UPDATE`) takes over, which also decides
/// whether the case itself changed (a conflict) or only the log moved on.
extension PostgresEventStore {
    /// - Returns: the recorded events, or nil when the locked path must do this append.
    func appendInOneStatement(_ events: [CaseEvent], payloads: [String], to caseID: Int, expectedVersion: Int, actor: String,
                              at date: Date, facts: CaseFacts?) async throws(StoreError) -> [RecordedEvent]? {
        guard let (state, memo) = remembered(case: caseID), memo.version == expectedVersion else { return nil }
        var change = SummaryChange()
        for event in events {
            if case .migrated = event { return nil }
            change.add(event)
        }
        if change.movesOwnership { return nil }
        let closes = change.status.map { if case .closed = $0 { true } else { false } } ?? false
        if let policy = checkpointPolicy {
            // A checkpoint is due: that needs the cases' heads under the lock.
            if closes || state.merkle.count / policy.every != (state.merkle.count + events.count) / policy.every { return nil }
        }
        var after = state
        var head = memo.head
        var links: [AuditLink] = []
        var recorded: [RecordedEvent] = []
        for (offset, event) in events.enumerated() {
            let version = expectedVersion + offset + 1
            let link = AuditLink.make(caseID: caseID, version: version, previous: head, type: event.typeName, actor: actor,
                                      recordedAt: Self.millis(date), rules: memo.rules, payload: payloads[offset], salts: saltSource)
            after.merkle.append(link.hash)
            head = link.hash
            links.append(link)
            recorded.append(RecordedEvent(caseID: caseID, version: version, actor: actor, recordedAt: date, event: event))
        }
        let newVersion = expectedVersion + events.count
        var bindings = PostgresBindings()
        // A value that cannot be encoded (none of these can fail) sends the append down the locked path.
        var unencodable = false
        func bind<T: PostgresEncodable>(_ value: T) -> String {
            do { try bindings.append(value) } catch { unencodable = true }
            return "$\(bindings.count)"
        }
        func bindOptional<T: PostgresEncodable>(_ value: T?) -> String {
            if let value { return bind(value) }
            bindings.appendNull()
            return "$\(bindings.count)"
        }
        let moved = """
            moved AS (
                UPDATE audit_state SET merkle = \(bind(Data(after.merkle.serialized)))
                WHERE id = 1 AND merkle = \(bind(Data(state.merkle.serialized))) AND access_count = \(bind(state.accessEntries))
                  AND EXISTS (SELECT 1 FROM cases WHERE id = \(bind(caseID)) AND version = \(bind(expectedVersion))
                              AND head_hash = \(bind(Data(memo.head.bytes))))
                RETURNING 1)
            """
        let rows = links.enumerated().map { offset, link in
            let e = link.envelope
            return "(" + [bind(e.caseID), bind(e.version), bind(state.merkle.count + offset + 1), bind(e.type), bind(e.actor),
                          bind(e.recordedAt), bind(memo.rules.joined(separator: " ")), bind(Data(link.salt)), bind(link.payload),
                          bind(Data(e.commitment.bytes)), bind(Data(e.previous.bytes)), bind(Data(link.hash.bytes)),
                          bind(Int(e.format))].joined(separator: ", ") + ")"
        }.joined(separator: ", ")
        let inserted = """
            inserted AS (
                INSERT INTO events (case_id, version, seq, type, actor, recorded_at, rules, salt, payload, commitment, prev_hash, hash, format)
                SELECT v.* FROM (VALUES \(rows)) AS v, moved)
            """
        var caseUpdate = "version = \(bind(newVersion)), updated_at = \(bind(Self.millis(date))), head_hash = \(bind(Data(head.bytes)))"
        if let status = change.status {
            caseUpdate += ", state = \(bind(status.state)), phase = \(bind(status.phase.rawValue)), "
                + "status_json = \(bind(StoredForm.statusJSON(status))), round = \(bind(memo.round + change.roundsAdded))"
        }
        let listed = "listed AS (UPDATE cases SET \(caseUpdate) FROM moved WHERE id = \(bind(caseID)))"
        let factsStep: String
        if let facts {
            let c = CaseFactsColumns(facts)
            let values = [bind(c.caseID), bind(c.team), bind(c.complex), bind(c.openedOn), bind(c.phase), bind(c.state),
                          bindOptional(c.closedAs), bind(c.networkInvolved), bind(c.groupFormed), bind(c.networkQuestion),
                          bindOptional(c.minutesToGroup), bind(c.furthestPhase), bind(c.goals), bind(c.goalsAchieved), bind(c.members),
                          bind(c.membersCanCannot), bind(c.stays), bind(c.pauses), bindOptional(c.work),
                          bindOptional(c.goalsDropped)].joined(separator: ", ")
            factsStep = """
                facts AS (
                    INSERT INTO case_facts (case_id, team, complex, opened_on, phase, state, closed_as, network_involved, group_formed,
                        network_question, minutes_to_group, furthest_phase, goals, goals_achieved, members, members_can_cannot, stays, pauses,
                        work, goals_dropped)
                    SELECT \(values) FROM moved
                    \(Self.factsUpsert))
                """
        } else {
            factsStep = "facts AS (DELETE FROM case_facts USING moved WHERE case_id = \(bind(caseID)))"
        }
        guard !unencodable else { return nil }
        let sql = "WITH \(moved), \(inserted), \(listed), \(factsStep) SELECT count(*) FROM moved"
        let logger = self.logger
        let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
        let took = try await reading { connection in
            var count = 0
            for try await value in try await connection.query(query, logger: logger).decode(Int.self) { count = value }
            return count == 1
        }
        guard took else {
            forget()
            return nil
        }
        remember(after, case: caseID, CaseHeadMemo(version: newVersion, round: memo.round + change.roundsAdded, rules: memo.rules, head: head))
        return recorded
    }
}
