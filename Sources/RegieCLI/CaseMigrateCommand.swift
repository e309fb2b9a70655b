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

    func run() async throws {
        let plan: CaseSession.MigrationPlan, l: L10n
        if let server = try ServerClient.connect(global) {
            plan = try await server.decode(CaseSession.MigrationPlan.self, yes ? .post : .get, "/cases/\(caseID)/migration", ifMatch: yes)
            l = server.l
        } else {
            let session = try await CaseSession(global)
            plan = try await session.migrate(caseID, apply: yes)
            l = session.l
        }
        if output.json { return try JSONOutput.print(plan) }
        for line in plan.lines(l: l) { Console.current.line(line) }
    }
}
