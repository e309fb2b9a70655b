import Foundation
import RegieCore
import RegieReports
import RegieStore

/// `case migrate`: moving a case to the rules its team uses now, after showing what changes.
extension CaseSession {
    package struct MigrationPlan: Sendable, Codable {
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
        /// The case's version after the plan: as read, or as migrated.
        package var version: Int

        /// `caseID` is `case_id` in JSON, as everywhere (snake case reads it back as `caseId`).
        enum CodingKeys: String, CodingKey {
            case caseID = "caseId"
            case team, workflowName, workflowFrom, workflowTo, pluginsAdded, pluginsRemoved, pluginsChanged, itemsAdded, itemsRemoved
            case unmetBefore, unmetAfter, unchanged, migrated, version
        }

        /// `case migrate` as text; `closing` adds the sentence that says whether anything changed.
        package func lines(l: L10n, closing: Bool = true) -> [String] {
            if unchanged {
                return [l("Case \(caseID) already follows the rules team \(team) uses now.",
                          "Casus \(caseID) volgt al de regels die team \(team) nu gebruikt.")]
            }
            var out = [l("Case \(caseID) → the rules team \(team) uses now:", "Casus \(caseID) → de regels die team \(team) nu gebruikt:")]
            if workflowTo != workflowFrom {
                out.append("  " + l("workflow", "workflow") + " \(workflowName): \(workflowFrom.prefix(19)) → \(workflowTo.prefix(19))")
            }
            for (label, names) in [(l("plugins added", "plugins erbij"), pluginsAdded), (l("plugins removed", "plugins eraf"), pluginsRemoved),
                                   (l("plugins changed", "plugins gewijzigd"), pluginsChanged),
                                   (l("items added in this phase", "punten erbij in deze fase"), itemsAdded),
                                   (l("items removed in this phase", "punten eraf in deze fase"), itemsRemoved)] where !names.isEmpty {
                out.append("  \(label): \(names.joined(separator: ", "))")
            }
            out.append("  " + l("still open now: ", "nu nog open: ") + (unmetBefore.isEmpty ? "-" : unmetBefore.joined(separator: ", ")))
            out.append("  " + l("still open after: ", "daarna nog open: ") + (unmetAfter.isEmpty ? "-" : unmetAfter.joined(separator: ", ")))
            guard closing else { return out }
            out.append(migrated
                       ? l("Migrated; the record keeps the rules it left.", "Overgezet; het dossier bewaart de regels die het verliet.")
                       : l("Nothing was changed. Run again with --yes to migrate.", "Er is niets veranderd. Herhaal met --yes om over te zetten."))
            return out
        }
    }

    /// Works out what moving the case to its team's current workflow and plugins would change,
    /// and with `apply` does it (coordinators only, decided by the core). Either way it is a read
    /// of the case, logged. `expectedVersion` (an HTTP `If-Match`) applies only to applying.
    package func migrate(_ caseID: Int, apply: Bool, expectedVersion: Int? = nil) async throws(RegieError) -> MigrationPlan {
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
            unchanged: unchanged, migrated: false, version: state.version)
        if apply && !unchanged {
            var sources = [RuleSource(hash: newHash, kind: "workflow", name: newWorkflow.name, source: workflowSource)]
            for (pin, source) in zip(current.pins, current.sources) {
                sources.append(RuleSource(hash: pin.hash, kind: "plugin", name: pin.name, source: source))
            }
            let (after, _) = try await perform(.migrate(workflow: newWorkflow.name, workflowHash: newHash, plugins: current.pins), on: caseID,
                                               ruleSources: sources, expectedVersion: expectedVersion)
            plan.migrated = true
            plan.version = after.version
        }
        // The plan shows the case's checklist: a read, with or without applying it.
        try await recordRead(caseID: caseID, action: "case migrate")
        return plan
    }

    /// Every running (active or paused) case of a team, or of all the person's teams, moved to
    /// the rules its team uses now (`case migrate --team T`, `--all`). Without `apply` it is the
    /// dry run: each case's plan, nothing written. With it each case is migrated in its own
    /// transaction, in case order, as `case migrate N --yes` would; a case that cannot be
    /// migrated stops the run there, and the summary says which were and which were not (a
    /// second run takes up the rest, as migrated cases then follow the current rules).
    package func migrateTeam(_ team: String?, apply: Bool) async throws(RegieError) -> TeamMigration {
        let person = try person()
        if apply && person.role != .coordinator { throw RegieError(.notPermitted, .migrationNeedsCoordinator) }
        let running = try await selectedSummaries(CaseSelection(team: team)).filter { $0.status.state != "closed" }
        var result = TeamMigration(teams: team.map { [$0] } ?? person.teams, running: running.count, plans: [], applied: apply, stopped: nil)
        for summary in running {
            do throws(RegieError) {
                result.plans.append(try await migrate(summary.id, apply: apply))
            } catch {
                // Nothing of this case was written; the ones before it stay migrated.
                guard apply, !result.plans.isEmpty else { throw error }
                result.stopped = TeamMigration.Stop(caseID: summary.id, code: error.code.rawValue, exitStatus: error.status.rawValue,
                                                    message: error.localizedMessage)
                break
            }
        }
        return result
    }
}
