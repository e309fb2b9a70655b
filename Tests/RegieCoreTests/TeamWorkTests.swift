import Foundation
import Testing
@testable import RegieCore

@Suite("Team work: who holds a case, handovers, relabelling, reminders and undo")
struct TeamWorkTests {
    @Test("the person who opens a case holds it unless another is named; assignment changes it, never to the same person twice")
    func workers() throws {
        var c = try Fixture.Driver()
        #expect(c.state.worker == "anna" && c.state.secondWorker == nil)
        try c.run(.assignWorkers(worker: "bram", secondWorker: "anna"))
        #expect(c.state.worker == "bram" && c.state.secondWorker == "anna")
        #expect(try c.run(.assignWorkers(worker: "bram", secondWorker: "anna")).isEmpty, "no change, no event")
        #expect(throws: CaseError.invalid(.sameWorkerTwice)) { try c.run(.assignWorkers(worker: "bram", secondWorker: "bram")) }
        var opening = Fixture.opening
        opening.worker = "bram"
        let opened = try CaseDecider.decide(nil, .open(opening), Fixture.context())
        guard case .opened(let payload) = opened.first else { Issue.record("no opening"); return }
        #expect(CaseState(id: 1, opened: payload, at: Fixture.t0, by: "anna").worker == "bram")
    }

    @Test("a handover waits for the receiving team: the case stays where it is until accepted, and only one waits at a time")
    func transfer() throws {
        var c = try Fixture.Driver()
        #expect(throws: CaseError.invalid(.transferToOwnTeam)) { try c.run(.requestTransfer(toTeam: "west", reason: "x")) }
        #expect(throws: CaseError.invalid(.noTransferPending)) { try c.run(.acceptTransfer(worker: "otto")) }
        try c.run(.requestTransfer(toTeam: "oost", reason: "Verhuisd naar Oost"))
        #expect(c.state.team == "west")
        #expect(c.state.pendingTransfer?.toTeam == "oost" && c.state.pendingTransfer?.requestedBy == "anna")
        #expect(throws: CaseError.invalid(.transferPending(toTeam: "oost"))) { try c.run(.requestTransfer(toTeam: "noord", reason: "x")) }
        #expect(throws: CaseError.invalid(.transferPending(toTeam: "oost"))) { try c.run(.assignWorkers(worker: "bram", secondWorker: nil)) }
        try c.run(.declineTransfer(reason: "Geen plek"))
        #expect(c.state.pendingTransfer == nil && c.state.team == "west")
        try c.run(.requestTransfer(toTeam: "oost", reason: "Opnieuw"))
        try c.run(.acceptTransfer(worker: "otto"), as: Actor(id: "olga", role: .coordinator))
        #expect(c.state.team == "oost" && c.state.worker == "otto" && c.state.pendingTransfer == nil)
        var summary = CaseSummary(try CaseState.replay(Array(c.events.prefix(1))))
        for event in c.events.dropFirst() { summary.apply(event) }
        #expect(summary.team == "oost", "the case list follows the team")
        #expect(try CaseState.replay(c.events) == c.state)
    }

