import Foundation
import Testing
@testable import RegieCore

@Suite("Workflow files")
struct WorkflowParserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the shipped workflow parses and follows the method")
    func defaultWorkflow() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("workflows/resourcegroep.yaml"), encoding: .utf8)
        let workflow = try WorkflowParser.parse(text, file: "resourcegroep.yaml")
        #expect(workflow.name == "resourcegroep")
        for phase in Phase.allCases {
            let definition = workflow.definition(of: phase)
            #expect(definition.checklist.contains { $0.required }, "\(phase) has a required item")
            #expect(!definition.prompts.isEmpty, "\(phase) has prompts")
            #expect(definition.checklist.allSatisfy { !$0.text.nl.isEmpty && !$0.text.en.isEmpty })
        }
        let ids = Set(workflow.derivedItems.map(\.id))
        for expected in ["goals.long_term", "activation.contacted", "activation.one_to_one", "meeting.expectations",
                         "follow_up.questions_owned", "follow_up.next_meeting"] {
            #expect(ids.contains(expected), "\(expected) is derived from the record")
        }
    }

    static let badFiles: [(String, Int, String)] = [
        ("workflow: x\nphases:\n  goals:\n    checklist:\n      - id: a\n        nl: a\n        en: a\n        requried: true\n", 8, "unknown key `requried`"),
        ("workflow: x\nphases:\n  doelen: {}\n", 3, "unknown phase `doelen`"),
        ("workflow: x\nphases:\n  goals:\n    checklist:\n      - id: a\n        nl: a\n        en: a\n      - id: a\n        nl: b\n        en: b\n", 8, "already used on line 5"),
        ("workflow: x\nphases:\n  goals:\n    checklist:\n      - id: a\n        en: a\n", 5, "missing `nl`"),
        ("workflow: x\nphases:\n  goals:\n    checklist:\n      - id: a\n        nl: a\n        en: a\n        required: maybe\n", 8, "expected `true` or `false`"),
        ("workflow: x\nphases:\n  goals:\n    checklist: [\n", 5, "not valid YAML"),
        ("phases: {}\n", 1, "missing `workflow`"),
        ("workflow: x\nphases:\n  goals:\n    prompts:\n      - nl: a\n", 5, "missing `en`"),
        ("workflow: x\nphases:\n  goals:\n    checklist:\n      - id: 'a b'\n        nl: a\n        en: a\n", 5, "may only hold"),
        ("workflow: x\nphases:\n  goals:\n    checklist:\n      - id: a\n        nl: a\n        en: a\n        missing: {nl: a, en: a, names: x}\n", 8, "`missing` needs `derived`"),
        ("workflow: x\nphases:\n  goals:\n    checklist:\n      - id: a\n        nl: a\n        en: a\n        derived: 'true'\n        missing: {nl: a, en: a}\n", 9, "missing `names`"),
        ("workflow: x\nagenda:\n  pause_days: 0\nphases: {}\n", 3, "from 1 to 731"),
        ("workflow: x\nagenda:\n  pauze_days: 3\nphases: {}\n", 3, "unknown key `pauze_days`"),
    ]

    @Test("the agenda's periods come from the workflow, with the method's defaults")
    func agendaPeriods() throws {
        let workflow = try WorkflowParser.parse("workflow: x\nagenda:\n  meeting_every_days: 60\n  one_to_one_days: 7\nphases: {}\n", file: "t.yaml")
        #expect(workflow.periods.meetingEveryDays == 60 && workflow.periods.oneToOneDays == 7)
        #expect(workflow.periods.pauseDays == 28 && workflow.periods.goalsDays == 92)
        #expect(try WorkflowParser.parse("workflow: x\nphases: {}\n", file: "t.yaml").periods == Agenda.Periods())
    }

    @Test("bad files are refused with their line and what was expected", arguments: badFiles)
    func badFile(text: String, line: Int, problem: String) {
        do {
            _ = try WorkflowParser.parse(text, file: "team.yaml")
            Issue.record("accepted a bad file")
        } catch {
            #expect(error.file == "team.yaml")
            #expect(error.line == line, "\(error)")
            #expect(error.problem.contains(problem), "\(error)")
        }
    }
}

@Suite("Small values")
struct ValueTests {
    @Test("durations", arguments: [("1h30m", 90), ("90m", 90), ("1.5h", 90), ("2h", 120), ("45", 45), ("1,5h", 90), ("0h45m", 45), ("1h59m", 119), ("120m", 120)])
    func duration(text: String, minutes: Int) {
        #expect(Duration.minutes(text) == minutes)
    }

    @Test("nonsense durations are refused", arguments: ["", "abc", "0", "-5", "1.5m", "30m1h", "1hh", "h", "1d", "1h30", "10000000h", "1h90m", "1h60m"])
    func badDuration(text: String) {
        #expect(Duration.minutes(text) == nil)
    }

    @Test("dates")
    func dates() {
        #expect(LocalDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(LocalDate(iso: "2023-02-29") == nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "26-1-1") == nil)
        #expect(LocalDate(iso: "tomorrow") == nil)
        let d = LocalDate(iso: "2027-01-14")!
        #expect(LocalDate(daysSinceEpoch: d.daysSinceEpoch) == d)
        #expect(LocalDate(daysSinceEpoch: 0).description == "1970-01-01")
    }

    @Test("BSN detection uses the eleven test")
    func bsn() {
        #expect(NationalIdentifier.appears(in: "111222333"))
        #expect(NationalIdentifier.appears(in: "bsn: 1112.22.333"))
        #expect(!NationalIdentifier.appears(in: "111222334"))
        #expect(!NationalIdentifier.appears(in: "J.B."))
        #expect(!NationalIdentifier.appears(in: "dossier 2024-0017"))
    }

    /// 111222333 passes the eleven test; every way of writing it below must still be found.
    @Test("BSN detection sees through Unicode digits and every kind of separator", arguments: [
        "111\u{00A0}222\u{00A0}333", "111\u{202F}222\u{202F}333", "111\u{200B}222\u{200B}333", "111\t222\t333",
        "111\u{2013}222\u{2014}333", "111/222/333", "111,222,333", "１１１２２２３３３", "١١١٢٢٢٣٣٣", "१११२२२३३३",
        "111\u{2060}222\u{FEFF}333", "111\u{00AD}222_333", "1\u{0301}11222333", "111 · 222 · 333", "111\u{2212}222\u{2010}333",
    ])
    func bsnDisguised(_ text: String) {
        #expect(NationalIdentifier.appears(in: text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        #expect(!NationalIdentifier.appears(in: text.replacingOccurrences(of: "3", with: "4").replacingOccurrences(of: "٣", with: "٤")
            .replacingOccurrences(of: "３", with: "４").replacingOccurrences(of: "३", with: "४")), "one digit off fails the eleven test")
    }

    @Test("a BSN split over two fields of one command is found")
    func bsnAcrossFields() {
        #expect(NationalIdentifier.appears(inAny: ["J. 1112", "22333"]))
        #expect(!NationalIdentifier.appears(inAny: ["J.", "2024-0017"]))
    }
}
