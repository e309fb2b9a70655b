import Testing
@testable import RegieCore

@Suite("Team report measures")
struct TeamReportTests {
    @Test("the same definitions in the core: the period and the goals phase select the cases")
    func selection() throws {
        func facts(_ day: Int, phase: Phase, involved: Bool) -> CaseFacts {
            CaseFacts(caseID: day, team: "t", complex: false, openedOn: LocalDate(year: 2027, month: 1, day: day)!, status: .active(phase),
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
