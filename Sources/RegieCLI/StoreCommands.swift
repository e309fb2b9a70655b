import ArgumentParser
import Foundation
import RegieApp
import RegieAudit
import RegieCore

/// `regie store`: the store as a whole.
struct StoreGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "store", abstract: H("The store as a whole: copy it to another backend, or work out its derived rows again.",
                                              "De opslag als geheel: kopieer hem naar een andere opslag, of leid de afgeleide gegevens opnieuw af."),
            subcommands: [StoreCopyCommand.self, StoreRefreshCommand.self])
    }
}

struct StoreCopyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "copy",
            abstract: H("Copy the whole store, with its chain, checkpoints and access log, to a new SQLite file or an empty PostgreSQL database.",
                        "Kopieer de hele opslag, met keten, controlepunten en inzagelog, naar een nieuw SQLite-bestand of een lege PostgreSQL-database."),
            discussion: H(
                "The copy keeps every hash, salt, position, checkpoint and read, verifies, and has the same Merkle "
                + "root; a target that already holds a store is refused. The password of a PostgreSQL target comes from "
                + "REGIE_TARGET_DATABASE_PASSWORD (else REGIE_DATABASE_PASSWORD). Afterwards, point `database:` in "
                + "regie.yaml at the copy and stop using the original: two stores with one log identity that both grow "
                + "are a fork. Coordinators and auditors only.",
                "De kopie houdt elke hash, zout, positie, controlepunt en inzage, wordt gecontroleerd en heeft "
                + "dezelfde Merkle-wortel; een doel dat al een opslag bevat wordt geweigerd. Het wachtwoord van een "
                + "PostgreSQL-doel komt uit REGIE_TARGET_DATABASE_PASSWORD (anders REGIE_DATABASE_PASSWORD). Zet daarna "
                + "`database:` in regie.yaml op de kopie en gebruik het origineel niet meer: twee opslagen met één "
                + "logidentiteit die allebei groeien, zijn een splitsing. Alleen coördinatoren en auditors."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(help: H("postgres://user@host:port/db, or the path of a SQLite file that does not exist yet.",
                    "postgres://gebruiker@host:poort/db, of het pad van een SQLite-bestand dat nog niet bestaat.")) var to: String

    struct Copied: Encodable {
        var events: Int
        var cases: Int
        var accessEntries: Int
        var checkpoints: Int
        var root: String
        var target: String
        var seconds: Double
    }

    func run() async throws {
        let session = try await CaseSession(global)
        let environment = ProcessEnvironment.current
        let access = StoreAccess(databaseURL: to,
                                 password: environment["REGIE_TARGET_DATABASE_PASSWORD"] ?? environment["REGIE_DATABASE_PASSWORD"])
        let target = to.hasPrefix("postgres") ? to : URL(fileURLWithPath: to).standardizedFileURL.path
        let result = try await session.copyStore(to: target, access: access, clock: { Date() })
        if output.json {
            return try JSONOutput.print(Copied(events: result.events, cases: result.cases, accessEntries: result.accessEntries,
                                               checkpoints: result.checkpoints, root: result.root.hex, target: result.target,
                                               seconds: (result.seconds * 1000).rounded() / 1000))
        }
        let l = session.l
        Console.current.line(l("Copied \(result.events) events in \(result.cases) cases, \(result.accessEntries) reads and \(result.checkpoints) checkpoints to \(result.target) in \(l.decimal(result.seconds)) s.",
                               "\(result.events) gebeurtenissen in \(result.cases) casussen, \(result.accessEntries) inzages en \(result.checkpoints) controlepunten gekopieerd naar \(result.target) in \(l.decimal(result.seconds)) s."))
        Console.current.line(l("Both verify with the root \(result.root.hex) over \(result.events) events.",
                               "Beide kloppen met de wortel \(result.root.hex) over \(result.events) gebeurtenissen."))
    }
}

struct StoreRefreshCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "refresh",
            abstract: H("Work out every case's report figures and case-list columns again from its events (coordinators, auditors).",
                        "Leid van elke casus de rapportcijfers en de kolommen van de casuslijst opnieuw af uit de gebeurtenissen (coördinatoren, auditors)."),
            discussion: H(
                "For a store upgraded from an earlier Regie, or filled by import: until a case's next command, the case list "
                + "otherwise works those columns out from its events on every read. The record itself does not change.",
                "Voor een opslag die van een eerdere Regie is bijgewerkt, of met een import is gevuld: tot de volgende opdracht "
                + "op een casus leidt de casuslijst die kolommen anders bij elke inzage af uit de gebeurtenissen. Het dossier zelf "
                + "verandert niet."))
    }

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let session = try await CaseSession(global)
        let count = try await session.refreshDerivedRows()
        let l = session.l
        Console.current.line(l("Worked out the stored figures of " + l.count(count, ("case", "cases"), ("casus", "casussen")) + " again.",
                               "De opgeslagen cijfers van " + l.count(count, ("case", "cases"), ("casus", "casussen")) + " opnieuw afgeleid."))
    }
}
