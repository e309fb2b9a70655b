import Foundation
import RegieCore
import RegieReports
import RegieStore

extension CaseSession {
    /// Where the workspace's people and teams stand against what the store has recorded.
    package struct ConfigurationStatus: Sendable {
        /// The recorded version (0: none yet).
        package var version: Int
        /// What applying `regie.yaml` would change (empty: it matches).
        package var pending: [RecordedConfiguration.Change]
    }

    package func configurationStatus() async throws(RegieError) -> ConfigurationStatus {
        let latest = try await latestRecorded()
        return ConfigurationStatus(version: latest?.version ?? 0, pending: RecordedConfiguration(workspace).changes(from: latest?.configuration))
    }

    /// Records `regie.yaml`'s people, teams and roles as the configuration a server trusts, with
    /// who applied it and what changed; a person removed, moved or given another role or login
    /// loses their sessions and tokens at once. By a coordinator (of the configuration being
    /// replaced, or of the new one when there is none yet).
    /// - Returns: the new version and its changes (version unchanged and no changes: it matched).
    package func applyConfiguration() async throws(RegieError) -> ConfigurationStatus {
        let latest = try await latestRecorded()
        let acting = try person()
        let authority = latest?.configuration.people.first { $0.id == acting.id }?.role ?? (latest == nil ? acting.role : nil)
        guard authority == .coordinator else { throw RegieError(.notPermitted, .configNeedsCoordinator) }
        let next = RecordedConfiguration(workspace)
        let changes = next.changes(from: latest?.configuration)
        let version = latest?.version ?? 0
        guard !changes.isEmpty else { return ConfigurationStatus(version: version, pending: []) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let lines = changes.compactMap { try? encoder.encode($0) }.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        let record = StoredConfiguration(version: version + 1, appliedAt: now, appliedBy: acting.id, document: next.document, changes: lines)
        let cutOff = Array(Set(changes.filter(\.cutsOff).map(\.subject))).sorted()
        do {
            try await store.recordConfiguration(record, expectedVersion: version, cutOff: cutOff)
        } catch .conflict {
            throw RegieError(.conflict, .configurationChangedMeanwhile)
        } catch {
            throw RegieError.from(error)
        }
        return ConfigurationStatus(version: version + 1, pending: changes)
    }

    private func latestRecorded() async throws(RegieError) -> (version: Int, configuration: RecordedConfiguration)? {
        try await Self.latestRecorded(in: store)
    }

    static func latestRecorded(in store: any EventStore) async throws(RegieError) -> (version: Int, configuration: RecordedConfiguration)? {
        let stored: StoredConfiguration?
        do {
            stored = try await store.latestConfiguration()
        } catch {
            throw RegieError.from(error)
        }
        guard let stored else { return nil }
        guard let configuration = RecordedConfiguration(document: stored.document) else {
            throw RegieError(.storage, .configurationUnreadable, ["version": .number(stored.version)])
        }
        return (stored.version, configuration)
    }

    /// A server trusts a workspace only when its people, teams and roles are the recorded ones.
    /// - Returns: the recorded version it matches.
    @discardableResult
    package static func checkRecorded(_ workspace: Workspace, in store: any EventStore) async throws(RegieError) -> Int {
        let latest = try await latestRecorded(in: store)
        guard let latest, latest.configuration == RecordedConfiguration(workspace) else {
            throw RegieError(.configuration, .configurationNotRecorded, ["version": .number(latest?.version ?? 0)])
        }
        return latest.version
    }

    /// The version of the configuration recorded last (0: none).
    package static func recordedVersion(in store: any EventStore) async throws(RegieError) -> Int {
        try await latestRecorded(in: store)?.version ?? 0
    }
}
