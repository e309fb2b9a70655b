import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

/// Moves a case to the workflow and plugins its team uses now, after showing what would change.
struct CaseMigrateCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "migrate",
            abstract: H("Move a case to the rules (workflow and plugins) its team uses now; shows the change first.",
                        "Zet een casus over op de regels (werkwijze en plugins) die zijn team nu gebruikt; toont eerst de wijziging."),
            discussion: H(
                "Without --yes nothing is written. Coordinators only. Earlier records keep the rules they were "
                + "decided by.",
                "Zonder --yes wordt niets vastgelegd. Alleen coördinatoren. Eerdere gegevens houden de regels "
                + "waaronder ze zijn besloten."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Flag(help: H("Make the change (without it, only show what would change).",
                  "Voer de wijziging uit (zonder dit alleen tonen wat er zou veranderen).")) var yes = false

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
        let result = try await session.migrate(caseID, apply: yes)
        let plan = Plan(caseID: caseID, workflowFrom: result.workflowFrom, workflowTo: result.workflowTo,
                        pluginsAdded: result.pluginsAdded, pluginsRemoved: result.pluginsRemoved, pluginsChanged: result.pluginsChanged,
                        itemsAdded: result.itemsAdded, itemsRemoved: result.itemsRemoved, unmetBefore: result.unmetBefore,
                        unmetAfter: result.unmetAfter, migrated: result.migrated)
        if output.json { return try JSONOutput.print(plan) }
        let out = Console.current
        if result.unchanged {
            return out.line(l("Case \(caseID) already follows the rules team \(result.team) uses now.",
                              "Casus \(caseID) volgt al de regels die team \(result.team) nu gebruikt."))
        }
        out.line(l("Case \(caseID) → the rules team \(result.team) uses now:", "Casus \(caseID) → de regels die team \(result.team) nu gebruikt:"))
        if result.workflowTo != result.workflowFrom {
            out.line("  " + l("workflow", "workflow") + " \(result.workflowName): \(result.workflowFrom.prefix(19)) → \(result.workflowTo.prefix(19))")
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
