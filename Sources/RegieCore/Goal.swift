/// How far ahead a goal looks.
public enum GoalTerm: String, CaseIterable, Codable, Sendable {
    case short, long
}

/// Who put a goal into words. The method asks for the client's own words; the record says
/// honestly when the worker wrote it.
public enum Author: String, CaseIterable, Codable, Sendable {
    case client, worker
}

public enum GoalStatus: String, CaseIterable, Codable, Sendable {
    case open, achieved, dropped
}

/// A goal of the client.
public struct Goal: Sendable, Equatable, Identifiable {
    public let id: Int
    public var text: String
    public var term: GoalTerm
    public var wordedBy: Author
    public var status: GoalStatus
}
