import Foundation

/// What a decision needs besides the case and the command: who asks, when, and the rules.
public struct DecisionContext {
    public var actor: Actor
    public var now: Date
    public var workflow: Workflow
    public var evaluator: any DerivedItemEvaluator
    /// The plugins the case is pinned to.
    public var plugins: any CasePlugins
    /// The time zone the team lives in: it says which day `now`, and the case's opening, fall on.
    public var timeZone: TimeZone
    /// The person confirmed a planned or due date more than ``DateRules/horizonDays`` ahead.
    public var farDateConfirmed: Bool

    public init(actor: Actor, now: Date, workflow: Workflow, evaluator: any DerivedItemEvaluator,
                plugins: any CasePlugins = NoPlugins(), timeZone: TimeZone = .gmt, farDateConfirmed: Bool = false) {
        self.actor = actor
        self.now = now
        self.workflow = workflow
        self.evaluator = evaluator
        self.plugins = plugins
        self.timeZone = timeZone
        self.farDateConfirmed = farDateConfirmed
    }

    /// The day it is now where the team works.
    public var today: LocalDate { LocalDate(dayOf: now, in: timeZone) }
}

/// Turns commands into events, enforcing the rules of the method. Pure: no I/O, no clock.
public enum CaseDecider {
    static let shortText = 80
    static let longText = 1000
    /// How long after a command its author can still take it back with `undo`.
    public static let undoWindow: TimeInterval = 15 * 60

