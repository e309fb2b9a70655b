import Foundation

extension CaseState {
    /// The effect of each event on the state. Events were validated when they were decided,
    /// so applying them never fails; an event that names something missing changes nothing.
    mutating func apply(_ event: CaseEvent, actor: String, at date: Date, version: Int) {
        func corrected(_ change: CorrectionRecord.Change) {
            corrections.append(CorrectionRecord(version: version, actor: actor, at: date, change: change))
        }
        switch event {
        case .opened:
            break
        case .migrated(let e):
            workflow = e.workflow
            workflowHash = e.workflowHash
            plugins = e.plugins
        case .goalAdded(let e):
            goals.append(Goal(id: e.goalID, text: e.text, term: e.term, wordedBy: e.wordedBy, status: .open))
            goalsLookedAt = date
        case .goalChanged(let e):
            goalsLookedAt = date
            updateGoal(e.goalID) { goal in
                if let text = e.text { goal.text = text }
                if let author = e.wordedBy { goal.wordedBy = author }
                if let term = e.term { goal.term = term }
                if let status = e.status { goal.status = status }
            }
        case .resourceMapped(let e):
            resources.append(
                Resource(id: e.resourceID, label: e.label, relation: e.relation, kind: e.kind, contact: .notContacted,
                         oneToOneHeld: false, canDo: nil, cannotDo: nil, tension: .none, isMember: false))
            lastResourceID = max(lastResourceID, e.resourceID)
        case .resourceChanged(let e):
            updateResource(e.resourceID) { r in
                if let v = e.label { r.label = v }
                if let v = e.relation { r.relation = v }
                if let v = e.kind { r.kind = v }
                if let v = e.contact { r.contact = v }
                if let v = e.oneToOneHeld { r.oneToOneHeld = v }
                if let v = e.canDo { r.canDo = v }
                if let v = e.cannotDo { r.cannotDo = v }
                if let v = e.tension { r.tension = v }
            }
            noteInformalInvolvement(e.resourceID)
        case .memberChosen(let e):
            updateResource(e.resourceID) { $0.isMember = true }
            noteInformalInvolvement(e.resourceID)
        case .memberLeft(let e):
            updateResource(e.resourceID) { $0.isMember = false }
        case .resourceRemoved(let e):
            resources.removeAll { $0.id == e.resourceID }
            for index in questions.indices where questions[index].owner == e.resourceID {
                questions[index].owner = nil
            }
        case .questionRecorded(let e):
            questions.append(Question(id: e.questionID, text: e.text, owner: e.owner, due: e.due, status: .open))
        case .questionAssigned(let e):
            updateQuestion(e.questionID) { q in
                q.owner = e.owner
                if let due = e.due { q.due = due }
            }
        case .questionStatusChanged(let e):
            updateQuestion(e.questionID) { $0.status = e.status }
        case .meetingPlanned(let e):
            meetings.append(Meeting(id: e.meetingID, round: e.round, plannedOn: e.on, heldOn: nil, attendees: [], ledBy: nil))
        case .meetingHeld(let e):
            if let index = meetings.firstIndex(where: { $0.id == e.meetingID }) {
                meetings[index].heldOn = e.on
                meetings[index].attendees = e.attendees
                meetings[index].ledBy = e.ledBy
            }
        case .meetingCancelled(let e):
            if let index = meetings.firstIndex(where: { $0.id == e.meetingID }) {
                var meeting = meetings.remove(at: index)
                meeting.cancellation = e.reason
                cancelledMeetings.append(meeting)
                corrected(.meetingCancelled(meeting: e.meetingID, plannedOn: meeting.plannedOn, reason: e.reason))
            }
        case .meetingMoved(let e):
            if let index = meetings.firstIndex(where: { $0.id == e.meetingID }) {
                corrected(.meetingMoved(meeting: e.meetingID, from: meetings[index].plannedOn, to: e.on))
                meetings[index].plannedOn = e.on
            }
        case .meetingCorrected(let e):
            if let index = meetings.firstIndex(where: { $0.id == e.meetingID }) {
                if let on = e.on, let before = meetings[index].heldOn {
                    corrected(.meetingDayCorrected(meeting: e.meetingID, from: before, to: on))
                    meetings[index].heldOn = on
                }
                if let attendees = e.attendees {
                    corrected(.meetingAttendeesCorrected(meeting: e.meetingID, from: meetings[index].attendees, to: attendees))
                    meetings[index].attendees = attendees
                }
            }
        case .itemTicked(let e):
            ticks.insert(e.item, in: e.phase)
        case .itemUnticked(let e):
            ticks.remove(e.item, from: e.phase)
        case .timeLogged(let e):
            timeEntries.append(TimeEntry(id: timeEntries.count + withdrawnTime.count + 1, minutes: e.minutes, activity: e.activity, on: e.on))
        case .timeCorrected(let e):
            if let index = timeEntries.firstIndex(where: { $0.id == e.entry }) {
                var entry = timeEntries[index]
                let before = entry
                if let minutes = e.minutes { entry.minutes = minutes }
                if let activity = e.activity { entry.activity = activity }
                if let on = e.on { entry.on = on }
                timeEntries[index] = entry
                corrected(.timeCorrected(from: before, to: entry))
            }
        case .timeWithdrawn(let e):
            if let index = timeEntries.firstIndex(where: { $0.id == e.entry }) {
                let entry = timeEntries.remove(at: index)
                withdrawnTime.append(entry)
                corrected(.timeWithdrawn(entry, reason: e.reason))
            }
        case .questionEdited(let e):
            if let question = question(e.questionID) {
                corrected(.questionEdited(question: e.questionID, from: question.text, to: e.text))
                updateQuestion(e.questionID) { $0.text = e.text }
            }
        case .transitioned(let e):
            applyTransition(e)
            history.append(TransitionRecord(version: version, actor: actor, at: date, transition: e))
            reminders += (e.reminders ?? []).map { ReminderState(reminder: $0, givenAt: date, closed: nil) }
        case .workersAssigned(let e):
            worker = e.worker
            secondWorker = e.secondWorker
        case .transferRequested(let e):
            pendingTransfer = PendingTransfer(toTeam: e.toTeam, reason: e.reason, requestedBy: actor, requestedAt: date)
        case .transferAccepted(let e):
            team = e.toTeam
            worker = e.worker
            secondWorker = nil
            pendingTransfer = nil
        case .transferDeclined, .transferWithdrawn:
            pendingTransfer = nil
        case .clientRelabelled(let e):
            if let label = e.label {
                corrected(.clientRelabelled(from: clientLabel, to: label))
                clientLabel = label
            }
            if let reference = e.reference {
                let new = reference.isEmpty ? nil : reference
                corrected(.referenceCorrected(from: externalReference, to: new))
                externalReference = new
            }
        case .reminderClosed(let e):
            if let index = reminders.firstIndex(where: { $0.reminder.id == e.reminderID }) { reminders[index].closed = e }
        case .undone:
            break  // ``apply(_:)`` returns to the state before the event taken back.
        }
    }

    private mutating func noteInformalInvolvement(_ resourceID: Int) {
        if let r = resource(resourceID), r.kind == .informal, r.contact == .willing || r.isMember {
            informalNetworkInvolved = true
        }
    }

    private mutating func applyTransition(_ e: Transitioned) {
        status = e.to
        switch e.move {
        case .nextRound:
            // A new round starts the meeting and follow-up checklists afresh.
            round += 1
            ticks[.meeting] = nil
            ticks[.followUp] = nil
        case .renew:
            round += 1
            ticks = PhaseTicks()
        default:
            break
        }
    }

    private mutating func updateGoal(_ id: Int, _ change: (inout Goal) -> Void) {
        if let index = goals.firstIndex(where: { $0.id == id }) { change(&goals[index]) }
    }

    private mutating func updateResource(_ id: Int, _ change: (inout Resource) -> Void) {
        if let index = resources.firstIndex(where: { $0.id == id }) { change(&resources[index]) }
    }

    private mutating func updateQuestion(_ id: Int, _ change: (inout Question) -> Void) {
        if let index = questions.firstIndex(where: { $0.id == id }) { change(&questions[index]) }
    }
}
