/// What a user asks to do with a case. ``CaseDecider`` turns a command into events or refuses it.
public enum CaseCommand: Sendable, Equatable {
    case open(OpenCase)
    case addGoal(text: String, term: GoalTerm, wordedBy: Author)
    case changeGoal(id: Int, text: String?, wordedBy: Author?, term: GoalTerm?, status: GoalStatus?)
    case mapResource(label: String, relation: String, kind: ResourceKind)
    case changeResource(ResourceChanged)
    /// Adds a resource to the group. `clientChose` must be true: only the client decides.
    case chooseMember(resource: Int, clientChose: Bool, note: String?)
    case removeMember(resource: Int, reason: String)
    case removeResource(resource: Int)
    case recordQuestion(text: String, owner: Int?, due: LocalDate?)
    case assignQuestion(id: Int, owner: Int, due: LocalDate?)
    case setQuestionStatus(id: Int, status: QuestionStatus)
    case planMeeting(on: LocalDate)
    case recordMeetingHeld(id: Int, on: LocalDate, attendees: [Int], ledBy: MeetingLead?)
    case cancelMeeting(id: Int, reason: String)
    case moveMeeting(id: Int, to: LocalDate)
    /// Corrects a held meeting's day or attendees (nil: as recorded).
    case correctMeeting(id: Int, on: LocalDate?, attendees: [Int]?)
    case tick(item: String)
    case untick(item: String)
    case logTime(minutes: Int, activity: TimeActivity, on: LocalDate)
    /// Corrects a time entry (nil: as logged).
    case correctTime(entry: Int, minutes: Int?, activity: TimeActivity?, on: LocalDate?)
    case withdrawTime(entry: Int, reason: String)
    case editQuestion(id: Int, text: String)
    /// A transition. `override` is a coordinator's written reason to go ahead despite a refusal.
    case move(Move, reason: String?, override: String?)
    /// Move the case to other rules (see ``CaseMigrated``).
    case migrate(workflow: String, workflowHash: String, plugins: [PluginPin])
    /// Who holds the case from now on (the front end checks that they are of its team).
    case assignWorkers(worker: String, secondWorker: String?)
    case requestTransfer(toTeam: String, reason: String)
    /// The receiving team's coordinator takes the case on, for this worker of their team.
    case acceptTransfer(worker: String)
    case declineTransfer(reason: String)
    case withdrawTransfer(reason: String)
    /// Corrects the client's label or reference (nil: as it is; an empty reference removes it).
    case relabel(label: String?, reference: String?)
    /// Marks a plugin's reminder done (`dismissal` nil) or dismisses it with a reason.
    case closeReminder(id: Int, dismissal: String?)
    /// Takes back the acting person's last command on the case (see ``CaseDecider/undoWindow``).
    case undo
}

/// The details of opening a case.
public struct OpenCase: Sendable, Equatable {
    public var team: String
    public var clientLabel: String
    public var externalReference: String?
    public var complex: Bool
    public var workflow: String
    public var workflowHash: String
    /// The team's plugins in force now, to pin the case to.
    public var plugins: [PluginPin]
    /// The responsible worker and an optional second (the front end checks their team).
    public var worker: String?
    public var secondWorker: String?

    public init(team: String, clientLabel: String, externalReference: String?, complex: Bool, workflow: String,
                workflowHash: String, plugins: [PluginPin] = [], worker: String? = nil, secondWorker: String? = nil) {
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
}