    /// Decides what a command means for a case.
    /// - Parameters:
    ///   - state: the case as it is now; `nil` only for `.open`.
    ///   - command: what the user asked.
    ///   - context: actor, time and rules.
    /// - Returns: the events to record; empty when the command changes nothing.
    /// - Throws: ``CaseError`` when the command is refused. Nothing is recorded then.
    public static func decide(
        _ state: CaseState?, _ command: CaseCommand, _ context: DecisionContext
    ) throws(CaseError) -> [CaseEvent] {
        guard let state else {
            guard case .open(let open) = command else { throw .notFound(.case, "") }
            return [.opened(try opening(open))]
        }
        if case .closed = state.status {
            switch command {
            case .move(.reopen, _, _), .undo: break
            default: throw .caseClosed
            }
        }
        switch command {
        case .open:
            throw .invalid(.nothingToChange)
        case .addGoal(let text, let term, let author):
            let text = try checkedText(text, field: "goal", limit: longText)
            return [.goalAdded(GoalAdded(goalID: (state.goals.map(\.id).max() ?? 0) + 1, text: text, term: term, wordedBy: author))]
        case .changeGoal(let id, let text, let author, let term, let status):
            guard state.goal(id) != nil else { throw .notFound(.goal, String(id)) }
            guard text != nil || term != nil || status != nil else { throw .invalid(.nothingToChange) }
            let newText = try text.map { text throws(CaseError) in try checkedText(text, field: "goal", limit: longText) }
            if newText != nil, author == nil { throw .invalid(.authorRequired) }
            return [.goalChanged(GoalChanged(goalID: id, text: newText, wordedBy: newText == nil ? nil : author, term: term, status: status))]
        case .mapResource(let label, let relation, let kind):
            let label = try checkedText(label, field: "label", limit: shortText)
            let relation = try checkedText(relation, field: "relation", limit: shortText)
            try checkTogether([label, relation], field: "label")
            return [.resourceMapped(ResourceMapped(resourceID: state.lastResourceID + 1, label: label, relation: relation, kind: kind))]
        case .changeResource(var change):
            guard state.resource(change.resourceID) != nil else { throw .notFound(.resource, String(change.resourceID)) }
            guard !change.isEmpty else { throw .invalid(.nothingToChange) }
            if let v = change.label { change.label = try checkedText(v, field: "label", limit: shortText) }
            if let v = change.relation { change.relation = try checkedText(v, field: "relation", limit: shortText) }
            if let v = change.canDo { change.canDo = try checkedText(v, field: "can", limit: longText) }
            if let v = change.cannotDo { change.cannotDo = try checkedText(v, field: "cannot", limit: longText) }
            try checkTogether([change.label, change.relation, change.canDo, change.cannotDo].compactMap { $0 }, field: "label")
            return [.resourceChanged(change)]
        case .chooseMember(let id, let clientChose, let note):
            guard let resource = state.resource(id) else { throw .notFound(.resource, String(id)) }
            guard clientChose else { throw .invalid(.notClientsChoice) }
            guard resource.contact != .declined else { throw .invalid(.resourceDeclined(id)) }
            guard !resource.isMember else { throw .invalid(.alreadyMember(id)) }
            let note = try note.map { text throws(CaseError) in try checkedText(text, field: "note", limit: longText) }
            return [.memberChosen(MemberChosen(resourceID: id, chosenBy: .client, note: note))]
        case .removeMember(let id, let reason):
            guard let resource = state.resource(id) else { throw .notFound(.resource, String(id)) }
            guard resource.isMember else { throw .invalid(.notMember(id)) }
            return [.memberLeft(MemberLeft(resourceID: id, reason: try checkedText(reason, field: "reason", limit: longText)))]
        case .removeResource(let id):
            guard state.resource(id) != nil else { throw .notFound(.resource, String(id)) }
            return [.resourceRemoved(ResourceRemoved(resourceID: id))]
        case .recordQuestion(let text, let owner, let due):
            let text = try checkedText(text, field: "question", limit: longText)
            if let owner, state.resource(owner) == nil { throw .notFound(.resource, String(owner)) }
            if let due { try DateRules.checkAhead(due, .due, context) }
            let id = (state.questions.map(\.id).max() ?? 0) + 1
            return [.questionRecorded(QuestionRecorded(questionID: id, text: text, owner: owner, due: due))]
        case .assignQuestion(let id, let owner, let due):
            guard state.question(id) != nil else { throw .notFound(.question, String(id)) }
            guard state.resource(owner) != nil else { throw .notFound(.resource, String(owner)) }
            if let due { try DateRules.checkAhead(due, .due, context) }
            return [.questionAssigned(QuestionAssigned(questionID: id, owner: owner, due: due))]
        case .setQuestionStatus(let id, let status):
            guard let question = state.question(id) else { throw .notFound(.question, String(id)) }
            guard question.status != status else { return [] }
            return [.questionStatusChanged(QuestionStatusChanged(questionID: id, status: status))]
        case .planMeeting(let date):
            try DateRules.checkAhead(date, .plannedOn, context)
            // A meeting planned during follow-up is the next round's meeting.
            let round = state.status.phase == .followUp ? state.round + 1 : state.round
            let id = ((state.meetings + state.cancelledMeetings).map(\.id).max() ?? 0) + 1
            return [.meetingPlanned(MeetingPlanned(meetingID: id, on: date, round: round))]
        case .recordMeetingHeld(let id, let date, let attendees, let lead):
            _ = try plannedMeeting(id, in: state)
            try DateRules.checkPast(date, .heldOn, of: state, context)
            try checkAttendees(attendees, in: state)
            return [.meetingHeld(MeetingHeld(meetingID: id, on: date, attendees: Array(Set(attendees)).sorted(), ledBy: lead))]
        case .cancelMeeting(let id, let reason):
            let meeting = try plannedMeeting(id, in: state)
            return [.meetingCancelled(MeetingCancelled(meetingID: meeting.id, reason: try checkedText(reason, field: "reason", limit: longText)))]
        case .moveMeeting(let id, let date):
            let meeting = try plannedMeeting(id, in: state)
            try DateRules.checkAhead(date, .plannedOn, context)
            return meeting.plannedOn == date ? [] : [.meetingMoved(MeetingMoved(meetingID: id, on: date))]
        case .correctMeeting(let id, let date, let attendees):
            guard let meeting = state.meeting(id) else { throw .notFound(.meeting, String(id)) }
            guard let heldOn = meeting.heldOn else { throw .invalid(.meetingNotHeld(id)) }
            if let date { try DateRules.checkPast(date, .heldOn, of: state, context) }
            let came = attendees.map { Array(Set($0)).sorted() }
            try checkAttendees(came ?? [], in: state)
            let newDate = date == heldOn ? nil : date
            let newAttendees = came == meeting.attendees ? nil : came
            guard newDate != nil || newAttendees != nil else { return [] }
            return [.meetingCorrected(MeetingCorrected(meetingID: id, on: newDate, attendees: newAttendees))]
        case .tick(let id):
            let phase = try manualItemPhase(id, in: state, context)
            return state.ticks.contains(id, in: phase) ? [] : [.itemTicked(ItemTick(phase: phase, item: id))]
        case .untick(let id):
            let phase = try manualItemPhase(id, in: state, context)
            return state.ticks.contains(id, in: phase) ? [.itemUnticked(ItemTick(phase: phase, item: id))] : []
        case .logTime(let minutes, let activity, let date):
            try checkMinutes(minutes)
            try DateRules.checkNotAhead(date, .workedOn, context)
            return [.timeLogged(TimeLogged(minutes: minutes, activity: activity, on: date))]
        case .correctTime(let id, let minutes, let activity, let date):
            guard let entry = state.timeEntries.first(where: { $0.id == id }) else { throw .notFound(.timeEntry, String(id)) }
            if let minutes { try checkMinutes(minutes) }
            if let date { try DateRules.checkNotAhead(date, .workedOn, context) }
            let change = TimeCorrected(entry: id, minutes: minutes == entry.minutes ? nil : minutes,
                                       activity: activity == entry.activity ? nil : activity, on: date == entry.on ? nil : date)
            guard change.minutes != nil || change.activity != nil || change.on != nil else { return [] }
            return [.timeCorrected(change)]
        case .withdrawTime(let id, let reason):
            guard state.timeEntries.contains(where: { $0.id == id }) else { throw .notFound(.timeEntry, String(id)) }
            return [.timeWithdrawn(TimeWithdrawn(entry: id, reason: try checkedText(reason, field: "reason", limit: longText)))]
        case .editQuestion(let id, let text):
            guard let question = state.question(id) else { throw .notFound(.question, String(id)) }
            let text = try checkedText(text, field: "question", limit: longText)
            return text == question.text ? [] : [.questionEdited(QuestionEdited(questionID: id, text: text))]
        case .move(let move, let reason, let override):
            return [.transitioned(try transition(state, move, reason: reason, override: override, context))]
        case .migrate(let workflow, let workflowHash, let plugins):
            guard context.actor.role == .coordinator else { throw .migrationNeedsCoordinator }
            guard workflowHash != state.workflowHash || plugins != state.plugins else { return [] }
            return [.migrated(CaseMigrated(workflow: workflow, workflowHash: workflowHash, plugins: plugins,
                                           fromWorkflowHash: state.workflowHash, fromPlugins: state.plugins))]
        case .assignWorkers(let worker, let second):
            guard worker != second else { throw .invalid(.sameWorkerTwice) }
            if let pending = state.pendingTransfer { throw .invalid(.transferPending(toTeam: pending.toTeam)) }
            guard worker != state.worker || second != state.secondWorker else { return [] }
            return [.workersAssigned(WorkersAssigned(worker: worker, secondWorker: second))]
        case .requestTransfer(let team, let reason):
            guard team != state.team else { throw .invalid(.transferToOwnTeam) }
            if let pending = state.pendingTransfer { throw .invalid(.transferPending(toTeam: pending.toTeam)) }
            return [.transferRequested(TransferRequested(toTeam: team, reason: try checkedText(reason, field: "reason", limit: longText)))]
        case .acceptTransfer(let worker):
            guard let pending = state.pendingTransfer else { throw .invalid(.noTransferPending) }
            return [.transferAccepted(TransferAccepted(fromTeam: state.team, toTeam: pending.toTeam, worker: worker))]
        case .declineTransfer(let reason), .withdrawTransfer(let reason):
            guard let pending = state.pendingTransfer else { throw .invalid(.noTransferPending) }
            let ended = TransferEnded(toTeam: pending.toTeam, reason: try checkedText(reason, field: "reason", limit: longText))
            if case .declineTransfer = command { return [.transferDeclined(ended)] }
            return [.transferWithdrawn(ended)]
        case .relabel(let label, let reference):
            let newLabel = try label.map { text throws(CaseError) in try checkedText(text, field: "client label", limit: 40) }
            let newReference = try reference.map { text throws(CaseError) in
                text.allSatisfy(\.isWhitespace) ? "" : try checkedText(text, field: "external reference", limit: 64)
            }
            try checkTogether([newLabel ?? state.clientLabel, newReference ?? state.externalReference ?? ""], field: "client label")
            let labelChange = newLabel == state.clientLabel ? nil : newLabel
            let referenceChange = newReference == (state.externalReference ?? "") ? nil : newReference
            guard labelChange != nil || referenceChange != nil else { return [] }
            return [.clientRelabelled(ClientRelabelled(label: labelChange, reference: referenceChange))]
        case .closeReminder(let id, let dismissal):
            guard let reminder = state.reminders.first(where: { $0.reminder.id == id }) else { throw .notFound(.reminder, String(id)) }
            guard reminder.closed == nil else { throw .invalid(.reminderAlreadyClosed(id)) }
            let reason = try dismissal.map { text throws(CaseError) in try checkedText(text, field: "reason", limit: longText) }
            return [.reminderClosed(ReminderClosed(reminderID: id, dismissal: reason))]
        case .undo:
            return [.undone(try undo(state, context))]
        }
    }

