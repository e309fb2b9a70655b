import Foundation
@testable import RegieCore

/// A derived-item evaluator for core tests: answers from a closure instead of Lua.
final class ClosureEvaluator: DerivedItemEvaluator, Sendable {
    let answer: @Sendable (ChecklistItem, CaseState) -> DerivedOutcome
    init(_ answer: @escaping @Sendable (ChecklistItem, CaseState) -> DerivedOutcome) { self.answer = answer }
    func evaluate(_ items: [ChecklistItem], in state: CaseState) -> [DerivedOutcome] { items.map { answer($0, state) } }
    func missingNames(_ item: ChecklistItem, in state: CaseState) -> [String]? { nil }
}

enum Fixture {
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    /// The day of `t0`, and days counted from it.
    static let today = LocalDate(utcDayOf: t0)
    static func day(_ offset: Int) -> LocalDate { LocalDate(daysSinceEpoch: today.daysSinceEpoch + offset) }

    /// A workflow with one hand-ticked required item per phase (`<phase>.done`), one optional
    /// item, and in goals one derived item that holds when a long-term goal exists.
    static let workflow: Workflow = {
        var phases: [Phase: PhaseDefinition] = [:]
        for phase in Phase.allCases {
            var items = [
                ChecklistItem(id: "\(phase.rawValue).done", text: LocalizedText(nl: "klaar", en: "done"), required: true,
                              expression: nil, source: SourceLocation(file: "test", line: 1)),
                ChecklistItem(id: "\(phase.rawValue).extra", text: LocalizedText(nl: "extra", en: "extra"), required: false,
                              expression: nil, source: SourceLocation(file: "test", line: 2)),
            ]
            if phase == .goals {
                items.append(ChecklistItem(id: "goals.long", text: LocalizedText(nl: "lang", en: "long"), required: true,
                                           expression: "long goal", source: SourceLocation(file: "test", line: 3)))
            }
            phases[phase] = PhaseDefinition(checklist: items, prompts: [LocalizedText(nl: "vraag", en: "ask")])
        }
        return Workflow(name: "test", phases: phases)
    }()

    static let evaluator = ClosureEvaluator { item, state in
        item.expression == "long goal" ? .holds(state.goals.contains { $0.term == .long }) : .failed("unknown")
    }

    static let worker = Actor(id: "anna", role: .worker)
    static let coordinator = Actor(id: "karim", role: .coordinator)

    static func context(_ actor: Actor = worker, at offset: TimeInterval = 0) -> DecisionContext {
        DecisionContext(actor: actor, now: t0.addingTimeInterval(offset), workflow: workflow, evaluator: evaluator)
    }

    static let opening = OpenCase(team: "west", clientLabel: "J.", externalReference: nil, complex: false,
                                  workflow: "test", workflowHash: "sha256:test")

    /// A case driven through commands, keeping its recorded events, as the store would.
    struct Driver {
        var events: [RecordedEvent] = []
        var state: CaseState

        init() throws {
            let decided = try CaseDecider.decide(nil, .open(Fixture.opening), Fixture.context())
            let first = RecordedEvent(caseID: 7, version: 1, actor: "anna", recordedAt: Fixture.t0, event: decided[0])
            events = [first]
            state = try CaseState.replay(events)
        }

        @discardableResult
        mutating func run(_ command: CaseCommand, as actor: Actor = Fixture.worker) throws -> [CaseEvent] {
            let decided = try CaseDecider.decide(state, command, Fixture.context(actor, at: Double(events.count)))
            for event in decided {
                let recorded = RecordedEvent(caseID: 7, version: state.version + 1, actor: actor.id,
                                             recordedAt: Fixture.t0.addingTimeInterval(Double(events.count)), event: event)
                try state.apply(recorded)
                events.append(recorded)
            }
            return decided
        }

        /// Ticks the current phase's required item (and in goals adds a long-term goal) and advances.
        mutating func completeAndAdvance() throws {
            let phase = state.status.phase
            if phase == .goals && !state.goals.contains(where: { $0.term == .long }) {
                try run(.addGoal(text: "Weer werken", term: .long, wordedBy: .client))
            }
            try run(.tick(item: "\(phase.rawValue).done"))
            try run(phase == .followUp ? .move(.nextRound, reason: nil, override: nil) : .move(.advance, reason: nil, override: nil))
        }

        mutating func moveTo(_ phase: Phase) throws {
            while state.status.phase != phase { try completeAndAdvance() }
        }
    }
}
