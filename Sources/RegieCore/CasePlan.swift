/// The client's plan: one page for the client and their group (docs/reports.md). It holds
/// only what that page shows, in plain terms: labels instead of ids, nothing about the team's
/// work on other cases.
public struct CasePlan: Sendable, Equatable {
    /// Whom the plan shows of the people around the client: the group (the default, as the
    /// client and the group read it) or everyone the worker mapped, declined people included.
    public enum People: String, Sendable, Equatable, CaseIterable {
        case group
        case all
    }

    /// A person around the client, as the ecomap and the member list show them.
    public struct Person: Sendable, Equatable {
        public var label: String
        public var relation: String
        public var kind: ResourceKind
        public var contact: ContactStatus
        public var tension: TensionState
        public var isMember: Bool
        public var canDo: String?
        public var cannotDo: String?
    }

    public struct OpenQuestion: Sendable, Equatable {
        public var text: String
        /// The label of the person who picks it up.
        public var owner: String?
        public var due: LocalDate?
        public var status: QuestionStatus
        /// Its day came before today and it is still open or agreed.
        public var pastDue: Bool
    }

    /// Who the client and the group contact about the plan: the worker who holds the case.
    public struct Contact: Sendable, Equatable {
        public var name: String
        public var phone: String?
        public var email: String?
        public var organisation: String

        public init(name: String, phone: String?, email: String?, organisation: String) {
            self.name = name
            self.phone = phone
            self.email = email
            self.organisation = organisation
        }
    }

    public var client: String
    /// Set by the front end from the workspace's people; nil leaves the contact line out.
    public var contact: Contact?
    public var status: CaseStatus
    public var round: Int
    /// Open and achieved goals (dropped ones are left out), long-term first.
    public var goals: [Goal]
    /// The people shown (the group, or everyone with ``People/all``), grouped by kind in the
    /// order of ``ResourceKind``, then as mapped.
    public var network: [Person]
    public var people: People
    /// Questions still open or accepted, soonest due first, those without a day last.
    public var openQuestions: [OpenQuestion]
    /// The first meeting not yet held that is planned for today or later.
    public var nextMeeting: LocalDate?
    /// What the group agreed about its chat: the chat items of the meeting checklist that hold.
    public var groupChat: [LocalizedText]
    public var timeline: CaseTimeline
    public var today: LocalDate

    public var members: [Person] { network.filter(\.isMember) }

    public init(_ state: CaseState, today: LocalDate, groupChat: [LocalizedText], people: People = .group) {
        client = state.clientLabel
        status = state.status
        round = state.round
        self.today = today
        self.people = people
        goals = state.goals.filter { $0.status != .dropped }.sorted { ($0.term == .long ? 0 : 1) < ($1.term == .long ? 0 : 1) }
        network = ResourceKind.allCases.flatMap { kind in
            state.resources.filter { $0.kind == kind && (people == .all || $0.isMember) }.map {
                Person(label: $0.label, relation: $0.relation, kind: $0.kind, contact: $0.contact, tension: $0.tension,
                       isMember: $0.isMember, canDo: $0.canDo, cannotDo: $0.cannotDo)
            }
        }
        openQuestions = state.questions.filter { $0.status == .open || $0.status == .accepted }.map { question in
            OpenQuestion(text: question.text, owner: question.owner.flatMap { state.resource($0)?.label }, due: question.due,
                         status: question.status, pastDue: question.due.map { $0 < today } ?? false)
        }.enumerated().sorted { lhs, rhs in
            switch (lhs.element.due, rhs.element.due) {
            case let (l?, r?) where l != r: l < r
            case (_?, nil): true
            case (nil, _?): false
            default: lhs.offset < rhs.offset
            }
        }.map(\.element)
        nextMeeting = state.meetings.filter { $0.heldOn == nil && $0.plannedOn >= today }.map(\.plannedOn).min()
        self.groupChat = groupChat
        timeline = CaseTimeline(state)
    }
}