    /// Takes back the last event, if it is the acting person's, recent, and of a kind that an
    /// undo may take back.
    private static func undo(_ state: CaseState, _ context: DecisionContext) throws(CaseError) -> Undone {
        guard let last = state.undoPoint.last, let before = state.undoPoint.state else { throw .undo(.nothingToUndo) }
        guard last.actor == context.actor.id else { throw .undo(.someoneElses(actor: last.actor)) }
        let age = context.now.timeIntervalSince(state.lastChangedAt)
        guard age <= undoWindow else { throw .undo(.tooLate(minutes: Int(undoWindow / 60))) }
        switch last.event {
        case .transitioned(let move):
            // What plugin guards decided on a move stays; the move is undone by another move.
            guard move.guards?.isEmpty ?? true else { throw .undo(.guardedMove) }
            return Undone(version: state.version, type: last.event.typeName, status: before.status,
                          roundsTakenBack: state.round == before.round ? nil : state.round - before.round)
        case .clientRelabelled(let relabelled) where relabelled.label != nil:
            return Undone(version: state.version, type: last.event.typeName, clientLabel: before.clientLabel)
        case .opened, .migrated, .resourceRemoved, .transferRequested, .transferAccepted, .transferDeclined, .transferWithdrawn,
             .undone:
            // An opening is not a command on a case; a removal erased a person who asked for it;
            // rules and hand-overs involve others, and are changed by their own commands.
            throw .undo(.notUndoable(type: last.event.typeName))
        default:
            return Undone(version: state.version, type: last.event.typeName)
        }
    }

