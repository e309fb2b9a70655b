/// Something that happened to a case. A case's state is a fold over its events
/// (see ``CaseState/apply(_:)``); events are never changed once recorded.
public enum CaseEvent: Sendable, Equatable {
    case opened(CaseOpened)
    case goalAdded(GoalAdded)
    case goalChanged(GoalChanged)
    case resourceMapped(ResourceMapped)
    case resourceChanged(ResourceChanged)
    case memberChosen(MemberChosen)
    case memberLeft(MemberLeft)
    case resourceRemoved(ResourceRemoved)
    case questionRecorded(QuestionRecorded)
    case questionAssigned(QuestionAssigned)
    case questionStatusChanged(QuestionStatusChanged)
    case meetingPlanned(MeetingPlanned)
    case meetingHeld(MeetingHeld)
    /// Corrections of meetings: each names the meeting it corrects; the original stays on record.
    case meetingCancelled(MeetingCancelled)
    case meetingMoved(MeetingMoved)
    case meetingCorrected(MeetingCorrected)
    case itemTicked(ItemTick)
    case itemUnticked(ItemTick)
    case timeLogged(TimeLogged)
    /// Corrections of time entries and questions, each naming what it corrects.
    case timeCorrected(TimeCorrected)
    case timeWithdrawn(TimeWithdrawn)
    case questionEdited(QuestionEdited)
    case transitioned(Transitioned)
    case migrated(CaseMigrated)
    /// Team work: who holds the case, handing it to another team, the client's label, a
    /// plugin's reminder closed, and the last command taken back.
    case workersAssigned(WorkersAssigned)
    case transferRequested(TransferRequested)
    case transferAccepted(TransferAccepted)
    case transferDeclined(TransferEnded)
    case transferWithdrawn(TransferEnded)
    case clientRelabelled(ClientRelabelled)
    case reminderClosed(ReminderClosed)
    case undone(Undone)
}

/// The case moves to other rules: the workflow and plugins in force for its team now.
/// Everything recorded before keeps the rules it was decided by.
public struct CaseMigrated: Codable, Sendable, Equatable {
    public var workflow: String
    public var workflowHash: String
    public var plugins: [PluginPin]
    /// The rules the case leaves, for the record.
    public var fromWorkflowHash: String
    public var fromPlugins: [PluginPin]

    public init(workflow: String, workflowHash: String, plugins: [PluginPin], fromWorkflowHash: String, fromPlugins: [PluginPin]) {
        self.workflow = workflow
        self.workflowHash = workflowHash
        self.plugins = plugins
        self.fromWorkflowHash = fromWorkflowHash
        self.fromPlugins = fromPlugins
    }

    enum CodingKeys: String, CodingKey {
        case workflow, plugins
        case workflowHash = "workflow_hash", fromWorkflowHash = "from_workflow_hash", fromPlugins = "from_plugins"
    }
}

public struct CaseOpened: Codable, Sendable, Equatable {
    public var team: String
    /// The label the team uses for the client (initials, a nickname); never a national id number.
    public var clientLabel: String
    public var externalReference: String?
    /// Flagged as complex (for example severe mental illness); reports split figures by it.
    public var complex: Bool
    public var workflow: String
    /// Content hash of the workflow definition the case is pinned to.
    public var workflowHash: String
    /// The plugins the case is pinned to, in the team's order; absent when the team has none.
    public var plugins: [PluginPin]?
    /// The responsible support worker; absent in cases opened before workers were recorded,
    /// which are held by the person who opened them.
    public var worker: String?
    public var secondWorker: String?

    public init(team: String, clientLabel: String, externalReference: String?, complex: Bool, workflow: String,
                workflowHash: String, plugins: [PluginPin]? = nil, worker: String? = nil, secondWorker: String? = nil) {
        self.worker = worker
        self.secondWorker = secondWorker
        self.team = team
        self.clientLabel = clientLabel
        self.externalReference = externalReference
        self.complex = complex
        self.workflow = workflow
        self.workflowHash = workflowHash
        self.plugins = plugins
    }

    enum CodingKeys: String, CodingKey {
        case team, complex, workflow, plugins, worker
        case clientLabel = "client_label", externalReference = "external_reference", workflowHash = "workflow_hash"
        case secondWorker = "second_worker"
    }
}

public struct GoalAdded: Codable, Sendable, Equatable {
    public var goalID: Int
    public var text: String
    public var term: GoalTerm
    public var wordedBy: Author

