import Testing
import Foundation
@testable import RegieCore

@Suite("Commands become events under the method's rules")
struct DeciderTests {
    @Test("a goal records who worded it")
    func goalAuthor() throws {
        var c = try Fixture.Driver()
        try c.run(.addGoal(text: "  Zelf koken  ", term: .long, wordedBy: .client))
        try c.run(.addGoal(text: "Schulden regelen", term: .short, wordedBy: .worker))
        #expect(c.state.goals.map(\.wordedBy) == [.client, .worker])
        #expect(c.state.goals[0].text == "Zelf koken")
        #expect(throws: CaseError.invalid(.emptyText(field: "goal"))) { try c.run(.addGoal(text: "   ", term: .long, wordedBy: .client)) }
    }

    @Test("a resource joins the group only as the client's choice")
    func memberOnlyByClientChoice() throws {
        var c = try Fixture.Driver()
        try c.run(.mapResource(label: "Moeder", relation: "mother", kind: .informal))
        #expect(throws: CaseError.invalid(.notClientsChoice)) { try c.run(.chooseMember(resource: 1, clientChose: false, note: nil)) }
        #expect(c.state.members.isEmpty)
        let events = try c.run(.chooseMember(resource: 1, clientChose: true, note: nil))
        #expect(events == [.memberChosen(MemberChosen(resourceID: 1, chosenBy: .client, note: nil))])
        #expect(c.state.members.map(\.id) == [1])
        #expect(throws: CaseError.invalid(.alreadyMember(1))) { try c.run(.chooseMember(resource: 1, clientChose: true, note: nil)) }
    }

    @Test("a resource who declined cannot join")
    func declinedCannotJoin() throws {
        var c = try Fixture.Driver()
        try c.run(.mapResource(label: "Broer", relation: "brother", kind: .informal))
        var change = ResourceChanged(resourceID: 1)
        change.contact = .declined
        try c.run(.changeResource(change))
        #expect(throws: CaseError.invalid(.resourceDeclined(1))) { try c.run(.chooseMember(resource: 1, clientChose: true, note: nil)) }
    }

    @Test("a closed case accepts nothing but reopen")
    func closedAcceptsOnlyReopen() throws {
        var c = try Fixture.Driver()
        try c.run(.move(.close(.clientStopped), reason: "De cliënt stopt", override: nil))
        let refused: [CaseCommand] = [
            .addGoal(text: "x", term: .short, wordedBy: .client), .mapResource(label: "a", relation: "b", kind: .volunteer),
            .tick(item: "goals.done"), .logTime(minutes: 5, activity: .other, on: LocalDate(iso: "2026-01-01")!),
            .move(.advance, reason: nil, override: nil), .move(.resume, reason: nil, override: nil),
            .planMeeting(on: LocalDate(iso: "2026-01-01")!),
        ]
        for command in refused {
            #expect(throws: CaseError.caseClosed, "\(command)") { try c.run(command) }
        }
        try c.run(.move(.reopen, reason: "Terug", override: nil))
        #expect(c.state.status == .active(.goals))
    }

    @Test("resume returns to the exact phase that was paused", arguments: Phase.allCases)
    func resumeToPausedPhase(phase: Phase) throws {
        var c = try Fixture.Driver()
        try c.moveTo(phase)
        try c.run(.move(.pause(.crisis), reason: "Opname", override: nil))
        #expect(c.state.status == .paused(phase, PauseInfo(kind: .crisis, reason: "Opname")))
        try c.run(.mapResource(label: "Buurman", relation: "neighbour", kind: .informal))  // the network keeps working
        #expect(throws: CaseError.self) { try c.run(.move(.advance, reason: nil, override: nil)) }
        try c.run(.move(.resume, reason: nil, override: nil))
        #expect(c.state.status == .active(phase))
    }

    @Test("a forward move is refused with every unmet required item, and nothing is decided")
    func refusalListsUnmet() throws {
        var c = try Fixture.Driver()
        do {
            try c.run(.move(.advance, reason: nil, override: nil))
            Issue.record("advance should have been refused")
        } catch let error as CaseError {
            guard case .refused(.advance, let unmet) = error else { Issue.record("wrong error \(error)"); return }
            #expect(unmet.map(\.item.id) == ["goals.done", "goals.long"])
        }
        #expect(c.events.count == 1)
        #expect(c.state.status == .active(.goals))
    }