    /// Everyone recorded as attending a meeting is a member of the group.
    private static func checkAttendees(_ attendees: [Int], in state: CaseState) throws(CaseError) {
        for attendee in attendees where state.resource(attendee)?.isMember != true {
            if state.resource(attendee) == nil { throw .notFound(.resource, String(attendee)) }
            throw .invalid(.attendeeNotMember(attendee))
        }
    }

    /// A time entry lies between a minute and a day.
    private static func checkMinutes(_ minutes: Int) throws(CaseError) {
        guard (1...(24 * 60)).contains(minutes) else { throw .invalid(.durationOutOfRange) }
    }

    /// A meeting that is planned and not yet held (or cancelled).
    private static func plannedMeeting(_ id: Int, in state: CaseState) throws(CaseError) -> Meeting {
        if state.cancelledMeetings.contains(where: { $0.id == id }) { throw .invalid(.meetingCancelled(id)) }
        guard let meeting = state.meeting(id) else { throw .notFound(.meeting, String(id)) }
        guard meeting.heldOn == nil else { throw .invalid(.meetingAlreadyHeld(id)) }
        return meeting
    }

    private static func opening(_ open: OpenCase) throws(CaseError) -> CaseOpened {
        let label = try checkedText(open.clientLabel, field: "client label", limit: 40)
        let reference = try open.externalReference.map { ref throws(CaseError) in
            try checkedText(ref, field: "external reference", limit: 64)
        }
        try checkTogether([label] + (reference.map { [$0] } ?? []), field: "client label")
        guard open.worker == nil || open.worker != open.secondWorker else { throw .invalid(.sameWorkerTwice) }
        return CaseOpened(team: open.team, clientLabel: label, externalReference: reference, complex: open.complex,
                          workflow: open.workflow, workflowHash: open.workflowHash, plugins: open.plugins.isEmpty ? nil : open.plugins,
                          worker: open.worker, secondWorker: open.secondWorker)
    }

