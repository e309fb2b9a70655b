import Foundation
import RegieCore

/// Where case events live. Every append is one transaction that also updates the case list,
/// and states the version it read: a writer that read an old version gets
/// ``StoreError/conflict(caseID:expected:actual:)`` and writes nothing.
public protocol EventStore {
    /// Opens a new case: stores the workflow's and plugins' sources by hash, assigns the case id
    /// and records the opening event, all in one transaction.
    /// - Parameter pluginSources: the source of each plugin in `opened.plugins`, in order.
    /// - Returns: the recorded opening event, carrying the new case id.
    func openCase(_ opened: CaseOpened, workflowSource: String, pluginSources: [String], actor: String, at date: Date)
        throws(StoreError) -> RecordedEvent

    /// Appends events to a case if its version is still `expectedVersion`.
    /// - Returns: the recorded events with their versions.
    func append(_ events: [CaseEvent], to caseID: Int, expectedVersion: Int, actor: String, at date: Date)
        throws(StoreError) -> [RecordedEvent]

    /// A case's events in order.
    /// - Throws: ``StoreError/caseNotFound(_:)`` when there is no such case.
    func events(of caseID: Int) throws(StoreError) -> [RecordedEvent]

    /// The case list, optionally for one team, ordered by case id.
    func summaries(team: String?) throws(StoreError) -> [CaseSummary]

    /// The stored source of a workflow or plugin, by content hash.
    func ruleSource(hash: String) throws(StoreError) -> String?
}
