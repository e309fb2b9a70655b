import Foundation

/// Who holds a case changes: the responsible support worker and, optionally, a second.
public struct WorkersAssigned: Codable, Sendable, Equatable {
    public var worker: String
    public var secondWorker: String?

    public init(worker: String, secondWorker: String?) {
        self.worker = worker
        self.secondWorker = secondWorker
    }

    enum CodingKeys: String, CodingKey {
        case worker
        case secondWorker = "second_worker"
    }
}

/// The case is offered to another team. It stays with its team until that team's
/// coordinator accepts.
public struct TransferRequested: Codable, Sendable, Equatable {
    public var toTeam: String
    public var reason: String

    public init(toTeam: String, reason: String) {
        self.toTeam = toTeam
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case reason
        case toTeam = "to_team"
    }
}

/// The receiving team's coordinator took the case on, with the worker who holds it now.
public struct TransferAccepted: Codable, Sendable, Equatable {
    public var fromTeam: String
    public var toTeam: String
    public var worker: String

    public init(fromTeam: String, toTeam: String, worker: String) {
        self.fromTeam = fromTeam
        self.toTeam = toTeam
        self.worker = worker
    }

    enum CodingKeys: String, CodingKey {
        case worker
        case fromTeam = "from_team", toTeam = "to_team"
    }
}

/// A pending transfer ends without the case moving: declined by the receiving team or
/// withdrawn by the sending one.
public struct TransferEnded: Codable, Sendable, Equatable {
    public var toTeam: String
    public var reason: String

    public init(toTeam: String, reason: String) {
        self.toTeam = toTeam
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case reason
        case toTeam = "to_team"
    }
}

/// The client's label or the external reference is corrected; `nil` stays as it was, an empty
/// reference removes it.
public struct ClientRelabelled: Codable, Sendable, Equatable {
    public var label: String?
    public var reference: String?

    public init(label: String?, reference: String?) {
        self.label = label
        self.reference = reference
    }
}

/// A plugin's reminder is done, or dismissed with a reason.
public struct ReminderClosed: Codable, Sendable, Equatable {
    public var reminderID: Int
    /// nil: done; a text: dismissed, and why.
    public var dismissal: String?

    public init(reminderID: Int, dismissal: String?) {
        self.reminderID = reminderID
        self.dismissal = dismissal
    }

    enum CodingKeys: String, CodingKey {
        case dismissal
        case reminderID = "reminder_id"
    }
}

/// The acting person's last command on the case is taken back: the case is as it was before
/// it, and both stay on record. What the case list needs (the status, round or label before
/// the command) is carried along, as the stores update the list from events alone.
public struct Undone: Codable, Sendable, Equatable {
    /// The version of the event taken back (always the one just before this).
    public var version: Int
    /// Its stored type name, such as `goal_added`.
    public var type: String
    /// For a move taken back: the status the case returns to, and how many rounds it loses.
    public var status: CaseStatus?
    public var roundsTakenBack: Int?
    /// For a relabelling taken back: the label the case returns to.
    public var clientLabel: String?

    public init(version: Int, type: String, status: CaseStatus? = nil, roundsTakenBack: Int? = nil, clientLabel: String? = nil) {
        self.version = version
        self.type = type
        self.status = status
        self.roundsTakenBack = roundsTakenBack
        self.clientLabel = clientLabel
    }

    enum CodingKeys: String, CodingKey {
        case version, type, status
        case roundsTakenBack = "rounds_taken_back", clientLabel = "client_label"
    }
}

/// A reminder a plugin gave on entering a phase, kept with the move until it is done or dismissed.
public struct Reminder: Codable, Sendable, Equatable {
    public var id: Int
    public var plugin: String
    public var text: LocalizedText
    /// The day it is due; nil: the day of the move.
    public var due: LocalDate?

    public init(id: Int, plugin: String, text: LocalizedText, due: LocalDate?) {
        self.id = id
        self.plugin = plugin
        self.text = text
        self.due = due
    }
}
