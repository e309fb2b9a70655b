import Foundation

/// Made-up cases for trying a team's rules before they meet a client (`workflow check`):
/// one just opened, one half-way (in activation, with a partly mapped network and an open
/// question) and one complete (in follow-up, with a group that met and every item ticked).
/// They hold no real person's data: labels like "Sample client" only.
public enum SampleCases {
    public struct Sample: Sendable {
        /// "empty", "half-way" or "complete".
        public var name: String
        public var state: CaseState
    }

    /// The three samples for a workflow: ticks go to its own items, phase by phase.
    public static func all(for workflow: Workflow) -> [Sample] {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var events: [CaseEvent] = [.opened(CaseOpened(team: "sample", clientLabel: "Sample client", externalReference: nil, complex: false,
                                                      workflow: workflow.name, workflowHash: "", worker: "sample"))]
        var samples = [sample("empty", events, start)].compactMap { $0 }

        events += [
            .goalAdded(GoalAdded(goalID: 1, text: "A long-term goal", term: .long, wordedBy: .client)),
            .goalAdded(GoalAdded(goalID: 2, text: "A short-term goal", term: .short, wordedBy: .worker)),
            .resourceMapped(ResourceMapped(resourceID: 1, label: "Sister", relation: "sister", kind: .informal)),
            .resourceMapped(ResourceMapped(resourceID: 2, label: "Neighbour", relation: "neighbour", kind: .informal)),
            .resourceMapped(ResourceMapped(resourceID: 3, label: "Peer", relation: "experience expert", kind: .experienceExpert)),
            .memberChosen(MemberChosen(resourceID: 1, chosenBy: .client, note: nil)),
            .resourceChanged(changed(1) { $0.contact = .willing; $0.tension = .noted }),
            .resourceChanged(changed(2) { $0.contact = .contacted }),
            .questionRecorded(QuestionRecorded(questionID: 1, text: "A question", owner: 1, due: nil)),
        ]
        events += ticks(workflow, phases: [.goals, .mapping])
        events += [move(.goals, .mapping), move(.mapping, .activation)]
        samples += [sample("half-way", events, start)].compactMap { $0 }

        events += [
            .resourceMapped(ResourceMapped(resourceID: 4, label: "Volunteer", relation: "buddy", kind: .volunteer)),
            .resourceMapped(ResourceMapped(resourceID: 5, label: "Nurse", relation: "district nurse", kind: .professional)),
            .memberChosen(MemberChosen(resourceID: 3, chosenBy: .client, note: nil)),
            .memberChosen(MemberChosen(resourceID: 5, chosenBy: .client, note: nil)),
            .resourceChanged(changed(1) { $0.tension = .discussed; $0.oneToOneHeld = true; $0.canDo = "Sunday dinner"; $0.cannotDo = "Daily care" }),
            .resourceChanged(changed(3) { $0.contact = .willing; $0.oneToOneHeld = true; $0.canDo = "Come along"; $0.cannotDo = "Evenings" }),
            .resourceChanged(changed(5) { $0.contact = .willing; $0.oneToOneHeld = true; $0.canDo = "Medication"; $0.cannotDo = "Weekends" }),
            .resourceChanged(changed(2) { $0.contact = .declined }),
            .meetingPlanned(MeetingPlanned(meetingID: 1, on: LocalDate(utcDayOf: start.addingTimeInterval(14 * 86_400)), round: 1)),
            .meetingHeld(MeetingHeld(meetingID: 1, on: LocalDate(utcDayOf: start.addingTimeInterval(14 * 86_400)), attendees: [1, 3, 5],
                                     ledBy: .together)),
            .questionStatusChanged(QuestionStatusChanged(questionID: 1, status: .done)),
            .questionRecorded(QuestionRecorded(questionID: 2, text: "Another question", owner: 3,
                                               due: LocalDate(utcDayOf: start.addingTimeInterval(60 * 86_400)))),
            .questionStatusChanged(QuestionStatusChanged(questionID: 2, status: .accepted)),
            .goalChanged(GoalChanged(goalID: 2, status: .achieved)),
            .timeLogged(TimeLogged(minutes: 90, activity: .meeting, on: LocalDate(utcDayOf: start.addingTimeInterval(14 * 86_400)))),
        ]
        events += ticks(workflow, phases: [.activation, .meeting, .followUp])
        events += [move(.activation, .meeting), move(.meeting, .followUp)]
        samples += [sample("complete", events, start)].compactMap { $0 }
        return samples
    }

    private static func sample(_ name: String, _ events: [CaseEvent], _ start: Date) -> Sample? {
        let recorded = events.enumerated().map { index, event in
            RecordedEvent(caseID: 1, version: index + 1, actor: "sample", recordedAt: start.addingTimeInterval(Double(index) * 3_600),
                          event: event)
        }
        // The events above always form a case (a test says so); were that ever to break, the
        // sample would be left out rather than crash the check.
        return (try? CaseState.replay(recorded)).map { Sample(name: name, state: $0) }
    }

    private static func changed(_ resource: Int, _ change: (inout ResourceChanged) -> Void) -> ResourceChanged {
        var changed = ResourceChanged(resourceID: resource)
        change(&changed)
        return changed
    }

    private static func ticks(_ workflow: Workflow, phases: [Phase]) -> [CaseEvent] {
        phases.flatMap { phase in
            workflow.definition(of: phase).checklist.filter { $0.expression == nil }.map { CaseEvent.itemTicked(ItemTick(phase: phase, item: $0.id)) }
        }
    }

    private static func move(_ from: Phase, _ to: Phase) -> CaseEvent {
        .transitioned(Transitioned(move: .advance, from: .active(from), to: .active(to), reason: nil, unmet: [], overridden: false,
                                   checklist: []))
    }
}
