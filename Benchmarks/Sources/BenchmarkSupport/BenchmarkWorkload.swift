import Foundation
import RegieCore
import RegieLua

/// The workload of the figures: each case goes through the five phases; each phase has
/// three items ticked by hand (3 events) and one forward move guarded by a Lua expression
/// "all required items ticked" (1 event): 20 events and 5 Lua evaluations per case, plus the
/// opening.
public enum BenchmarkWorkload {
    public static let eventsPerCase = 20

    public static let workflowSource: String = {
        var text = "workflow: bench\nphases:\n"
        for phase in Phase.allCases {
            let p = phase.rawValue
            text += "  \(p):\n    checklist:\n"
            for item in ["a", "b", "c"] {
                text += "      - id: \(p).\(item)\n        nl: \(item)\n        en: \(item)\n"
            }
            text += "      - id: \(p).all_ticked\n        nl: alles\n        en: all\n"
            text += "        derived: case.ticked['\(p).a'] and case.ticked['\(p).b'] and case.ticked['\(p).c'] or false\n"
        }
        return text
    }()

    public static let workflow: Workflow = try! WorkflowParser.parse(workflowSource, file: "bench.yaml")

    public static func opening(hash: String) -> OpenCase {
        OpenCase(team: "bench", clientLabel: "B.", externalReference: nil, complex: false, workflow: "bench", workflowHash: hash)
    }

    /// The 20 commands after the opening, in order.
    public static let commands: [CaseCommand] = Phase.allCases.flatMap { phase -> [CaseCommand] in
        ["a", "b", "c"].map { CaseCommand.tick(item: "\(phase.rawValue).\($0)") }
            + [phase == .followUp ? .move(.nextRound, reason: nil, override: nil) : .move(.advance, reason: nil, override: nil)]
    }

    public static func context(_ evaluator: any DerivedItemEvaluator, now: Date,
                               plugins: any CasePlugins = NoPlugins()) -> DecisionContext {
        DecisionContext(actor: Actor(id: "bench", role: .worker), now: now, workflow: workflow, evaluator: evaluator, plugins: plugins)
    }

    /// Runs one whole case in memory: decide, then fold each event into the state.
    /// - Returns: the recorded events, opening included.
    @discardableResult
    public static func runCase(id: Int, hash: String, evaluator: any DerivedItemEvaluator, now: Date,
                               plugins: any CasePlugins = NoPlugins()) throws -> [RecordedEvent] {
        let context = context(evaluator, now: now, plugins: plugins)
        let opened = try CaseDecider.decide(nil, .open(opening(hash: hash)), context)
        var recorded = [RecordedEvent(caseID: id, version: 1, actor: "bench", recordedAt: now, event: opened[0])]
        var state = try CaseState.replay(recorded)
        for command in commands {
            for event in try CaseDecider.decide(state, command, context) {
                let next = RecordedEvent(caseID: id, version: state.version + 1, actor: "bench", recordedAt: now, event: event)
                try state.apply(next)
                recorded.append(next)
            }
        }
        guard state.status == .active(.meeting), recorded.count == eventsPerCase + 1 else {
            throw BenchmarkFailure(message: "the workload did not end where expected: \(state.status)")
        }
        return recorded
    }
}

public struct BenchmarkFailure: Error {
    public var message: String
    public init(message: String) { self.message = message }
}
