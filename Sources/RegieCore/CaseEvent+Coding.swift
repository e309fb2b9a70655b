import Foundation

/// The stored form of events: a type name and a JSON payload with snake_case keys.
/// Both are part of Regie's documented storage format; never rename one.
extension CaseEvent {
    /// The stored type name, such as `goal_added`.
    public var typeName: String {
        switch self {
        case .opened: "case_opened"
        case .goalAdded: "goal_added"
        case .goalChanged: "goal_changed"
        case .resourceMapped: "resource_mapped"
        case .resourceChanged: "resource_changed"
        case .memberChosen: "member_chosen"
        case .memberLeft: "member_left"
        case .resourceRemoved: "resource_removed"
        case .questionRecorded: "question_recorded"
        case .questionAssigned: "question_assigned"
        case .questionStatusChanged: "question_status_changed"
        case .meetingPlanned: "meeting_planned"
        case .meetingHeld: "meeting_held"
        case .meetingCancelled: "meeting_cancelled"
        case .meetingMoved: "meeting_moved"
        case .meetingCorrected: "meeting_corrected"
        case .itemTicked: "item_ticked"
        case .itemUnticked: "item_unticked"
        case .timeLogged: "time_logged"
        case .timeCorrected: "time_corrected"
        case .timeWithdrawn: "time_withdrawn"
        case .questionEdited: "question_edited"
        case .transitioned: "transitioned"
        case .migrated: "case_migrated"
        case .workersAssigned: "workers_assigned"
        case .transferRequested: "transfer_requested"
        case .transferAccepted: "transfer_accepted"
        case .transferDeclined: "transfer_declined"
        case .transferWithdrawn: "transfer_withdrawn"
        case .clientRelabelled: "client_relabelled"
        case .reminderClosed: "reminder_closed"
        case .undone: "undone"
        }
    }

    /// The payload as canonical JSON (see ``CanonicalJSON``).
    /// - Throws: `EncodingError` only if a value cannot be represented, which the types prevent.
    public func encodedPayload() throws -> Data {
        Data(try payloadBytes())
    }

    /// The payload's canonical JSON bytes.
    public func payloadBytes() throws -> [UInt8] {
        try CanonicalJSON.encode(payload)
    }

    /// The event's data without its case, version, actor and time.
    public var payload: any Encodable & Sendable {
        switch self {
        case .opened(let p): p
        case .goalAdded(let p): p
        case .goalChanged(let p): p
        case .resourceMapped(let p): p
        case .resourceChanged(let p): p
        case .memberChosen(let p): p
        case .memberLeft(let p): p
        case .resourceRemoved(let p): p
        case .questionRecorded(let p): p
        case .questionAssigned(let p): p
        case .questionStatusChanged(let p): p
        case .meetingPlanned(let p): p
        case .meetingHeld(let p): p
        case .meetingCancelled(let p): p
        case .meetingMoved(let p): p
        case .meetingCorrected(let p): p
        case .itemTicked(let p), .itemUnticked(let p): p
        case .timeLogged(let p): p
        case .timeCorrected(let p): p
        case .timeWithdrawn(let p): p
        case .questionEdited(let p): p
        case .transitioned(let p): p
        case .migrated(let p): p
        case .workersAssigned(let p): p
        case .transferRequested(let p): p
        case .transferAccepted(let p): p
        case .transferDeclined(let p), .transferWithdrawn(let p): p
        case .clientRelabelled(let p): p
        case .reminderClosed(let p): p
        case .undone(let p): p
        }
    }

    /// Reads a stored event.
    /// - Throws: `DecodingError` for an unknown type name or a payload that does not fit it.
    public init(typeName: String, payload: Data) throws {
        let decoder = JSONDecoder()
        func read<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(type, from: payload) }
        switch typeName {
        case "case_opened": self = .opened(try read(CaseOpened.self))
        case "goal_added": self = .goalAdded(try read(GoalAdded.self))
        case "goal_changed": self = .goalChanged(try read(GoalChanged.self))
        case "resource_mapped": self = .resourceMapped(try read(ResourceMapped.self))
        case "resource_changed": self = .resourceChanged(try read(ResourceChanged.self))
        case "member_chosen": self = .memberChosen(try read(MemberChosen.self))
        case "member_left": self = .memberLeft(try read(MemberLeft.self))
        case "resource_removed": self = .resourceRemoved(try read(ResourceRemoved.self))
        case "question_recorded": self = .questionRecorded(try read(QuestionRecorded.self))
        case "question_assigned": self = .questionAssigned(try read(QuestionAssigned.self))
        case "question_status_changed": self = .questionStatusChanged(try read(QuestionStatusChanged.self))
        case "meeting_planned": self = .meetingPlanned(try read(MeetingPlanned.self))
        case "meeting_held": self = .meetingHeld(try read(MeetingHeld.self))
        case "meeting_cancelled": self = .meetingCancelled(try read(MeetingCancelled.self))
        case "meeting_moved": self = .meetingMoved(try read(MeetingMoved.self))
        case "meeting_corrected": self = .meetingCorrected(try read(MeetingCorrected.self))
        case "item_ticked": self = .itemTicked(try read(ItemTick.self))
        case "item_unticked": self = .itemUnticked(try read(ItemTick.self))
        case "time_logged": self = .timeLogged(try read(TimeLogged.self))
        case "time_corrected": self = .timeCorrected(try read(TimeCorrected.self))
        case "time_withdrawn": self = .timeWithdrawn(try read(TimeWithdrawn.self))
        case "question_edited": self = .questionEdited(try read(QuestionEdited.self))
        case "transitioned": self = .transitioned(try read(Transitioned.self))
        case "case_migrated": self = .migrated(try read(CaseMigrated.self))
        case "workers_assigned": self = .workersAssigned(try read(WorkersAssigned.self))
        case "transfer_requested": self = .transferRequested(try read(TransferRequested.self))
        case "transfer_accepted": self = .transferAccepted(try read(TransferAccepted.self))
        case "transfer_declined": self = .transferDeclined(try read(TransferEnded.self))
        case "transfer_withdrawn": self = .transferWithdrawn(try read(TransferEnded.self))
        case "client_relabelled": self = .clientRelabelled(try read(ClientRelabelled.self))
        case "reminder_closed": self = .reminderClosed(try read(ReminderClosed.self))
        case "undone": self = .undone(try read(Undone.self))
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown event type \(typeName)"))
        }
    }
}
