import RegieCore

/// `report case --json`: the client's plan as data, with the same content as the page (no
/// ids, no reasons). Documented in docs/json.md; add fields, never rename or remove one.
package struct CasePlanJSON: Encodable {
    package struct Standing: Encodable {
        package var state: String
        package var phase: Phase
        package var round: Int
        package var pauseKind: PauseKind?
        package var closeOutcome: CloseOutcome?
    }

    package struct GoalJSON: Encodable { var text: String, term: GoalTerm, wordedBy: Author, status: GoalStatus }
    package struct PersonJSON: Encodable {
        package var label: String, relation: String, kind: ResourceKind, contact: ContactStatus, tension: TensionState
        package var member: Bool, canDo: String?, cannotDo: String?
    }
    package struct QuestionJSON: Encodable { var text: String, owner: String?, due: LocalDate?, status: QuestionStatus, pastDue: Bool }
    package struct StayJSON: Encodable { var phase: Phase, round: Int, from: LocalDate, to: LocalDate? }
    package struct PauseJSON: Encodable { var kind: PauseKind, from: LocalDate, to: LocalDate?, ending: String }
    package struct MeetingJSON: Encodable { var round: Int, on: LocalDate, held: Bool }
    package struct ClosingJSON: Encodable { var on: LocalDate, outcome: CloseOutcome }
    package struct TimelineJSON: Encodable {
        package var opened: LocalDate, closed: LocalDate?, stays: [StayJSON], pauses: [PauseJSON], meetings: [MeetingJSON]
        package var closings: [ClosingJSON], reopenings: [LocalDate]
    }

    package var client: String
    package var today: LocalDate
    package var standing: Standing
    package var goals: [GoalJSON]
    package var network: [PersonJSON]
    /// Whom `network` holds: `group` (the default) or `all` (everyone mapped).
    package var people: String
    package var openQuestions: [QuestionJSON]
    package var nextMeeting: LocalDate?
    package var groupChat: [LocalizedText]
    package var timeline: TimelineJSON
    /// Who to contact: the worker who holds the case, and how to reach them.
    package var contact: ContactJSON?

    package struct ContactJSON: Encodable {
        package var name: String, phone: String?, email: String?, organisation: String
    }

    package init(_ plan: CasePlan) {
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
        people = plan.people.rawValue
        openQuestions = plan.openQuestions.map {
            QuestionJSON(text: $0.text, owner: $0.owner, due: $0.due, status: $0.status, pastDue: $0.pastDue)
        }
        nextMeeting = plan.nextMeeting
        groupChat = plan.groupChat
        contact = plan.contact.map { ContactJSON(name: $0.name, phone: $0.phone, email: $0.email, organisation: $0.organisation) }
        let t = plan.timeline
        timeline = TimelineJSON(
            opened: t.opened, closed: t.closed,
            stays: t.stays.map { StayJSON(phase: $0.phase, round: $0.round, from: $0.from, to: $0.to) },
            pauses: t.pauses.map { PauseJSON(kind: $0.kind, from: $0.from, to: $0.to, ending: $0.ending.rawValue) },
            meetings: t.meetings.map { MeetingJSON(round: $0.round, on: $0.on, held: $0.held) },
            closings: t.closings.map { ClosingJSON(on: $0.on, outcome: $0.outcome) }, reopenings: t.reopenings)
    }
}
