import Foundation
import RegieAudit
import RegieCore

/// Replays each case's events during `audit verify`, one case at a time, and checks every
/// transition against the workflow and plugins recorded with it (``TransitionCheck``), with
/// the guards asked again at the recorded time. A case whose payloads were erased or cannot be
/// read is not replayed past that point.
struct TransitionReplayer {
    /// Every pinned workflow, by content hash, loaded before the log is read.
    private let workflows: [String: Workflow]
    private let evaluator: any DerivedItemEvaluator
    /// The plugins a case is pinned to; nil when they cannot be loaded.
    private let pluginsFor: (CaseState, Workflow) -> (any CasePlugins)?
    /// The report facts stored per case (`case_facts`), loaded before the log is read.
    private let storedFacts: [Int: CaseFacts]
    private(set) var problems: [AuditProblem] = []
    private(set) var transitions = 0
    private var caseID: Int?
    private var state: CaseState?
    private var stopped = false

    init(workflows: [String: Workflow], evaluator: any DerivedItemEvaluator, storedFacts: [Int: CaseFacts] = [:],
         plugins: @escaping (CaseState, Workflow) -> (any CasePlugins)? = { _, _ in NoPlugins() }) {
        self.workflows = workflows
        self.evaluator = evaluator
        self.storedFacts = storedFacts
        self.pluginsFor = plugins
    }

    /// Call after the last event: checks the last case's report facts.
    mutating func finish() {
        checkFacts()
        state = nil
    }

    mutating func add(_ event: AuditedEvent) {
        if event.caseID != caseID {
            checkFacts()
            caseID = event.caseID
            state = nil
            stopped = false
        }
        guard !stopped else { return }
        guard let payload = event.payload else { return stop() }
        let decoded: CaseEvent
        do {
            decoded = try CaseEvent(typeName: event.type, payload: Data(payload))
        } catch {
            return stop(AuditProblem(.unreadablePayload, caseID: event.caseID, version: event.version))
        }
        let date = Date(timeIntervalSince1970: Double(event.recordedAt) / 1000)
        guard var current = state else {
            guard case .opened(let opened) = decoded, event.version == 1 else { return stop() }
            state = CaseState(id: event.caseID, opened: opened, at: date, by: event.actor)
            return
        }
        if case .transitioned(let transition) = decoded {
            transitions += 1
            guard let hash = event.rules.first, let workflow = workflows[hash] else {
                return stop(AuditProblem(.illegalTransition("the rules recorded with it are not in the store"),
                                         caseID: event.caseID, version: event.version))
            }
            guard event.rules.dropFirst() == current.plugins.map(\.hash)[...], let plugins = pluginsFor(current, workflow) else {
                return stop(AuditProblem(.illegalTransition("the plugins recorded with it are not the case's, or are not in the store"),
                                         caseID: event.caseID, version: event.version))
            }
            if let problem = TransitionCheck.problem(with: transition, before: current, workflow: workflow, evaluator: evaluator,
                                                     plugins: plugins, at: date) {
                problems.append(AuditProblem(.illegalTransition(problem.description), caseID: event.caseID, version: event.version))
            }
        }
        do {
            try current.apply(RecordedEvent(caseID: event.caseID, version: event.version, actor: event.actor, recordedAt: date,
                                            event: decoded))
            state = current
        } catch {
            stop()  // The chain check reports the gap.
        }
    }

    /// A case replayed to its end must have the report facts its events give; a case without
    /// stored facts is worked out by the report itself and is not a problem.
    private mutating func checkFacts() {
        guard let state, !stopped, let stored = storedFacts[state.id] else { return }
        if stored != CaseFacts(state) {
            problems.append(AuditProblem(.reportFactsDisagree, caseID: state.id, version: state.version))
        }
    }

    private mutating func stop(_ problem: AuditProblem? = nil) {
        if let problem { problems.append(problem) }
        stopped = true
    }
}
