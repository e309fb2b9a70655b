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
                + "decided by. With --team T (or --all: all your teams) every running case of the team is shown, "
                + "then migrated with --yes, each case in its own step; one that cannot be migrated stops the run "
                + "there, and running it again takes up the rest.",
                "Zonder --yes wordt niets vastgelegd. Alleen coördinatoren. Eerdere gegevens houden de regels "
                + "waaronder ze zijn besloten. Met --team T (of --all: al je teams) wordt elke lopende casus van het "
                + "team getoond, en met --yes overgezet, elke casus in een eigen stap; een casus die niet over kan, "
                + "stopt de reeks daar, en opnieuw draaien pakt de rest op."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: H("The case number (or --team, or --all).", "Het casusnummer (of --team, of --all)."), completion: .caseNumbers)
    var caseID: Int?
    @Option(help: H("Every running case of this team.", "Elke lopende casus van dit team."), completion: .teamIDs) var team: String?
    @Flag(help: H("Every running case of all your teams.", "Elke lopende casus van al je teams.")) var all = false
    @Flag(help: H("Make the change (without it, only show what would change).",
                  "Voer de wijziging uit (zonder dit alleen tonen wat er zou veranderen).")) var yes = false

    func validate() throws {
        let chosen = [caseID != nil, team != nil, all].filter { $0 }.count
        guard chosen == 1 else {
            throw ValidationError(H("Give a case number, --team T or --all (one of them).",
                                    "Geef een casusnummer, --team T of --all (een ervan)."))
        }
    }

    func run() async throws {
        guard let caseID else { return try await runForTeams() }
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

    /// `--team T` or `--all`: one summary for every running case.
    private func runForTeams() async throws {
        let result: TeamMigration, l: L10n
        if let server = try ServerClient.connect(global) {
            let query = team.map { "?team=\(ServerClient.pathPart($0))" } ?? ""
            result = try await server.decode(TeamMigration.self, yes ? .post : .get, "/migration" + query)
            l = server.l
        } else {
            let session = try await CaseSession(global)
            result = try await session.migrateTeam(team, apply: yes)
            l = session.l
        }
        if output.json {
            try JSONOutput.print(result)
        } else {
            for line in result.lines(l: l) { Console.current.line(line) }
        }
        if let stopped = result.stopped { throw ExitCode(stopped.exitStatus) }
    }
}
