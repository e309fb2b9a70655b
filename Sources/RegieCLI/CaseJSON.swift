import Foundation
import RegieCore

// The JSON shapes of `case show`, `case list`, `check list`, `time list` and `audit log`.
// Documented in docs/json.md; add fields, never rename or remove one.

struct StatusJSON: Encodable {
    var state: String
    var phase: Phase
    var pauseKind: PauseKind?
    var closeOutcome: CloseOutcome?
    var reason: String?

    init(_ status: CaseStatus) {
        state = status.state
        phase = status.phase
        switch status {
        case .active: break
        case .paused(_, let info):
            pauseKind = info.kind
            reason = info.reason
        case .closed(_, let info):
            closeOutcome = info.outcome
            reason = info.reason
        }
    }
}

struct CaseSummaryJSON: Encodable {
    var caseId: Int
    var team: String
    var clientLabel: String
    var status: StatusJSON
    var round: Int
    var version: Int
    var complex: Bool
    var openedAt: Date
    var updatedAt: Date

    init(_ s: CaseSummary) {
        caseId = s.id
        team = s.team
        clientLabel = s.clientLabel
        status = StatusJSON(s.status)
        round = s.round
        version = s.version
        complex = s.complex
        openedAt = s.openedAt
        updatedAt = s.updatedAt
    }
}

struct ChecklistItemJSON: Encodable {
    var id: String
    var text: String
    var required: Bool
    var derived: Bool
    var holds: Bool
    var failure: String?

    init(_ s: ChecklistItemState, _ l: L10n) {
        id = s.item.id
        text = l(s.item.text)
        required = s.item.required
        derived = !s.item.isManual
        holds = s.holds
        failure = s.failure
    }
}

struct CaseDetailJSON: Encodable {
    struct GoalJSON: Encodable {
        var id: Int, text: String, term: GoalTerm, wordedBy: Author, status: GoalStatus
    }
    struct ResourceJSON: Encodable {
        var id: Int, label: String, relation: String, kind: ResourceKind, contact: ContactStatus
        var oneToOneHeld: Bool, canDo: String?, cannotDo: String?, tension: TensionState, member: Bool
    }
    struct QuestionJSON: Encodable {
        var id: Int, text: String, owner: Int?, due: LocalDate?, status: QuestionStatus
    }
    struct MeetingJSON: Encodable {
        var id: Int, round: Int, plannedOn: LocalDate, heldOn: LocalDate?, attendees: [Int], ledBy: MeetingLead?
    }

    var caseId: Int
    var team: String
    var clientLabel: String
    var externalReference: String?
    var complex: Bool
    var status: StatusJSON
    var round: Int
    var version: Int
    var workflow: String
    var workflowHash: String
    var openedAt: Date
    var checklist: [ChecklistItemJSON]
    var openRequiredItems: [String]
    var prompts: [String]
    var goals: [GoalJSON]
    var resources: [ResourceJSON]
    var questions: [QuestionJSON]
    var meetings: [MeetingJSON]
    var minutesLogged: Int

    init(_ c: CaseState, checklist items: [ChecklistItemState], prompts: [LocalizedText], l: L10n) {
        caseId = c.id
        team = c.team
        clientLabel = c.clientLabel
        externalReference = c.externalReference
        complex = c.complex
        status = StatusJSON(c.status)
        round = c.round
        version = c.version
        workflow = c.workflow
        workflowHash = c.workflowHash
        openedAt = c.openedAt
        checklist = items.map { ChecklistItemJSON($0, l) }
        openRequiredItems = items.filter { $0.item.required && !$0.holds }.map(\.item.id)
        self.prompts = prompts.map { l($0) }
        goals = c.goals.map { GoalJSON(id: $0.id, text: $0.text, term: $0.term, wordedBy: $0.wordedBy, status: $0.status) }
        resources = c.resources.map {
            ResourceJSON(id: $0.id, label: $0.label, relation: $0.relation, kind: $0.kind, contact: $0.contact,
                         oneToOneHeld: $0.oneToOneHeld, canDo: $0.canDo, cannotDo: $0.cannotDo, tension: $0.tension,
                         member: $0.isMember)
        }
        questions = c.questions.map { QuestionJSON(id: $0.id, text: $0.text, owner: $0.owner, due: $0.due, status: $0.status) }
        meetings = c.meetings.map {
            MeetingJSON(id: $0.id, round: $0.round, plannedOn: $0.plannedOn, heldOn: $0.heldOn, attendees: $0.attendees, ledBy: $0.ledBy)
        }
        minutesLogged = c.minutesLogged
    }
}

/// A transition as `audit log` shows it.
struct TransitionJSON: Encodable {
    var caseID: Int
    var version: Int
    var actor: String
    var at: Date
    var move: MoveKind
    var from: StatusJSON
    var to: StatusJSON
    var reason: String?
    var overridden: Bool
    var unmet: [String]
    var checklist: [ChecklistSnapshot]
    /// Each plugin guard's verdict; empty for a case without plugins.
    var guards: [GuardVerdict]
    /// Content hashes of the rules in force, workflow first.
    var rules: [String]
    /// The event's hash in the chain.
    var hash: String
    /// The statuses in words, for the text output only.
    var fromText = "", toText = ""

    enum CodingKeys: String, CodingKey {
        case caseID, version, actor, at, move, from, to, reason, overridden, unmet, checklist, guards, rules, hash
    }

    init(caseID: Int, version: Int, actor: String, at: Date, transition t: Transitioned, rules: [String], hash: String, l: L10n) {
        self.caseID = caseID
        self.version = version
        self.actor = actor
        self.at = at
        move = t.move
        from = StatusJSON(t.from)
        to = StatusJSON(t.to)
        reason = t.reason
        overridden = t.overridden
        unmet = t.unmet
        checklist = t.checklist
        guards = t.guards ?? []
        self.rules = rules
        self.hash = hash
        fromText = t.from.title(l)
        toText = t.to.title(l)
    }
}
