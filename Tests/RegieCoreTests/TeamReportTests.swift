import Foundation
import Testing
@testable import RegieCore

@Suite("Team report measures")
struct TeamReportTests {
    @Test("the same definitions in the core: the period and the goals phase select the cases")
    func selection() throws {
        func facts(_ day: Int, phase: Phase, involved: Bool) -> CaseFacts {
            CaseFacts(caseID: day, team: "t", complex: false, openedOn: LocalDate(year: 2027, month: 1, day: day)!, phase: phase, state: .active,
                      networkInvolved: involved, groupFormed: false, networkPickedUpQuestion: false, minutesToGroup: nil)
        }
        let cases = [facts(1, phase: .mapping, involved: true), facts(10, phase: .goals, involved: true),
                     facts(20, phase: .meeting, involved: false)]
        let report = TeamReport(cases, selection: .init(since: LocalDate(year: 2027, month: 1, day: 5), until: LocalDate(year: 2027, month: 1, day: 20)))
        #expect(report.opened == 2)
        #expect(report.networkInvolved == TeamReport.Share(count: 0, of: 1))
        let everything = TeamReport(cases, selection: .init(all: true))
        #expect(everything.networkInvolved == TeamReport.Share(count: 2, of: 3))
        #expect(everything.networkInvolved.percent == 66.7)
    }

    @Test("stays in phases include time paused; pauses end resumed, closed or not yet; closures by outcome")
    func staysAndPauses() throws {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func at(_ day: Int) -> Date { start.addingTimeInterval(Double(day) * 86_400) }
        let opened = CaseOpened(team: "t", clientLabel: "X", externalReference: nil, complex: false, workflow: "w", workflowHash: "h")
        let crisis = PauseInfo(kind: .crisis, reason: "r")
        let moves: [(Int, MoveKind, CaseStatus, CaseStatus)] = [
            (3, .advance, .active(.goals), .active(.mapping)),
            (5, .pause, .active(.mapping), .paused(.mapping, crisis)),
            (7, .resume, .paused(.mapping, crisis), .active(.mapping)),
            (10, .advance, .active(.mapping), .active(.activation)),
            (11, .pause, .active(.activation), .paused(.activation, PauseInfo(kind: .admission, reason: "r"))),
            (12, .close, .paused(.activation, PauseInfo(kind: .admission, reason: "r")),
             .closed(.activation, CloseInfo(outcome: .networkCarries, reason: "r"))),
        ]
        var events = [RecordedEvent(caseID: 1, version: 1, actor: "a", recordedAt: at(0), event: .opened(opened))]
        for (offset, move) in moves.enumerated() {
            let transition = Transitioned(move: move.1, from: move.2, to: move.3, reason: "r", unmet: [], overridden: false, checklist: [])
            events.append(RecordedEvent(caseID: 1, version: offset + 2, actor: "a", recordedAt: at(move.0), event: .transitioned(transition)))
        }
        let facts = try CaseFacts.of(events)
        #expect(facts.phaseStays.map(\.phase) == [.goals, .mapping, .activation])
        #expect(facts.phaseStays.map(\.days) == [3, 7, 2])
        #expect(facts.pauses.map(\.kind) == [.crisis, .admission])
        #expect(facts.pauses.map(\.ending) == [.resumed, .closed])
        #expect(facts.closedAs == .networkCarries)
        #expect(facts.furthestPhase == .activation)
        let timeline = CaseTimeline(try CaseState.replay(events))
        let day0 = LocalDate(utcDayOf: start)
        func day(_ offset: Int) -> LocalDate { LocalDate(daysSinceEpoch: day0.daysSinceEpoch + offset) }
        #expect(timeline.stays == [
            .init(phase: .goals, round: 1, from: day(0), to: day(3)), .init(phase: .mapping, round: 1, from: day(3), to: day(10)),
            .init(phase: .activation, round: 1, from: day(10), to: day(12)),
        ])
        #expect(timeline.pauses == [.init(kind: .crisis, from: day(5), to: day(7), ending: .resumed),
                                    .init(kind: .admission, from: day(11), to: day(12), ending: .closed)])
        #expect(timeline.closed == day(12))
        let report = TeamReport([facts], selection: .init())
        #expect(report.daysInPhase.map(\.median) == [3, 7, 2, nil, nil])
        #expect(report.reached.map(\.cases) == [1, 1, 1, 0, 0])
        #expect(report.pauses.first { $0.kind == .crisis }?.resumed == 1)
        #expect(report.closedBy.first { $0.outcome == .networkCarries }?.count == 1)
    }

    @Test("hours to form a group: mean, median of an even count, range")
    func hours() {
        let hours = TeamReport.Hours(minutes: [90, 30, 240, 60])
        #expect(hours.cases == 4)
        #expect(hours.mean == 1.75)
        #expect(hours.median == 1.25)
        #expect(hours.minimum == 0.5)
        #expect(hours.maximum == 4)
        #expect(TeamReport.Hours(minutes: []).mean == nil)
    }
}
