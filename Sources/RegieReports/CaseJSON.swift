import Foundation
import RegieCore

// The JSON shapes of `case show`, `case list`, `check list`, `time list` and `audit log`.
// Documented in docs/json.md; add fields, never rename or remove one.

package struct StatusJSON: Encodable {
    package var state: String
    package var phase: Phase
    package var pauseKind: PauseKind?
    package var closeOutcome: CloseOutcome?
    package var reason: String?

    package init(_ status: CaseStatus) {
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

package struct CaseSummaryJSON: Encodable {
    package var caseId: Int
    package var team: String
    package var clientLabel: String
    package var status: StatusJSON
    package var round: Int
    package var version: Int
    package var complex: Bool
    package var openedAt: Date
    package var updatedAt: Date
    /// Set for `case list` (worked out from the record): who holds the case, since when it is in
    /// its status, its next meeting, the number of tasks due today or earlier, and whether any is overdue.
    package var worker: String?
    package var secondWorker: String?
    package var transferTo: String?
    package var daysInStatus: Int?
    package var nextMeeting: LocalDate?
    package var openTasks: Int?
    package var overdue: Bool?

    package init(_ o: CaseOverview, today: LocalDate, timeZone: TimeZone) {
        self.init(o.summary)
        worker = o.worker
        secondWorker = o.secondWorker
        transferTo = o.transferTo
        daysInStatus = o.daysInStatus(today: today, timeZone: timeZone)
        nextMeeting = o.nextMeeting
        openTasks = o.openTasks(today: today)
        overdue = o.isOverdue(today: today)
    }

    package init(_ s: CaseSummary) {
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

package struct ChecklistItemJSON: Encodable {
    package var id: String
    package var text: String
    package var required: Bool
    package var derived: Bool
    package var holds: Bool
    package var failure: String?

    package init(_ s: ChecklistItemState, _ l: L10n) {
        id = s.item.id
        text = l(s.item.text)
        required = s.item.required
        derived = !s.item.isManual
        holds = s.holds
        failure = s.failure
    }
}

package struct CaseDetailJSON: Encodable {
    package struct GoalJSON: Encodable {
        package var id: Int, text: String, term: GoalTerm, wordedBy: Author, status: GoalStatus
    }
    package struct ResourceJSON: Encodable {
        package var id: Int, label: String, relation: String, kind: ResourceKind, contact: ContactStatus
        package var oneToOneHeld: Bool, canDo: String?, cannotDo: String?, tension: TensionState, member: Bool
    }
    package struct QuestionJSON: Encodable {
        package var id: Int, text: String, owner: Int?, due: LocalDate?, status: QuestionStatus
    }
    package struct MeetingJSON: Encodable {
        package var id: Int, round: Int, plannedOn: LocalDate, heldOn: LocalDate?, attendees: [Int], ledBy: MeetingLead?
    }
    /// A correction: `what` it was (`meeting_moved`, `meeting_cancelled`, `meeting_day_corrected`,
    /// `meeting_attendees_corrected`, `time_corrected`, `time_withdrawn`, `question_edited`,
    /// `client_relabelled`, `reference_corrected`, `undone`: from is `VERSION TYPE`), which
    /// meeting, time entry or question, and `from` and `to`: the values before and after.
    package struct CorrectionJSON: Encodable {
        package var version: Int, actor: String, at: Date, what: String
        package var meeting: Int?, entry: Int?, question: Int?
        package var from: String?, to: String?, reason: String?

        init(_ record: CorrectionRecord) {
            entry = nil
            question = nil
            version = record.version
            actor = record.actor
            at = record.at
            func list(_ ids: [Int]) -> String { ids.map(String.init).joined(separator: ",") }
            switch record.change {
            case .meetingMoved(let id, let from, let to):
                (what, meeting, self.from, self.to, reason) = ("meeting_moved", id, from.description, to.description, nil)
            case .meetingCancelled(let id, let plannedOn, let why):
                (what, meeting, from, to, reason) = ("meeting_cancelled", id, plannedOn.description, nil, why)
            case .meetingDayCorrected(let id, let from, let to):
                (what, meeting, self.from, self.to, reason) = ("meeting_day_corrected", id, from.description, to.description, nil)
            case .meetingAttendeesCorrected(let id, let from, let to):
                (what, meeting, self.from, self.to, reason) = ("meeting_attendees_corrected", id, list(from), list(to), nil)
            case .timeCorrected(let from, let to):
                (what, meeting, self.from, self.to, reason) = ("time_corrected", nil, Self.time(from), Self.time(to), nil)
                entry = to.id
            case .timeWithdrawn(let withdrawn, let why):
                (what, meeting, from, to, reason) = ("time_withdrawn", nil, Self.time(withdrawn), nil, why)
                entry = withdrawn.id
            case .questionEdited(let id, let from, let to):
                (what, meeting, self.from, self.to, reason) = ("question_edited", nil, from, to, nil)
                question = id
            case .clientRelabelled(let from, let to):
                (what, meeting, self.from, self.to, reason) = ("client_relabelled", nil, from, to, nil)
            case .referenceCorrected(let from, let to):
                (what, meeting, self.from, self.to, reason) = ("reference_corrected", nil, from, to, nil)
            case .undone(let version, let type):
                (what, meeting, self.from, self.to, reason) = ("undone", nil, "\(version) \(type)", nil, nil)
            }
        }

        /// `2027-01-14 90 meeting`: the day, minutes and activity.
        static func time(_ entry: TimeEntry) -> String { "\(entry.on) \(entry.minutes) \(entry.activity.rawValue)" }
    }
    package struct TransferJSON: Encodable {
        package var toTeam: String, reason: String, requestedBy: String, requestedAt: Date

        init(_ t: PendingTransfer) {
            (toTeam, reason, requestedBy, requestedAt) = (t.toTeam, t.reason, t.requestedBy, t.requestedAt)
        }
    }
    /// A plugin's reminder: `state` is `open`, `done` or `dismissed` (then with `reason`).
    package struct ReminderJSON: Encodable {
        package var id: Int, plugin: String, text: String, due: LocalDate?, state: String, reason: String?

        init(_ r: ReminderState, _ l: L10n) {
            (id, plugin, text, due) = (r.reminder.id, r.reminder.plugin, l(r.reminder.text), r.reminder.due)
            state = r.closed == nil ? "open" : r.closed?.dismissal == nil ? "done" : "dismissed"
            reason = r.closed?.dismissal
        }
    }
    package struct CancelledMeetingJSON: Encodable {
        package var id: Int, round: Int, plannedOn: LocalDate, reason: String
    }

    package var caseId: Int
    package var team: String
    package var clientLabel: String
    package var externalReference: String?
    package var complex: Bool
    package var worker: String
    package var secondWorker: String?
    /// Absent unless the case is offered to another team.
    package var pendingTransfer: TransferJSON?
    /// Absent when the plugins gave no reminders.
    package var reminders: [ReminderJSON]?
    package var status: StatusJSON
    package var round: Int
    package var version: Int
    package var workflow: String
    package var workflowHash: String
    package var openedAt: Date
    package var checklist: [ChecklistItemJSON]
    package var openRequiredItems: [String]
    package var prompts: [String]
    package var goals: [GoalJSON]
    package var resources: [ResourceJSON]
    package var questions: [QuestionJSON]
    package var meetings: [MeetingJSON]
    /// Absent when no meeting was cancelled.
    package var cancelledMeetings: [CancelledMeetingJSON]?
    /// Absent when nothing was corrected.
    package var corrections: [CorrectionJSON]?
    /// What is due on the case (the agenda's tasks), set by the command that shows it.
    package var tasks: [TaskJSON] = []
    package var minutesLogged: Int

    package init(_ c: CaseState, checklist items: [ChecklistItemState], prompts: [LocalizedText], l: L10n) {
        caseId = c.id
        team = c.team
        clientLabel = c.clientLabel
        externalReference = c.externalReference
        complex = c.complex
        worker = c.worker
        secondWorker = c.secondWorker
        pendingTransfer = c.pendingTransfer.map(TransferJSON.init)
        reminders = c.reminders.isEmpty ? nil : c.reminders.map { ReminderJSON($0, l) }
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
        cancelledMeetings = c.cancelledMeetings.isEmpty ? nil : c.cancelledMeetings.map {
            CancelledMeetingJSON(id: $0.id, round: $0.round, plannedOn: $0.plannedOn, reason: $0.cancellation ?? "")
        }
        corrections = c.corrections.isEmpty ? nil : c.corrections.map(CorrectionJSON.init)
        minutesLogged = c.minutesLogged
    }
}

/// A transition as `audit log` shows it.
package struct TransitionJSON: Encodable {
    package var caseID: Int
    package var version: Int
    package var actor: String
    package var at: Date
    package var move: MoveKind
    package var from: StatusJSON
    package var to: StatusJSON
    package var reason: String?
    package var overridden: Bool
    package var unmet: [String]
    package var checklist: [ChecklistSnapshot]
    /// Each plugin guard's verdict; empty for a case without plugins.
    package var guards: [GuardVerdict]
    /// Content hashes of the rules in force, workflow first.
    package var rules: [String]
    /// The event's hash in the chain.
    package var hash: String
    /// The statuses in words, for the text output only.
    package var fromText = "", toText = ""

    package enum CodingKeys: String, CodingKey {
        case caseID, version, actor, at, move, from, to, reason, overridden, unmet, checklist, guards, rules, hash
    }

    package init(caseID: Int, version: Int, actor: String, at: Date, transition t: Transitioned, rules: [String], hash: String, l: L10n) {
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

/// A task of the agenda as `case show --json` shows it.
package struct TaskJSON: Encodable {
    package var kind: String, due: LocalDate, overdue: Bool, subject: Int?, what: String

    package init(_ task: AgendaTask, today: LocalDate, l: L10n) {
        kind = task.kind.rawValue
        due = task.due
        overdue = task.isOverdue(today: today)
        subject = task.subject
        what = AgendaText(l).what(task)
    }
}
