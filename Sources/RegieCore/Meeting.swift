/// Who led a meeting. The aim is that the client leads it.
public enum MeetingLead: String, CaseIterable, Codable, Sendable {
    case client, together, worker
}

/// A meeting of the resource group.
public struct Meeting: Sendable, Equatable, Identifiable {
    public let id: Int
    /// The round of the method the meeting belongs to (1 for the first meeting).
    public var round: Int
    public var plannedOn: LocalDate
    public var heldOn: LocalDate?
    /// Resource ids of the members who came.
    public var attendees: [Int]
    public var ledBy: MeetingLead?
    /// Why it was cancelled; only cancelled meetings (``CaseState/cancelledMeetings``) have one.
    public var cancellation: String?
}