    @Test("the client's label and reference are corrected as events; the case list follows, a BSN is refused")
    func relabel() throws {
        var c = try Fixture.Driver()
        try c.run(.relabel(label: "J.B.", reference: "Z-12"))
        #expect(c.state.clientLabel == "J.B." && c.state.externalReference == "Z-12")
        try c.run(.relabel(label: nil, reference: ""))
        #expect(c.state.externalReference == nil)
        #expect(c.state.corrections.map(\.change) == [.clientRelabelled(from: "J.", to: "J.B."), .referenceCorrected(from: nil, to: "Z-12"),
                                                       .referenceCorrected(from: "Z-12", to: nil)])
        #expect(try c.run(.relabel(label: "J.B.", reference: nil)).isEmpty)
        try c.run(.relabel(label: "X.", reference: nil))
        try c.run(.undo)
        #expect(c.state.clientLabel == "J.B.", "an undone relabelling returns to the label before it")
        #expect(throws: CaseError.invalid(.nationalIdentifier(field: "external reference"))) { try c.run(.relabel(label: nil, reference: "111222333")) }
        var summary = CaseSummary(try CaseState.replay(Array(c.events.prefix(1))))
        for event in c.events.dropFirst() { summary.apply(event) }
        #expect(summary.clientLabel == "J.B.")
    }

    @Test("undo takes back the acting person's last command: the case is as before, both stay on record")
    func undo() throws {
        var c = try Fixture.Driver()
        #expect(throws: CaseError.undo(.nothingToUndo)) { try c.run(.undo) }
        try c.run(.addGoal(text: "Werk", term: .long, wordedBy: .client))
        let before = c.state
        try c.run(.addGoal(text: "Typfout", term: .short, wordedBy: .client))
        #expect(throws: CaseError.undo(.someoneElses(actor: "anna"))) { try c.run(.undo, as: Fixture.coordinator) }
        try c.run(.undo)
        #expect(c.state.goals == before.goals && c.state.version == before.version + 2)
        #expect(c.state.corrections.last?.change == .undone(version: before.version + 1, type: "goal_added"))
        #expect(throws: CaseError.undo(.nothingToUndo)) { try c.run(.undo) }
        #expect(try CaseState.replay(c.events) == c.state, "replay gives the same case")
        // A new goal after the undo gets the next free number again: the record, not the count, decides.
        try c.run(.addGoal(text: "Wonen", term: .short, wordedBy: .client))
        #expect(c.state.goals.map(\.id) == [1, 2])
    }

    @Test("an undone move returns the case to where it was, rounds included; a guarded move, a removal or a late undo is refused")
    func undoMoves() throws {
        var c = try Fixture.Driver()
        try c.moveTo(.followUp)
        try c.run(.tick(item: "follow_up.done"))
        try c.run(.move(.nextRound, reason: nil, override: nil))
        #expect(c.state.round == 2)
        let decided = try c.run(.undo)
        guard case .undone(let undone) = decided.first else { Issue.record("no undo"); return }
        #expect(undone.status == .active(.followUp) && undone.roundsTakenBack == 1)
        #expect(c.state.round == 1 && c.state.status == .active(.followUp))
        var summary = CaseSummary(try CaseState.replay(Array(c.events.prefix(1))))
        for event in c.events.dropFirst() { summary.apply(event) }
        #expect(summary.round == 1 && summary.status == .active(.followUp), "the case list follows")
        try c.run(.mapResource(label: "Ans", relation: "buurvrouw", kind: .informal))
        try c.run(.removeResource(resource: 1))
        #expect(throws: CaseError.undo(.notUndoable(type: "resource_removed"))) { try c.run(.undo) }
        let late = try CaseDecider.decide(c.state, .addGoal(text: "x", term: .short, wordedBy: .client), Fixture.context())
        try c.state.apply(RecordedEvent(caseID: 7, version: c.state.version + 1, actor: "anna", recordedAt: Fixture.t0.addingTimeInterval(100),
                                        event: late[0]))
        let context = Fixture.context(at: 100 + CaseDecider.undoWindow + 1)
        #expect(throws: CaseError.undo(.tooLate(minutes: 15))) { try CaseDecider.decide(c.state, .undo, context) }
        var guarded = Transitioned(move: .pause, from: .active(.followUp), to: .paused(.followUp, PauseInfo(kind: .crisis, reason: "x")),
                                   reason: "x", unmet: [], overridden: false, checklist: [],
                                   guards: [GuardVerdict(plugin: "fact", allowed: true, reason: nil)])
        guarded.timeLimited = nil
        try c.state.apply(RecordedEvent(caseID: 7, version: c.state.version + 1, actor: "anna", recordedAt: Fixture.t0.addingTimeInterval(101),
                                        event: .transitioned(guarded)))
        #expect(throws: CaseError.undo(.guardedMove)) { try CaseDecider.decide(c.state, .undo, Fixture.context(at: 102)) }
    }

    @Test("a plugin's reminder kept with a move is a task until done or dismissed with a reason")
    func reminders() throws {
        var c = try Fixture.Driver()
        var move = Transitioned(move: .advance, from: .active(.goals), to: .active(.mapping), reason: nil, unmet: [], overridden: false,
                                checklist: [])
        move.reminders = [Reminder(id: 1, plugin: "quarterly", text: LocalizedText(nl: "Bel", en: "Call"), due: Fixture.day(5)),
                          Reminder(id: 2, plugin: "quarterly", text: LocalizedText(nl: "Mail", en: "Mail"), due: nil)]
        try c.state.apply(RecordedEvent(caseID: 7, version: 2, actor: "anna", recordedAt: Fixture.t0, event: .transitioned(move)))
        let tasks = Agenda.tasks(of: c.state, timeZone: .gmt).filter { $0.kind == .reminder }
        #expect(tasks.map(\.due) == [Fixture.today, Fixture.day(5)], "no due day: due on the day of the move")
        try c.run(.closeReminder(id: 1, dismissal: nil))
        try c.run(.closeReminder(id: 2, dismissal: "Niet van toepassing"))
        #expect(Agenda.tasks(of: c.state, timeZone: .gmt).allSatisfy { $0.kind != .reminder })
        #expect(throws: CaseError.invalid(.reminderAlreadyClosed(1))) { try c.run(.closeReminder(id: 1, dismissal: nil)) }
        #expect(throws: CaseError.notFound(.reminder, "9")) { try c.run(.closeReminder(id: 9, dismissal: nil)) }
    }
}