    public init(goalID: Int, text: String, term: GoalTerm, wordedBy: Author) {
        self.goalID = goalID
        self.text = text
        self.term = term
        self.wordedBy = wordedBy
    }

    enum CodingKeys: String, CodingKey {
        case text, term
        case goalID = "goal_id", wordedBy = "worded_by"
    }
}

public struct GoalChanged: Codable, Sendable, Equatable {
    public var goalID: Int
    public var text: String?
    /// Who worded the new text; present whenever `text` is.
    public var wordedBy: Author?
    public var term: GoalTerm?
    public var status: GoalStatus?

    enum CodingKeys: String, CodingKey {
        case text, term, status
        case goalID = "goal_id", wordedBy = "worded_by"
    }
}

public struct ResourceMapped: Codable, Sendable, Equatable {
    public var resourceID: Int
    public var label: String
    public var relation: String
    public var kind: ResourceKind

    enum CodingKeys: String, CodingKey {
        case label, relation, kind
        case resourceID = "resource_id"
    }
}

/// Changes to a resource; a field that is `nil` stays as it was.
public struct ResourceChanged: Codable, Sendable, Equatable {
    public var resourceID: Int
    public var label: String?
    public var relation: String?
    public var kind: ResourceKind?
    public var contact: ContactStatus?
    public var oneToOneHeld: Bool?
    public var canDo: String?
    public var cannotDo: String?
    public var tension: TensionState?

    public init(resourceID: Int) { self.resourceID = resourceID }

    /// True when nothing would change.
    public var isEmpty: Bool {
        label == nil && relation == nil && kind == nil && contact == nil && oneToOneHeld == nil && canDo == nil
            && cannotDo == nil && tension == nil
    }

    enum CodingKeys: String, CodingKey {
        case label, relation, kind, contact, tension
        case resourceID = "resource_id", oneToOneHeld = "one_to_one_held", canDo = "can_do", cannotDo = "cannot_do"
    }
}

/// A resource joins the group. Only the client chooses; the event records it as their choice.
public struct MemberChosen: Codable, Sendable, Equatable {
    public var resourceID: Int
    /// Always `client`: kept in the record so that it says so in so many words.
    public var chosenBy: Author
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case note
        case resourceID = "resource_id", chosenBy = "chosen_by"
    }
}

public struct MemberLeft: Codable, Sendable, Equatable {
    public var resourceID: Int
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case reason
        case resourceID = "resource_id"
    }
}

/// A resource is taken off the case: a third party who asked not to be recorded.
public struct ResourceRemoved: Codable, Sendable, Equatable {
    public var resourceID: Int

    enum CodingKeys: String, CodingKey { case resourceID = "resource_id" }
}

public struct QuestionRecorded: Codable, Sendable, Equatable {
    public var questionID: Int
    public var text: String
    public var owner: Int?
    public var due: LocalDate?

    enum CodingKeys: String, CodingKey {
        case text, owner, due
        case questionID = "question_id"
    }
}

public struct QuestionAssigned: Codable, Sendable, Equatable {
    public var questionID: Int
    public var owner: Int
    public var due: LocalDate?

    enum CodingKeys: String, CodingKey {
        case owner, due
        case questionID = "question_id"
    }
}

public struct QuestionStatusChanged: Codable, Sendable, Equatable {
    public var questionID: Int
    public var status: QuestionStatus

    enum CodingKeys: String, CodingKey {
        case status
        case questionID = "question_id"
    }
}

public struct MeetingPlanned: Codable, Sendable, Equatable {
    public var meetingID: Int
    public var on: LocalDate
    public var round: Int

    enum CodingKeys: String, CodingKey {
        case on, round
        case meetingID = "meeting_id"
    }
}

public struct MeetingHeld: Codable, Sendable, Equatable {
    public var meetingID: Int
    public var on: LocalDate
    public var attendees: [Int]
    public var ledBy: MeetingLead?

    enum CodingKeys: String, CodingKey {
        case on, attendees
        case meetingID = "meeting_id", ledBy = "led_by"
    }
}

public struct ItemTick: Codable, Sendable, Equatable {
    public var phase: Phase
    public var item: String
}

public struct TimeLogged: Codable, Sendable, Equatable {
    public var minutes: Int
    public var activity: TimeActivity
    public var on: LocalDate
}

