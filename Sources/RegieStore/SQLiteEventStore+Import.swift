import Foundation
import GRDB
import RegieAudit
import RegieCore

extension SQLiteEventStore {
    /// Imports whole case streams in one transaction: each stream must start with its opening
    /// event at version 1 and number its events without gaps. New case ids are assigned; the
    /// case ids in the given events are ignored. Either every stream is imported or none.
    /// - Parameter workflowSources: the source of every workflow and plugin hash the streams are pinned to.
    /// - Returns: the new case ids, in order.
    /// - Throws: ``StoreError`` when a stream is malformed, a source is missing, or SQLite fails.
    public func importCases(_ streams: [[RecordedEvent]], workflowSources: [String: String]) throws(StoreError) -> [Int] {
        var prepared: [(opened: CaseOpened, events: [RecordedEvent], payloads: [String])] = []
        for stream in streams {
            guard let first = stream.first, case .opened(let opened) = first.event,
                  stream.enumerated().allSatisfy({ $0.element.version == $0.offset + 1 })
            else {
                throw .database(code: 0, message: "an imported stream must start with its opening and have no gaps")
            }
            let migrations = stream.compactMap { if case .migrated(let m) = $0.event { m } else { nil } }
            let hashes = [opened.workflowHash] + (opened.plugins ?? []).map(\.hash)
                + migrations.flatMap { [$0.workflowHash] + $0.plugins.map(\.hash) }
            for hash in hashes {
                guard let source = workflowSources[hash], RuleHash.of(source) == hash else {
                    throw .database(code: 0, message: "an imported case is pinned to a workflow or plugin whose source is missing")
                }
            }
            let payloads = try stream.map { recorded throws(StoreError) in try Self.encode(recorded.event) }
            prepared.append((opened, stream, payloads))
        }
        var pluginHashes = Set<String>()
        for stream in prepared {
            pluginHashes.formUnion((stream.opened.plugins ?? []).map(\.hash))
            for event in stream.events {
                if case .migrated(let migrated) = event.event { pluginHashes.formUnion(migrated.plugins.map(\.hash)) }
            }
        }
        return try write { db in
            for (hash, source) in workflowSources {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO rule_sources (hash, kind, name, source, stored_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [hash, pluginHashes.contains(hash) ? "plugin" : "workflow", "imported", source, Self.millis(Date())])
            }
            var ids: [Int] = []
            var ledger = try AuditLedger.load(db)
            let before = ledger.state.merkle.count
            for (opened, events, payloads) in prepared {
                var summary = CaseSummary(id: 0, opened: opened, at: events[0].recordedAt)
                for event in events.dropFirst() { summary.apply(event) }
                let id = try Self.insertCase(db, summary)
                var pluginHashes = (opened.plugins ?? []).map(\.hash)
                var rules = [opened.workflowHash] + pluginHashes
                var head = ChainHash.zero
                for (event, payload) in zip(events, payloads) {
                    if case .migrated(let migrated) = event.event {
                        pluginHashes = migrated.plugins.map(\.hash)
                        rules = [migrated.workflowHash] + pluginHashes
                    }
                    head = try ledger.record(db, caseID: id, version: event.version, previous: head, type: event.event.typeName,
                                             actor: event.actor, at: Self.millis(event.recordedAt), rules: rules,
                                             payload: payload)
                }
                try db.cachedStatement(sql: "UPDATE cases SET head_hash = ?, plugin_hashes = ? WHERE id = ?")
                    .execute(arguments: [Data(head.bytes), pluginHashes.joined(separator: " "), id])
                if var facts = try? CaseFacts.of(events) {
                    facts.caseID = id
                    try CaseFactsTable.write(db, facts)
                }
                ids.append(id)
            }
            try finishAppend(db, ledger, countBefore: before, closesCase: false, bulk: true, at: Date())
            return ids
        }
    }
}
