import Foundation
import RegieCore
import RegieStore

/// `case migrate`: moving a case to the rules its team uses now, after showing what changes.
extension CaseSession {
    package struct MigrationPlan: Sendable {
        package var caseID: Int
        package var team: String
        package var workflowName: String
        package var workflowFrom: String, workflowTo: String
        package var pluginsAdded: [String], pluginsRemoved: [String], pluginsChanged: [String]
        package var itemsAdded: [String], itemsRemoved: [String]
        package var unmetBefore: [String], unmetAfter: [String]
        /// The case already follows the team's current rules.
        package var unchanged: Bool
        package var migrated: Bool
    }

    /// Works out what moving the case to its team's current workflow and plugins would change,
    /// and with `apply` does it (coordinators only, decided by the core). Either way it is a read
    /// of the case, logged.
    package func migrate(_ caseID: Int, apply: Bool) async throws(RegieError) -> MigrationPlan {
        let (state, workflow, _) = try await load(caseID)
        let team = try team(state.team)
        let (newWorkflow, workflowSource, newHash) = try rules.current(for: team)
        let current = try rules.currentPlugins(for: team, workflow: newWorkflow)
        let phase = state.status.phase
        let before = try checklist(phase, of: state, workflow: workflow)
        let after = Checklist.evaluate(phase, of: state, workflow: newWorkflow, evaluator: rules.evaluator, plugins: current.plugins, at: now)
        let oldPins = Dictionary(state.plugins.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newPins = Dictionary(current.pins.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let unchanged = newHash == state.workflowHash && current.pins == state.plugins
        var plan = MigrationPlan(
            caseID: caseID, team: team.id, workflowName: newWorkflow.name, workflowFrom: state.workflowHash, workflowTo: newHash,
            pluginsAdded: current.pins.map(\.name).filter { oldPins[$0] == nil },
            pluginsRemoved: state.plugins.map(\.name).filter { newPins[$0] == nil },
            pluginsChanged: current.pins.filter { pin in oldPins[pin.name].map { $0 != pin } ?? false }.map(\.name),
            itemsAdded: after.map(\.item.id).filter { id in !before.contains { $0.item.id == id } },
            itemsRemoved: before.map(\.item.id).filter { id in !after.contains { $0.item.id == id } },
            unmetBefore: before.filter { $0.item.required && !$0.holds }.map(\.item.id),
            unmetAfter: after.filter { $0.item.required && !$0.holds }.map(\.item.id),
            unchanged: unchanged, migrated: false)
        if apply && !unchanged {
            var sources = [RuleSource(hash: newHash, kind: "workflow", name: newWorkflow.name, source: workflowSource)]
            for (pin, source) in zip(current.pins, current.sources) {
                sources.append(RuleSource(hash: pin.hash, kind: "plugin", name: pin.name, source: source))
            }
            try await perform(.migrate(workflow: newWorkflow.name, workflowHash: newHash, plugins: current.pins), on: caseID,
                              ruleSources: sources)
            plan.migrated = true
        }
        // The plan shows the case's checklist: a read, with or without applying it.
        try await recordRead(caseID: caseID, action: "case migrate")
        return plan
    }
}
