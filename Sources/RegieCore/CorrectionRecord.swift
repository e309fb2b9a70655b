import Foundation

/// A correction as the case's history keeps it: what it corrected, the value before and after,
/// who made it and when. The events themselves stay as they were recorded.
public struct CorrectionRecord: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        case meetingMoved(meeting: Int, from: LocalDate, to: LocalDate)
        case meetingCancelled(meeting: Int, plannedOn: LocalDate, reason: String)
        case meetingDayCorrected(meeting: Int, from: LocalDate, to: LocalDate)
        case meetingAttendeesCorrected(meeting: Int, from: [Int], to: [Int])
        case timeCorrected(from: TimeEntry, to: TimeEntry)
        case timeWithdrawn(TimeEntry, reason: String)
        case questionEdited(question: Int, from: String, to: String)
        case clientRelabelled(from: String, to: String)
        case referenceCorrected(from: String?, to: String?)
        /// The event of this version (its stored type name) was taken back.
        case undone(version: Int, type: String)
    }

    public var version: Int
    public var actor: String
    public var at: Date
    public var change: Change
}
