import Foundation
import Testing
@testable import RegieCore

@Suite("Agenda")
struct AgendaTests {
    static let today = Fixture.today
    static func day(_ offset: Int) -> LocalDate { Fixture.day(offset) }
    static func tasks(_ state: CaseState, periods: Agenda.Periods = Agenda.Periods()) -> [AgendaTask] {
        Agenda.tasks(of: state, timeZone: .gmt, periods: periods)
    }

    @Test("a new case asks only for its goals to be looked at again, three months after they were last touched")
    func newCase() throws {
        var c = try Fixture.Driver()
        #expect(Self.tasks(c.state) == [AgendaTask(caseID: c.state.id, kind: .reviewGoals, due: Self.day(92))])
        try c.run(.addGoal(text: "Werk", term: .long, wordedBy: .client))
        #expect(Self.tasks(c.state).map(\.kind) == [.reviewGoals])
    }

    @Test("activation asks for a one-to-one talk with every member who has had none")
    func oneToOne() throws {
        var c = try Fixture.Driver()
        try c.run(.mapResource(label: "Ans", relation: "buurvrouw", kind: .informal))
        try c.run(.mapResource(label: "Piet", relation: "broer", kind: .informal))
        try c.run(.chooseMember(resource: 1, clientChose: true, note: nil))
        try c.run(.chooseMember(resource: 2, clientChose: true, note: nil))
        try c.moveTo(.activation)
        var talked = ResourceChanged(resourceID: 2)
        talked.oneToOneHeld = true
        try c.run(.changeResource(talked))
        let talks = Self.tasks(c.state).filter { $0.kind == .oneToOne }
        #expect(talks.map(\.subject) == [1])
        #expect(talks.first?.subjectText == "Ans")
        #expect(talks.first?.due == Self.day(14), "two weeks after entering activation")
        try c.run(.planMeeting(on: Self.day(10)))
        #expect(Self.tasks(c.state).first { $0.kind == .oneToOne }?.due == Self.day(10), "or by the first planned meeting, if sooner")
        var periods = Agenda.Periods()
        periods.oneToOneDays = 7
        #expect(Self.tasks(c.state, periods: periods).first { $0.kind == .oneToOne }?.due == Self.day(7), "the workflow's period")
    }

    @Test("a meeting whose day passed must be recorded; after a held one the next is due within the rhythm")
    func meetings() throws {
        var c = try Fixture.Driver()
        try c.run(.planMeeting(on: Self.today))
        let record = try #require(Self.tasks(c.state).first { $0.kind == .recordMeeting })
        #expect(record == AgendaTask(caseID: c.state.id, kind: .recordMeeting, due: Self.day(1), subject: 1))
        #expect(!record.isOpen(today: Self.today), "not yet: its day is today")
        #expect(record.isOpen(today: Self.day(1)) && !record.isOverdue(today: Self.day(1)) && record.isOverdue(today: Self.day(3)))
        try c.run(.recordMeetingHeld(id: 1, on: Self.today, attendees: [], ledBy: nil))
        #expect(Self.tasks(c.state).contains(AgendaTask(caseID: c.state.id, kind: .planNextMeeting, due: Self.day(92))))
        try c.run(.planMeeting(on: Self.day(80)))
        #expect(!Self.tasks(c.state).contains { $0.kind == .planNextMeeting || ($0.kind == .recordMeeting && $0.isOpen(today: Self.today)) })
        try c.run(.cancelMeeting(id: 2, reason: "Ziek"))
        #expect(Self.tasks(c.state).contains { $0.kind == .planNextMeeting }, "a cancelled meeting leaves the next one to plan")
    }

    @Test("a question that is not done is due on its day; a long pause asks for a look; a closed case asks nothing")
    func questionsPausesAndClosing() throws {
        var c = try Fixture.Driver()
        try c.run(.recordQuestion(text: "Boodschappen", owner: nil, due: Self.day(5)))
        try c.run(.recordQuestion(text: "Vervoer", owner: nil, due: Self.day(6)))
        try c.run(.setQuestionStatus(id: 2, status: .done))
        let due = Self.tasks(c.state).filter { $0.kind == .questionDue }
        #expect(due == [AgendaTask(caseID: c.state.id, kind: .questionDue, due: Self.day(5), subject: 1, subjectText: "Boodschappen")])
        #expect(due[0].isOverdue(today: Self.day(6)) && !due[0].isOverdue(today: Self.day(5)))
        try c.run(.move(.pause(.crisis), reason: "Opname", override: nil))
        #expect(Self.tasks(c.state).contains(AgendaTask(caseID: c.state.id, kind: .pausedLong, due: Self.day(28))))
        #expect(!Self.tasks(c.state).contains { $0.kind == .reviewGoals }, "a paused case's goals wait")
        try c.run(.move(.close(.clientStopped), reason: "Stopt", override: nil))
        #expect(Self.tasks(c.state).isEmpty)
    }
}