    private static func manualItemPhase(_ id: String, in state: CaseState, _ context: DecisionContext) throws(CaseError) -> Phase {
        let found = context.workflow.item(id) ?? context.plugins.checklist(state.status.phase, of: state, at: context.now)
            .first { $0.item.id == id }.map { (state.status.phase, $0.item) }
        guard let (phase, item) = found else { throw .notFound(.checklistItem, id) }
        guard item.isManual else { throw .invalid(.itemIsDerived(id)) }
        guard phase == state.status.phase else {
            throw .invalid(.itemInOtherPhase(id, itemPhase: phase, casePhase: state.status.phase))
        }
        return phase
    }

    private static func transition(
        _ state: CaseState, _ move: Move, reason: String?, override: String?, _ context: DecisionContext
    ) throws(CaseError) -> Transitioned {
        // A blank reason is no reason: the user is told that one is required.
        let given = reason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        let reasonText = try given.map { text throws(CaseError) in try checkedText(text, field: "reason", limit: longText) }
        let overrideText = try override.map { text throws(CaseError) in try checkedText(text, field: "override reason", limit: longText) }
        guard let target = Lifecycle.target(of: move, from: state.status, reason: reasonText ?? "") else {
            throw .illegalMove(move.kind, from: state.status, legal: Lifecycle.legalMoves(from: state.status))
        }
        if move.needsReason, reasonText == nil { throw .invalid(.reasonRequired(move.kind)) }
        if overrideText != nil, !move.isForward { throw .invalid(.overrideOnlyForForwardMoves) }

        var checklist: [ChecklistItemState] = []
        var unmet: [ChecklistItemState] = []
        if move.isForward {
            checklist = Checklist.evaluate(state.status.phase, of: state, workflow: context.workflow, evaluator: context.evaluator,
                                           plugins: context.plugins, at: context.now)
            unmet = checklist.filter { $0.item.required && !$0.holds }
        }
        let overridden = !unmet.isEmpty
        if overridden {
            guard overrideText != nil else { throw .refused(move.kind, unmet: unmet) }
            guard context.actor.role == .coordinator else { throw .overrideNeedsCoordinator }
        }
        // Plugin guards cannot be overridden: every one must agree.
        let verdicts = context.plugins.verdicts(on: move, to: target, of: state, at: context.now)
        let refusals = verdicts.filter { !$0.allowed }
        guard refusals.isEmpty else { throw .guardRefused(move.kind, refusals) }
        return Transitioned(
            move: move.kind, from: state.status, to: target,
            reason: overridden ? overrideText : reasonText,
            unmet: unmet.map(\.item.id), overridden: overridden,
            checklist: checklist.map { ChecklistSnapshot(item: $0.item.id, required: $0.item.required, holds: $0.holds) },
            guards: context.plugins.isEmpty ? nil : verdicts)
    }

    /// Checks the texts of one command together, so that a number split over two fields is found too.
    static func checkTogether(_ texts: [String], field: String) throws(CaseError) {
        guard !NationalIdentifier.appears(inAny: texts) else { throw .invalid(.nationalIdentifier(field: field)) }
    }

    /// Trims a text and checks that it is not empty, not too long, and holds no national id number.
    static func checkedText(_ text: String, field: String, limit: Int) throws(CaseError) -> String {
        let trimmed = text.trimmingCharactersInWhitespace()
        guard !trimmed.isEmpty else { throw .invalid(.emptyText(field: field)) }
        guard trimmed.count <= limit else { throw .invalid(.tooLong(field: field, limit: limit)) }
        guard !NationalIdentifier.appears(in: trimmed) else { throw .invalid(.nationalIdentifier(field: field)) }
        return trimmed
    }
}
