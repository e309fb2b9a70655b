/// What professional time was spent on.
public enum TimeActivity: String, CaseIterable, Codable, Sendable {
    case contact, conversation, meeting, preparation, other
}

/// Professional time spent on a case.
public struct TimeEntry: Sendable, Equatable {
    /// Its number in the case: entries are numbered in the order they were logged, withdrawn ones too.
    public var id: Int
    public var minutes: Int
    public var activity: TimeActivity
    public var on: LocalDate
}
