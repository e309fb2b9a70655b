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
        let preparedImport = try PreparedImport(streams, workflowSources: workflowSources)
        let prepared = preparedImport.cases, pluginHashes = preparedImport.pluginHashes
        return try write { db in
            for (hash, source) in workflowSources {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO rule_sources (hash, kind, name, source, stored_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [hash, pluginHashes.contains(hash) ? "plugin" : "workflow", "imported", source, Self.millis(Date())])
            }
            var ids: [Int] = []
            var ledger = try AuditLedger.load(db)
            ledger.salts = saltSource
            let before = ledger.state.merkle.count
            for prepared in prepared {
                let (opened, events, payloads) = (prepared.opened, prepared.events, prepared.payloads)
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
