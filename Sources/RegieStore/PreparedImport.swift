import RegieCore

/// Case streams checked for a bulk import, with their payloads encoded: each starts with its
/// opening at version 1, has no gaps, and every workflow and plugin it is pinned to has its
/// source given. The same checks for every backend.
package struct PreparedImport {
    package struct Case {
        package var opened: CaseOpened
        package var events: [RecordedEvent]
        package var payloads: [String]
    }

    package var cases: [Case]
    /// The hashes among the sources that are plugins (the rest are workflows).
    package var pluginHashes: Set<String>

    package init(_ streams: [[RecordedEvent]], workflowSources: [String: String]) throws(StoreError) {
        var prepared: [Case] = []
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
            let payloads = try stream.map { recorded throws(StoreError) in try StoredForm.payload(recorded.event) }
            prepared.append(Case(opened: opened, events: stream, payloads: payloads))
        }
        var pluginHashes = Set<String>()
        for stream in prepared {
            pluginHashes.formUnion((stream.opened.plugins ?? []).map(\.hash))
            for event in stream.events {
                if case .migrated(let migrated) = event.event { pluginHashes.formUnion(migrated.plugins.map(\.hash)) }
            }
        }
        cases = prepared
        self.pluginHashes = pluginHashes
    }
}
