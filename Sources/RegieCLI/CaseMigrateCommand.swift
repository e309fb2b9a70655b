import ArgumentParser
import RegieApp
import RegieCore
import RegieReports
import RegieLua
import RegieStore

/// Moves a case to the workflow and plugins its team uses now, after showing what would change.
struct CaseMigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Move a case to the rules (workflow and plugins) its team uses now; shows the change first.",
        discussion: "Without --yes nothing is written. Coordinators only. Earlier records keep the rules they were decided by.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The case number.") var caseID: Int
    @Flag(help: "Make the change (without it, only show what would change).") var yes = false

    struct Plan: Encodable {
        var caseID: Int
        var workflowFrom: String, workflowTo: String
        var pluginsAdded: [String], pluginsRemoved: [String], pluginsChanged: [String]
        var itemsAdded: [String], itemsRemoved: [String]
        var unmetBefore: [String], unmetAfter: [String]
        var migrated: Bool
    }

    func run() async throws {
        let session = try await CaseSession(global)
        let l = session.l
        let (state, workflow, _) = try await session.load(caseID)
        let team = try session.team(state.team)
        let (newWorkflow, workflowSource, newHash) = try session.rules.current(for: team)
        let current = try session.rules.currentPlugins(for: team, workflow: newWorkflow)
        let phase = state.status.phase
        let before = try session.checklist(phase, of: state, workflow: workflow)
        let after = Checklist.evaluate(phase, of: state, workflow: newWorkflow, evaluator: session.rules.evaluator,
                                       plugins: current.plugins, at: session.now)
        let oldPins = Dictionary(state.plugins.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newPins = Dictionary(current.pins.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var plan = Plan(
            caseID: caseID, workflowFrom: state.workflowHash, workflowTo: newHash,
            pluginsAdded: current.pins.map(\.name).filter { oldPins[$0] == nil },
            pluginsRemoved: state.plugins.map(\.name).filter { newPins[$0] == nil },
            pluginsChanged: current.pins.filter { pin in oldPins[pin.name].map { $0 != pin } ?? false }.map(\.name),
            itemsAdded: after.map(\.item.id).filter { id in !before.contains { $0.item.id == id } },
            itemsRemoved: before.map(\.item.id).filter { id in !after.contains { $0.item.id == id } },
            unmetBefore: before.filter { $0.item.required && !$0.holds }.map(\.item.id),
            unmetAfter: after.filter { $0.item.required && !$0.holds }.map(\.item.id),
            migrated: false)
        let unchanged = newHash == state.workflowHash && current.pins == state.plugins
        if yes && !unchanged {
            var sources = [SQLiteEventStore.RuleSource(hash: newHash, kind: "workflow", name: newWorkflow.name, source: workflowSource)]
            for (pin, source) in zip(current.pins, current.sources) {
                sources.append(.init(hash: pin.hash, kind: "plugin", name: pin.name, source: source))
            }
            try await session.perform(.migrate(workflow: newWorkflow.name, workflowHash: newHash, plugins: current.pins), on: caseID,
                                ruleSources: sources)
            plan.migrated = true
        }
        // The plan shows the case's checklist: a read, with or without --yes.
        try await session.recordRead(caseID: caseID, action: "case migrate")
        if output.json { return try JSONOutput.print(plan) }
        let out = Console.current
        if unchanged {
            return out.line(l("Case \(caseID) already follows the rules team \(team.id) uses now.",
                              "Casus \(caseID) volgt al de regels die team \(team.id) nu gebruikt."))
        }
        out.line(l("Case \(caseID) → the rules team \(team.id) uses now:", "Casus \(caseID) → de regels die team \(team.id) nu gebruikt:"))
        if newHash != state.workflowHash {
            out.line("  " + l("workflow", "workflow") + " \(newWorkflow.name): \(state.workflowHash.prefix(19)) → \(newHash.prefix(19))")
        }
        for (label, names) in [(l("plugins added", "plugins erbij"), plan.pluginsAdded), (l("plugins removed", "plugins eraf"), plan.pluginsRemoved),
                               (l("plugins changed", "plugins gewijzigd"), plan.pluginsChanged),
                               (l("items added in this phase", "punten erbij in deze fase"), plan.itemsAdded),
                               (l("items removed in this phase", "punten eraf in deze fase"), plan.itemsRemoved)] where !names.isEmpty {
            out.line("  \(label): \(names.joined(separator: ", "))")
        }
        out.line("  " + l("still open now: ", "nu nog open: ") + (plan.unmetBefore.isEmpty ? "-" : plan.unmetBefore.joined(separator: ", ")))
        out.line("  " + l("still open after: ", "daarna nog open: ") + (plan.unmetAfter.isEmpty ? "-" : plan.unmetAfter.joined(separator: ", ")))
        out.line(plan.migrated
                 ? l("Migrated; the record keeps the rules it left.", "Overgezet; het dossier bewaart de regels die het verliet.")
                 : l("Nothing was changed. Run again with --yes to migrate.", "Er is niets veranderd. Herhaal met --yes om over te zetten."))
    }
}
