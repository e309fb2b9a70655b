import RegieReports
import Foundation
import RegieAudit
import RegieCore
import RegieStore

/// Replays each case's events during `audit verify`, one case at a time, and checks every
/// transition against the workflow and plugins recorded with it (``TransitionCheck``), with
/// the guards asked again at the recorded time, and each case's derived rows (its row in the
/// case list, its report facts) against what its events give. A case whose payload is missing
/// or cannot be read is not replayed past that point; what its opening fixed is still checked.
package struct TransitionReplayer {
    /// Every pinned workflow, by content hash, loaded before the log is read.
    private let workflows: [String: Workflow]
    private let evaluator: any DerivedItemEvaluator
    /// The plugins a case is pinned to; nil when they cannot be loaded.
    private let pluginsFor: (CaseState, Workflow) -> (any CasePlugins)?
    /// The report facts stored per case (`case_facts`), loaded before the log is read.
    private let storedFacts: [Int: CaseFacts]
    /// How many Lua calls of the rules the wall-clock deadline has stopped so far.
    private let deadlineStops: () -> Int
    /// The case list's rows, set inside the same read as the events.
    package var listedRows: [Int: CaseListRow?] = [:]
    /// The commit positions of events that closed a case: each demands a checkpoint.
    package private(set) var closedAt: [Int] = []
    package private(set) var problems: [AuditProblem] = []
    package private(set) var transitions = 0
    /// Transitions whose checklist or verdicts a wall-clock deadline decided (when recorded or
    /// now), which are therefore not compared.
    package private(set) var notReproducible = 0
    private var caseID: Int?
    private var state: CaseState?
    private var stopped = false
    /// The stored types of the current case's events, readable even where a payload is not:
    /// the team and the label are fixed at opening unless a transfer or relabelling happened.
    private var types: Set<String> = []

    package init(workflows: [String: Workflow], evaluator: any DerivedItemEvaluator, storedFacts: [Int: CaseFacts] = [:],
         deadlineStops: @escaping () -> Int = { 0 },
         plugins: @escaping (CaseState, Workflow) -> (any CasePlugins)? = { _, _ in NoPlugins() }) {
        self.deadlineStops = deadlineStops
        self.workflows = workflows
        self.evaluator = evaluator
        self.storedFacts = storedFacts
        self.pluginsFor = plugins
    }

    /// Call after the last event: checks the last case's report facts.
    package mutating func finish() {
        checkDerivedRows()
        state = nil
    }

    package mutating func add(_ event: AuditedEvent) {
        if event.caseID != caseID {
            checkDerivedRows()
            caseID = event.caseID
            state = nil
            stopped = false
            types = []
        }
        types.insert(event.type)
        guard !stopped else { return }
        guard let payload = event.payload else { return stop() }
        let decoded: CaseEvent
        do {
            decoded = try CaseEvent(typeName: event.type, payload: Data(payload))
        } catch {
            return stop(AuditProblem(.unreadablePayload, caseID: event.caseID, version: event.version))
        }
        guard RecordedTime.readableMillis.contains(event.recordedAt) else {
            return stop(AuditProblem(.unreadable(column: "recorded_at"), caseID: event.caseID, version: event.version))
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
                return stop(AuditProblem(.illegalTransition(en: "the rules recorded with it are not in the store",
                                                                nl: "de regels die erbij zijn vastgelegd staan niet in de opslag"),
                                         caseID: event.caseID, version: event.version))
            }
            guard event.rules.dropFirst() == current.plugins.map(\.hash)[...], let plugins = pluginsFor(current, workflow) else {
                return stop(AuditProblem(.illegalTransition(en: "the plugins recorded with it are not the case's, or are not in the store",
                                                                nl: "de plugins die erbij zijn vastgelegd zijn niet die van de casus, of staan niet in de opslag"),
                                         caseID: event.caseID, version: event.version))
            }
            if case .closed = transition.to { closedAt.append(event.sequence) }
            let stopsBefore = deadlineStops()
            let problem = TransitionCheck.problem(with: transition, before: current, workflow: workflow, evaluator: evaluator,
                                                  plugins: plugins, at: date)
            if let problem {
                // Decided, or replayed now, at the wall-clock deadline: what the plugins and
                // derived items gave is not reproducible, so it is not compared.
                let timeLimited = transition.timeLimited == true || deadlineStops() != stopsBefore
                let decidedByRules = switch problem {
                case .checklistDiffers, .guardsDiffer: true
                default: false
                }
                if timeLimited && decidedByRules {
                    notReproducible += 1
                } else {
                    problems.append(AuditProblem(.illegalTransition(en: problem.title(L10n(language: .en)), nl: problem.title(L10n(language: .nl))),
                                                 caseID: event.caseID, version: event.version))
                }
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

    /// A case's derived rows against its events. Replayed to its end, its row in the case list
    /// must be exactly the one its events give, and its report facts too (a case without stored
    /// facts is worked out by the report itself and is not a problem). Stopped early, what the
    /// opening fixed (team, label, complexity, opening time) is still checked.
    private mutating func checkDerivedRows() {
        guard let state else { return }
        if let listed = listedRows[state.id] {
            let expected = CaseListRow(CaseSummary(state), pluginHashes: state.plugins.map(\.hash))
            if let listed {
                let differences = stopped
                    ? expected.openingDifferences(from: listed, teamFixed: !types.contains("transfer_accepted"),
                                                  labelFixed: !types.contains("client_relabelled"))
                    : expected.differences(from: listed)
                // The version is the chain check's: it names the version the list claims.
                for field in differences where field != "version" {
                    problems.append(AuditProblem(.listFieldDisagrees(field: field), caseID: state.id))
                }
            } else {
                problems.append(AuditProblem(.listFieldDisagrees(field: "row"), caseID: state.id))
            }
        }
        guard let stored = storedFacts[state.id] else { return }
        var facts = CaseFacts(state)
        // The case list's part was worked out in the zone it names, under the case's rules.
        if let work = stored.work, let zone = TimeZone(identifier: work.zone) {
            let periods = workflows[state.workflowHash].map { workflow in
                Agenda.periods(of: state, workflow: workflow, plugins: pluginsFor(state, workflow) ?? NoPlugins())
            } ?? Agenda.Periods()
            facts.work = CaseWork(state, timeZone: zone, periods: periods)
        }
        if stopped {
            // Only what the opening fixed: the case as far as it could be replayed has those right.
            if stored.complex != facts.complex || stored.openedOn != facts.openedOn
                || (!types.contains("transfer_accepted") && stored.team != facts.team) {
                problems.append(AuditProblem(.reportFactsDisagree, caseID: state.id))
            }
        } else if stored != facts {
            problems.append(AuditProblem(.reportFactsDisagree, caseID: state.id, version: state.version))
        }
    }

    private mutating func stop(_ problem: AuditProblem? = nil) {
        if let problem { problems.append(problem) }
        stopped = true
    }
}
