import RegieCore

/// `report case --json`: the client's plan as data, with the same content as the page (no
/// ids, no reasons). Documented in docs/json.md; add fields, never rename or remove one.
struct CasePlanJSON: Encodable {
    struct Standing: Encodable {
        var state: String
        var phase: Phase
        var round: Int
        var pauseKind: PauseKind?
        var closeOutcome: CloseOutcome?
    }

    struct GoalJSON: Encodable { var text: String, term: GoalTerm, wordedBy: Author, status: GoalStatus }
    struct PersonJSON: Encodable {
        var label: String, relation: String, kind: ResourceKind, contact: ContactStatus, tension: TensionState
        var member: Bool, canDo: String?, cannotDo: String?
    }
    struct QuestionJSON: Encodable { var text: String, owner: String?, due: LocalDate?, status: QuestionStatus }
    struct StayJSON: Encodable { var phase: Phase, round: Int, from: LocalDate, to: LocalDate? }
    struct PauseJSON: Encodable { var kind: PauseKind, from: LocalDate, to: LocalDate?, ending: String }
    struct MeetingJSON: Encodable { var round: Int, on: LocalDate, held: Bool }
    struct TimelineJSON: Encodable {
        var opened: LocalDate, closed: LocalDate?, stays: [StayJSON], pauses: [PauseJSON], meetings: [MeetingJSON]
    }

    var client: String
    var today: LocalDate
    var standing: Standing
    var goals: [GoalJSON]
    var network: [PersonJSON]
    var openQuestions: [QuestionJSON]
    var nextMeeting: LocalDate?
    var groupChat: [LocalizedText]
    var timeline: TimelineJSON

    init(_ plan: CasePlan) {
        client = plan.client
        today = plan.today
        standing = Standing(state: plan.status.state, phase: plan.status.phase, round: plan.round)
        switch plan.status {
        case .active: break
        case .paused(_, let info): standing.pauseKind = info.kind
        case .closed(_, let info): standing.closeOutcome = info.outcome
        }
        goals = plan.goals.map { GoalJSON(text: $0.text, term: $0.term, wordedBy: $0.wordedBy, status: $0.status) }
        network = plan.network.map {
            PersonJSON(label: $0.label, relation: $0.relation, kind: $0.kind, contact: $0.contact, tension: $0.tension,
                       member: $0.isMember, canDo: $0.canDo, cannotDo: $0.cannotDo)
        }
        openQuestions = plan.openQuestions.map { QuestionJSON(text: $0.text, owner: $0.owner, due: $0.due, status: $0.status) }
        nextMeeting = plan.nextMeeting
        groupChat = plan.groupChat
        let t = plan.timeline
        timeline = TimelineJSON(
            opened: t.opened, closed: t.closed,
            stays: t.stays.map { StayJSON(phase: $0.phase, round: $0.round, from: $0.from, to: $0.to) },
            pauses: t.pauses.map { PauseJSON(kind: $0.kind, from: $0.from, to: $0.to, ending: $0.ending.rawValue) },
            meetings: t.meetings.map { MeetingJSON(round: $0.round, on: $0.on, held: $0.held) })
    }
}
