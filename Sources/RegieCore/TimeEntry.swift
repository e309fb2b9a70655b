/// What professional time was spent on.
public enum TimeActivity: String, CaseIterable, Codable, Sendable {
    case contact, conversation, meeting, preparation, other
}

/// Professional time spent on a case.
public struct TimeEntry: Sendable, Equatable {
    public var minutes: Int
    public var activity: TimeActivity
    public var on: LocalDate
}
