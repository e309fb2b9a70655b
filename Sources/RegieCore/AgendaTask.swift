/// Something due on a case, worked out from its record (never stored apart from it).
public struct AgendaTask: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The group has met, and no next meeting is planned.
        case planNextMeeting = "plan_next_meeting"
        /// A planned meeting's day has passed and it is not recorded as held (or moved or cancelled).
        case recordMeeting = "record_meeting"
        /// A question's due date comes or has passed, and it is not done.
        case questionDue = "question_due"
        /// In activation, a member of the group has had no one-to-one talk yet.
        case oneToOne = "one_to_one"
        /// The case has been paused for longer than the rules allow.
        case pausedLong = "paused_long"
        /// Nobody has looked at the goals for a long time.
        case reviewGoals = "review_goals"
        /// A plugin's reminder on entering a phase, until it is done or dismissed.
        case reminder
    }

    public var caseID: Int
    public var kind: Kind
    public var due: LocalDate
    /// The meeting, question or resource the task is about.
    public var subject: Int?
    /// What a person reads of the subject: a question's text, a resource's label.
    public var subjectText: String?
    /// For a plugin's reminder: the reminder, with its words in both languages.
    public var reminder: Reminder?

    public init(caseID: Int, kind: Kind, due: LocalDate, subject: Int? = nil, subjectText: String? = nil, reminder: Reminder? = nil) {
        self.reminder = reminder
        self.caseID = caseID
        self.kind = kind
        self.due = due
        self.subject = subject
        self.subjectText = subjectText
    }

    public func isOverdue(today: LocalDate) -> Bool { due < today }
    /// Due today or earlier: a task to do now.
    public func isOpen(today: LocalDate) -> Bool { due <= today }
}

/// One case on the agenda: its summary, its tasks, and its meetings planned ahead.
public struct AgendaCase: Sendable, Equatable {
    public var summary: CaseSummary
    public var tasks: [AgendaTask]
    public var meetings: [Meeting]

    public init(summary: CaseSummary, tasks: [AgendaTask], meetings: [Meeting]) {
        self.summary = summary
        self.tasks = tasks
        self.meetings = meetings
    }
}
