import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

struct ConfigGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "config", abstract: H("Record regie.yaml's people, teams and roles in the store, for the server.",
                                               "Leg de personen, teams en rollen uit regie.yaml vast in de opslag, voor de server."),
            discussion: H(
                "A server trusts only the recorded configuration: it does not start on a regie.yaml that differs. Applying "
                + "records who changed what and when; a person removed, moved or given another role loses their sessions "
                + "and tokens at once. Restart the servers to let them use what was granted.",
                "Een server vertrouwt alleen de vastgelegde configuratie: hij start niet met een regie.yaml die afwijkt. "
                + "Vastleggen bewaart wie wat wanneer veranderde; wie verwijderd, verplaatst of een andere rol krijgt, "
                + "verliest meteen zijn sessies en tokens. Herstart de servers om wat is toegekend te laten gelden."),
            subcommands: [ConfigApplyCommand.self, ConfigStatusCommand.self])
    }
}

/// The changes as JSON and as lines of text.
struct ConfigChangesJSON: Encodable {
    var version: Int
    var changes: [RecordedConfiguration.Change]

    static func lines(_ changes: [RecordedConfiguration.Change], _ l: L10n) -> [String] {
        changes.map { change in
            let what: String = switch change.kind {
            case "team_added": l("team \(change.subject) added", "team \(change.subject) toegevoegd")
            case "team_removed": l("team \(change.subject) removed", "team \(change.subject) verwijderd")
            case "person_added": l("\(change.subject) added (\(change.to ?? ""))", "\(change.subject) toegevoegd (\(change.to ?? ""))")
            case "person_removed": l("\(change.subject) removed (was \(change.from ?? ""))", "\(change.subject) verwijderd (was \(change.from ?? ""))")
            case "role_changed": l("\(change.subject): role \(change.from ?? "") → \(change.to ?? "")", "\(change.subject): rol \(change.from ?? "") → \(change.to ?? "")")
            case "teams_granted": l("\(change.subject) joins \(change.to ?? "")", "\(change.subject) komt bij \(change.to ?? "")")
            case "teams_withdrawn": l("\(change.subject) leaves \(change.from ?? "")", "\(change.subject) gaat weg bij \(change.from ?? "")")
            case "name_changed": l("\(change.subject): name \(change.from ?? "") → \(change.to ?? "")", "\(change.subject): naam \(change.from ?? "") → \(change.to ?? "")")
            default: l("\(change.subject): login by the identity provider changed", "\(change.subject): inloggen via de identity provider gewijzigd")
            }
            return "  " + what
        }
    }
}

struct ConfigApplyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "apply", abstract: H("Record the people, teams and roles of regie.yaml (coordinators).",
                                                               "Leg de personen, teams en rollen van regie.yaml vast (coördinatoren)."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() async throws {
        let session = try await CaseSession(global)
        let applied = try await session.applyConfiguration()
        if output.json { return try JSONOutput.print(ConfigChangesJSON(version: applied.version, changes: applied.pending)) }
        let l = session.l
        guard !applied.pending.isEmpty else {
            return Console.current.line(l("Nothing to apply: version \(applied.version) is what regie.yaml says.",
                                          "Niets vast te leggen: versie \(applied.version) is wat regie.yaml zegt."))
        }
        Console.current.line(l("Recorded version \(applied.version):", "Versie \(applied.version) vastgelegd:"))
        for line in ConfigChangesJSON.lines(applied.pending, l) { Console.current.line(line) }
    }
}

struct ConfigStatusCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "status", abstract: H("Show what applying regie.yaml would change.",
                                                                "Toon wat vastleggen van regie.yaml zou veranderen."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() async throws {
        let session = try await CaseSession(global)
        let status = try await session.configurationStatus()
        if output.json { return try JSONOutput.print(ConfigChangesJSON(version: status.version, changes: status.pending)) }
        let l = session.l
        if status.pending.isEmpty {
            return Console.current.line(l("regie.yaml matches the recorded configuration (version \(status.version)).",
                                          "regie.yaml komt overeen met de vastgelegde configuratie (versie \(status.version))."))
        }
        Console.current.line(l("Applying regie.yaml would change (recorded: version \(status.version)):",
                               "Vastleggen van regie.yaml zou veranderen (vastgelegd: versie \(status.version)):"))
        for line in ConfigChangesJSON.lines(status.pending, l) { Console.current.line(line) }
    }
}