    @Test("a derived item that fails counts as unmet (fail closed)")
    func failingDerivedItemRefuses() throws {
        let broken = ClosureEvaluator { _, _ in .failed("boom") }
        let c = try Fixture.Driver()
        var state = c.state
        state.ticks[.goals] = ["goals.done"]
        let context = DecisionContext(actor: Fixture.worker, now: Fixture.t0, workflow: Fixture.workflow, evaluator: broken)
        #expect(throws: CaseError.self) { try CaseDecider.decide(state, .move(.advance, reason: nil, override: nil), context) }
        let items = Checklist.evaluate(.goals, of: state, workflow: Fixture.workflow, evaluator: broken)
        #expect(items.first { $0.item.id == "goals.long" }?.failure == "boom")
    }

    @Test("only a coordinator may override, and the override is recorded")
    func override() throws {
        var c = try Fixture.Driver()
        #expect(throws: CaseError.overrideNeedsCoordinator) {
            try c.run(.move(.advance, reason: nil, override: "Cliënt wil door"))
        }
        let events = try c.run(.move(.advance, reason: nil, override: "Cliënt wil door"), as: Fixture.coordinator)
        guard case .transitioned(let t) = events.first else { Issue.record("no transition"); return }
        #expect(t.overridden)
        #expect(t.reason == "Cliënt wil door")
        #expect(t.unmet == ["goals.done", "goals.long"])
        #expect(c.state.history.last?.actor == "karim")
        #expect(throws: CaseError.invalid(.overrideOnlyForForwardMoves)) {
            try c.run(.move(.pause(.other), reason: "x", override: "y"), as: Fixture.coordinator)
        }
    }

    @Test("moves that change course need a reason")
    func reasons() throws {
        var c = try Fixture.Driver()
        try c.moveTo(.activation)
        #expect(throws: CaseError.invalid(.reasonRequired(.revisit))) { try c.run(.move(.revisit(.mapping), reason: nil, override: nil)) }
        #expect(throws: CaseError.invalid(.reasonRequired(.pause))) { try c.run(.move(.pause(.crisis), reason: " ", override: nil)) }
        try c.run(.move(.revisit(.mapping), reason: "Nieuwe buurvrouw", override: nil))
        #expect(c.state.status == .active(.mapping))
        #expect(throws: CaseError.self) { try c.run(.move(.revisit(.activation), reason: "vooruit", override: nil)) }
    }

    @Test("ticks: only hand-ticked items of the current phase; twice is a no-op")
    func ticks() throws {
        var c = try Fixture.Driver()
        #expect(throws: CaseError.invalid(.itemIsDerived("goals.long"))) { try c.run(.tick(item: "goals.long")) }
        #expect(throws: CaseError.invalid(.itemInOtherPhase("mapping.done", itemPhase: .mapping, casePhase: .goals))) {
            try c.run(.tick(item: "mapping.done"))
        }
        #expect(throws: CaseError.notFound(.checklistItem, "nope")) { try c.run(.tick(item: "nope")) }
        #expect(try c.run(.tick(item: "goals.done")).count == 1)
        #expect(try c.run(.tick(item: "goals.done")).isEmpty)
        #expect(try c.run(.untick(item: "goals.done")).count == 1)
        #expect(!(c.state.ticks[.goals] ?? []).contains("goals.done"))
    }

    @Test("a next round starts the meeting and follow-up checklists afresh; a meeting planned in follow-up is next round's")
    func rounds() throws {
        var c = try Fixture.Driver()
        try c.moveTo(.followUp)
        #expect(c.state.ticks[.meeting]?.contains("meeting.done") == true)
        try c.run(.planMeeting(on: LocalDate(iso: "2027-04-15")!))
        #expect(c.state.meetings.last?.round == 2)
        try c.completeAndAdvance()  // next round
        #expect(c.state.status == .active(.meeting))
        #expect(c.state.round == 2)
        #expect(c.state.ticks[.meeting] == nil)
        #expect(c.state.ticks[.goals]?.contains("goals.done") == true)
        try c.moveTo(.followUp)
        try c.run(.tick(item: "follow_up.done"))
        try c.run(.move(.renew, reason: nil, override: nil))
        #expect(c.state.status == .active(.goals))
        #expect(c.state.round == 3)
        #expect(c.state.ticks.isEmpty)
    }

    @Test("dates make sense: what happened lies between the opening and today, what is to come between today and two years ahead")
    func dates() throws {
        var c = try Fixture.Driver()
        let today = Fixture.today
        let day = Fixture.day
        try c.run(.mapResource(label: "Ans", relation: "neighbour", kind: .informal))
        #expect(throws: CaseError.invalid(.dateInPast(.plannedOn, day(-1), today: today))) { try c.run(.planMeeting(on: day(-1))) }
        #expect(throws: CaseError.invalid(.dateFarAhead(.plannedOn, day(731), horizon: day(730)))) { try c.run(.planMeeting(on: day(731))) }
        try c.run(.planMeeting(on: day(730)))
        try c.run(.planMeeting(on: today))
        #expect(throws: CaseError.invalid(.dateInPast(.due, day(-3), today: today))) {
            try c.run(.recordQuestion(text: "Boodschappen", owner: nil, due: day(-3)))
        }
        try c.run(.recordQuestion(text: "Boodschappen", owner: 1, due: day(7)))
        #expect(throws: CaseError.invalid(.dateFarAhead(.due, day(1000), horizon: day(730)))) {
            try c.run(.assignQuestion(id: 1, owner: 1, due: day(1000)))
        }
        #expect(throws: CaseError.invalid(.dateInFuture(.heldOn, day(1), today: today))) {
            try c.run(.recordMeetingHeld(id: 2, on: day(1), attendees: [], ledBy: nil))
        }
        #expect(throws: CaseError.invalid(.dateBeforeOpening(.heldOn, day(-1), opened: today))) {
            try c.run(.recordMeetingHeld(id: 2, on: day(-1), attendees: [], ledBy: nil))
        }
        try c.run(.recordMeetingHeld(id: 2, on: today, attendees: [], ledBy: nil))
        #expect(throws: CaseError.invalid(.dateInFuture(.workedOn, day(1), today: today))) {
            try c.run(.logTime(minutes: 30, activity: .contact, on: day(1)))
        }
        try c.run(.logTime(minutes: 30, activity: .contact, on: day(-10)))
    }

    @Test("a far date goes through when the person confirms it; today is the day where the team works")
    func confirmedDatesAndTimeZones() throws {
        let state = try Fixture.Driver().state
        let today = LocalDate(utcDayOf: Fixture.t0)
        var context = Fixture.context(at: 10)
        context.farDateConfirmed = true
        let far = LocalDate(daysSinceEpoch: today.daysSinceEpoch + 2000)
        #expect(try CaseDecider.decide(state, .planMeeting(on: far), context).count == 1)
        // 23:30 UTC is already the next day in Amsterdam (UTC+1 or +2).
        let lateEvening = Date(timeIntervalSince1970: Double(today.daysSinceEpoch) * 86_400 + 23.5 * 3600)
        var amsterdam = Fixture.context()
        amsterdam.now = lateEvening
        amsterdam.timeZone = try #require(TimeZone(identifier: "Europe/Amsterdam"))
        #expect(amsterdam.today == LocalDate(daysSinceEpoch: today.daysSinceEpoch + 1))
        #expect(try CaseDecider.decide(state, .logTime(minutes: 30, activity: .contact, on: amsterdam.today), amsterdam).count == 1)
    }

    @Test("a day is typed as 2027-01-14, 14-01-2027 or a word for a day near today")
    func dayInput() {
        let today = LocalDate(iso: "2026-12-31")!
        #expect(DayInput("2027-01-14")?.resolved(today: today) == LocalDate(iso: "2027-01-14"))
        #expect(DayInput("14-01-2027")?.resolved(today: today) == LocalDate(iso: "2027-01-14"))
        #expect(DayInput("4-1-2027")?.resolved(today: today) == LocalDate(iso: "2027-01-04"))
        #expect(DayInput("vandaag")?.resolved(today: today) == today)
        #expect(DayInput("Morgen")?.resolved(today: today) == LocalDate(iso: "2027-01-01"))
        #expect(DayInput("yesterday")?.resolved(today: today) == LocalDate(iso: "2026-12-30"))
        for wrong in ["31-02-2027", "2027-1-14", "14-01-27", "overmorgen", "", "14-01-２０２７"] {
            #expect(DayInput(wrong) == nil, "\(wrong)")
        }
    }

    @Test("a meeting is moved, cancelled or corrected by an event that names it; the original stays in the history")
    func meetingCorrections() throws {
        var c = try Fixture.Driver()
        let today = Fixture.today
        let day = Fixture.day
        try c.run(.mapResource(label: "Ans", relation: "neighbour", kind: .informal))
        try c.run(.chooseMember(resource: 1, clientChose: true, note: nil))
        try c.run(.planMeeting(on: day(10)))
        #expect(try c.run(.moveMeeting(id: 1, to: day(10))).isEmpty, "moving to the same day changes nothing")
        try c.run(.moveMeeting(id: 1, to: day(20)))
        #expect(throws: CaseError.invalid(.dateInPast(.plannedOn, day(-1), today: today))) { try c.run(.moveMeeting(id: 1, to: day(-1))) }
        try c.run(.cancelMeeting(id: 1, reason: "Ziek"))
        #expect(c.state.meetings.isEmpty)
        #expect(c.state.cancelledMeetings.map(\.plannedOn) == [day(20)])
        #expect(throws: CaseError.invalid(.meetingCancelled(1))) { try c.run(.recordMeetingHeld(id: 1, on: today, attendees: [], ledBy: nil)) }
        #expect(throws: CaseError.invalid(.meetingCancelled(1))) { try c.run(.moveMeeting(id: 1, to: day(3))) }
        try c.run(.planMeeting(on: today))
        #expect(c.state.meetings.map(\.id) == [2], "a cancelled meeting's number is not used again")
        #expect(throws: CaseError.invalid(.meetingNotHeld(2))) { try c.run(.correctMeeting(id: 2, on: today, attendees: nil)) }
        try c.run(.recordMeetingHeld(id: 2, on: today, attendees: [], ledBy: nil))
        #expect(throws: CaseError.invalid(.meetingAlreadyHeld(2))) { try c.run(.cancelMeeting(id: 2, reason: "x")) }
        try c.run(.correctMeeting(id: 2, on: nil, attendees: [1, 1]))
        #expect(c.state.meetings[0].attendees == [1])
        #expect(throws: CaseError.invalid(.dateInFuture(.heldOn, day(1), today: today))) { try c.run(.correctMeeting(id: 2, on: day(1), attendees: nil)) }
        #expect(try c.run(.correctMeeting(id: 2, on: today, attendees: [1])).isEmpty, "a correction to the same values changes nothing")
        #expect(c.state.corrections.map(\.change) == [
            .meetingMoved(meeting: 1, from: day(10), to: day(20)),
            .meetingCancelled(meeting: 1, plannedOn: day(20), reason: "Ziek"),
            .meetingAttendeesCorrected(meeting: 2, from: [], to: [1]),
        ])
        #expect(try CaseState.replay(c.events) == c.state, "the corrections replay to the same case")
    }

    @Test("a time entry is corrected or withdrawn and a question reworded by events that name them")
    func timeAndQuestionCorrections() throws {
        var c = try Fixture.Driver()
        let today = LocalDate(utcDayOf: Fixture.t0)
        let yesterday = LocalDate(daysSinceEpoch: today.daysSinceEpoch - 1)
        try c.run(.logTime(minutes: 60, activity: .contact, on: today))
        try c.run(.logTime(minutes: 30, activity: .other, on: today))
        try c.run(.correctTime(entry: 1, minutes: 90, activity: nil, on: yesterday))
        #expect(c.state.timeEntries[0] == TimeEntry(id: 1, minutes: 90, activity: .contact, on: yesterday))
        #expect(try c.run(.correctTime(entry: 1, minutes: 90, activity: .contact, on: nil)).isEmpty)
        #expect(throws: CaseError.invalid(.durationOutOfRange)) { try c.run(.correctTime(entry: 1, minutes: 0, activity: nil, on: nil)) }
        try c.run(.withdrawTime(entry: 2, reason: "Dubbel"))
        #expect(c.state.minutesLogged == 90)
        #expect(throws: CaseError.notFound(.timeEntry, "2")) { try c.run(.withdrawTime(entry: 2, reason: "x")) }
        try c.run(.logTime(minutes: 15, activity: .other, on: today))
        #expect(c.state.timeEntries.map(\.id) == [1, 3], "a withdrawn entry's number is not used again")
        try c.run(.recordQuestion(text: "Boodschapen", owner: nil, due: nil))
        try c.run(.editQuestion(id: 1, text: "Boodschappen"))
        #expect(c.state.questions[0].text == "Boodschappen")
        #expect(c.state.corrections.map(\.change) == [
            .timeCorrected(from: TimeEntry(id: 1, minutes: 60, activity: .contact, on: today),
                           to: TimeEntry(id: 1, minutes: 90, activity: .contact, on: yesterday)),
            .timeWithdrawn(TimeEntry(id: 2, minutes: 30, activity: .other, on: today), reason: "Dubbel"),
            .questionEdited(question: 1, from: "Boodschapen", to: "Boodschappen"),
        ])
        #expect(try CaseState.replay(c.events) == c.state)
    }

    @Test("questions, meetings and time are validated")
    func records() throws {
        var c = try Fixture.Driver()
        let day = LocalDate(utcDayOf: Fixture.t0)
        #expect(throws: CaseError.notFound(.resource, "9")) { try c.run(.recordQuestion(text: "Boodschappen", owner: 9, due: nil)) }
        try c.run(.mapResource(label: "Ans", relation: "neighbour", kind: .informal))
        try c.run(.recordQuestion(text: "Boodschappen", owner: 1, due: day))
        #expect(try c.run(.setQuestionStatus(id: 1, status: .open)).isEmpty)
        try c.run(.planMeeting(on: day))
        #expect(throws: CaseError.invalid(.attendeeNotMember(1))) { try c.run(.recordMeetingHeld(id: 1, on: day, attendees: [1], ledBy: nil)) }
        try c.run(.chooseMember(resource: 1, clientChose: true, note: nil))
        try c.run(.recordMeetingHeld(id: 1, on: day, attendees: [1, 1], ledBy: .client))
        #expect(c.state.meetings[0].attendees == [1])
        #expect(throws: CaseError.invalid(.meetingAlreadyHeld(1))) { try c.run(.recordMeetingHeld(id: 1, on: day, attendees: [], ledBy: nil)) }
        #expect(throws: CaseError.invalid(.durationOutOfRange)) { try c.run(.logTime(minutes: 0, activity: .other, on: day)) }
        try c.run(.removeResource(resource: 1))
        #expect(c.state.resources.isEmpty)
        #expect(c.state.questions[0].owner == nil)
        try c.run(.mapResource(label: "Piet", relation: "friend", kind: .informal))
        #expect(c.state.resources[0].id == 2, "ids of removed resources are not reused")
    }

    @Test("a national identification number is refused anywhere in a text")
    func noBSN() throws {
        var open = Fixture.opening
        open.clientLabel = "J. 111222333"
        #expect(throws: CaseError.invalid(.nationalIdentifier(field: "client label"))) {
            try CaseDecider.decide(nil, .open(open), Fixture.context())
        }
        var c = try Fixture.Driver()
        #expect(throws: CaseError.self) { try c.run(.addGoal(text: "BSN 1112.22.333", term: .short, wordedBy: .worker)) }
        open.clientLabel = "J. 1112"
        open.externalReference = "22333"
        #expect(throws: CaseError.invalid(.nationalIdentifier(field: "client label")), "split between label and reference") {
            try CaseDecider.decide(nil, .open(open), Fixture.context())
        }
        #expect(throws: CaseError.self) { try c.run(.mapResource(label: "Zus 11122", relation: "2333", kind: .informal)) }
    }
}