/// A move from one status to another, with what decided it.
public struct Transitioned: Codable, Sendable, Equatable {
    public var move: MoveKind
    public var from: CaseStatus
    public var to: CaseStatus
    public var reason: String?
    /// Required checklist items that did not hold when the move was made (only with an override).
    public var unmet: [String]
    /// True when a coordinator overrode a refusal; `reason` then says why.
    public var overridden: Bool
    /// Every checklist item of the phase that was left, with whether it held.
    public var checklist: [ChecklistSnapshot]
    /// Each plugin guard's verdict; absent when the case has no plugins.
    public var guards: [GuardVerdict]?
    /// True when a plugin or derived item ran into the wall-clock deadline while this move was
    /// decided: its checklist and verdicts then depend on how busy the machine was, and replay
    /// does not compare them. Absent otherwise.
    public var timeLimited: Bool?
    /// What the plugins reminded of on entering the new phase; each stays on the agenda until
    /// it is done or dismissed. Absent when there were none.
    public var reminders: [Reminder]?

    public init(move: MoveKind, from: CaseStatus, to: CaseStatus, reason: String?, unmet: [String], overridden: Bool,
                checklist: [ChecklistSnapshot], guards: [GuardVerdict]? = nil, timeLimited: Bool? = nil) {
        self.move = move
        self.from = from
        self.to = to
        self.reason = reason
        self.unmet = unmet
        self.overridden = overridden
        self.checklist = checklist
        self.guards = guards
        self.timeLimited = timeLimited
    }

    enum CodingKeys: String, CodingKey {
        case move, from, to, reason, unmet, overridden, checklist, guards, reminders
        case timeLimited = "time_limited"
    }
}

/// One checklist item's state at the moment of a transition.
public struct ChecklistSnapshot: Codable, Sendable, Equatable {
    public var item: String
    public var required: Bool
    public var holds: Bool
}

/// A planned meeting that will not take place, and why.
public struct MeetingCancelled: Codable, Sendable, Equatable {
    public var meetingID: Int
    public var reason: String

    public init(meetingID: Int, reason: String) {
        self.meetingID = meetingID
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case reason
        case meetingID = "meeting_id"
    }
}

/// A planned meeting moved to another day.
public struct MeetingMoved: Codable, Sendable, Equatable {
    public var meetingID: Int
    public var on: LocalDate

    public init(meetingID: Int, on: LocalDate) {
        self.meetingID = meetingID
        self.on = on
    }

    enum CodingKeys: String, CodingKey {
        case on
        case meetingID = "meeting_id"
    }
}

/// A held meeting's day or attendees, corrected; what is absent stays as recorded.
public struct MeetingCorrected: Codable, Sendable, Equatable {
    public var meetingID: Int
    public var on: LocalDate?
    public var attendees: [Int]?

    public init(meetingID: Int, on: LocalDate?, attendees: [Int]?) {
        self.meetingID = meetingID
        self.on = on
        self.attendees = attendees
    }

    enum CodingKeys: String, CodingKey {
        case on, attendees
        case meetingID = "meeting_id"
    }
}

/// A time entry's minutes, activity or day, corrected; what is absent stays as logged.
public struct TimeCorrected: Codable, Sendable, Equatable {
    public var entry: Int
    public var minutes: Int?
    public var activity: TimeActivity?
    public var on: LocalDate?

    public init(entry: Int, minutes: Int?, activity: TimeActivity?, on: LocalDate?) {
        self.entry = entry
        self.minutes = minutes
        self.activity = activity
        self.on = on
    }
}

/// A time entry taken back (logged by mistake), and why.
public struct TimeWithdrawn: Codable, Sendable, Equatable {
    public var entry: Int
    public var reason: String

    public init(entry: Int, reason: String) {
        self.entry = entry
        self.reason = reason
    }
}

/// A question's words, changed.
public struct QuestionEdited: Codable, Sendable, Equatable {
    public var questionID: Int
    public var text: String

    public init(questionID: Int, text: String) {
        self.questionID = questionID
        self.text = text
    }

    enum CodingKeys: String, CodingKey {
        case text
        case questionID = "question_id"
    }
}

extension CaseEvent {
    /// The number of what a command's events made: a goal, a resource, a question or a
    /// meeting (the first such, if any), for the front end to tell.
    public static func createdNumber(in events: [CaseEvent]) -> Int? {
        events.lazy.compactMap { event -> Int? in
            switch event {
            case .goalAdded(let goal): goal.goalID
            case .resourceMapped(let resource): resource.resourceID
            case .questionRecorded(let question): question.questionID
            case .meetingPlanned(let meeting): meeting.meetingID
            default: nil
            }
        }.first
    }
}
