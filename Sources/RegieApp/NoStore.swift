import RegieReports
import Foundation
import RegieCore
import RegieStore

/// A store with nothing in it, for commands that check files without a workspace.
package struct NoStore: EventStore {
    package init() {}

    package func openCase(_ opened: CaseOpened, workflowSource: String, pluginSources: [String], actor: String, at date: Date)
        throws(StoreError) -> RecordedEvent {
        throw .database(code: 0, message: "no store")
    }
    package func append(_ events: [CaseEvent], to caseID: Int, expectedVersion: Int, actor: String, at date: Date) throws(StoreError) -> [RecordedEvent] {
        throw .database(code: 0, message: "no store")
    }
    package func events(of caseID: Int) throws(StoreError) -> [RecordedEvent] { throw .caseNotFound(caseID) }
    package func summaries(team: String?) throws(StoreError) -> [CaseSummary] { [] }
    package func ruleSource(hash: String) throws(StoreError) -> String? { nil }
}
