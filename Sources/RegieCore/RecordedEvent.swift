import Foundation

/// An event as it sits in a case's stream: who did it, when, and at which version.
public struct RecordedEvent: Sendable, Equatable {
    public var caseID: Int
    /// 1 for the event that opened the case, then one more for each event.
    public var version: Int
    public var actor: String
    /// UTC time the event was recorded.
    public var recordedAt: Date
    public var event: CaseEvent

    public init(caseID: Int, version: Int, actor: String, recordedAt: Date, event: CaseEvent) {
        self.caseID = caseID
        self.version = version
        self.actor = actor
        self.recordedAt = recordedAt
        self.event = event
    }
}
