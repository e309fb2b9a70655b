import RegieReports
import RegieApp
import RegieCore
import ArgumentParser
import Foundation
import RegieAudit
import RegieStore

struct AuditCheckpointCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "checkpoint",
            abstract: H("Sign a checkpoint of the whole record now, optionally exporting it to keep elsewhere.",
                        "Onderteken nu een controlepunt van het hele dossier, en exporteer het eventueel om elders te bewaren."),
            discussion: H(
                "Regie also makes one every `audit: checkpoint_every` events or reads and whenever a case closes; "
                + "with `audit: signing: separate` those wait unsigned until this command, run by the key holder, signs "
                + "them. Keep exported checkpoints outside this workspace (another system, a git repository): `regie "
                + "audit verify --checkpoint FILE` later shows whether the record still holds exactly what was signed.",
                "Regie maakt er ook een elke `audit: checkpoint_every` gebeurtenissen of inzages en bij elke "
                + "afsluiting van een casus; met `audit: signing: separate` wachten die ongetekend tot deze opdracht, "
                + "uitgevoerd door wie de sleutel heeft, ze ondertekent. Bewaar geëxporteerde controlepunten buiten "
                + "deze werkomgeving (een ander systeem, een git-repository): `regie audit verify --checkpoint BESTAND` "
                + "laat later zien of het dossier nog precies bevat wat ondertekend is."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(help: H("Write the signed checkpoint to this file (a new file; `-` for standard output).",
                    "Schrijf het ondertekende controlepunt naar dit bestand (een nieuw bestand; `-` voor de standaarduitvoer).")) var export: String?

    struct Made: Encodable {
        var checkpoint: Int
        var events: Int
        var root: String
        var accessEntries: Int
        var key: String
        /// The log's key as a C2SP note verifier key, for tools that check the exported note.
        var verifierKey: String?
        var exportedTo: String?
        /// Checkpoints that writers without the key had stored unsigned, signed now.
        var signedPending: Int
    }

    func run() async throws {
        let session = try await CaseSession(global)
        let target = try export.map { path throws(RegieError) in try Self.checkedTarget(path, l: session.l) }
        let (stored, signedPending) = try await session.signCheckpoint()
        let signed = stored.signed
        if let target {
            if target == "-" {
                Console.current.line(String(signed.exported.dropLast()))
                return
            }
            try Self.write(signed.exported, to: target)
        }
        let c = signed.checkpoint
        if output.json {
            return try JSONOutput.print(Made(checkpoint: stored.id, events: c.events, root: c.root.hex,
                                             accessEntries: c.accessEntries, key: signed.keyText,
                                             verifierKey: signed.noteKey?.verifierKey, exportedTo: target, signedPending: signedPending))
        }
        let l = session.l
        Console.current.line(l("Checkpoint \(stored.id) signed: \(c.events) events, root \(c.root.hex.prefix(16))…, \(c.accessEntries) reads logged.",
                               "Controlepunt \(stored.id) ondertekend: \(c.events) gebeurtenissen, wortel \(c.root.hex.prefix(16))…, \(c.accessEntries) inzages gelogd."))
        if signedPending > 0 {
            Console.current.line(l("Also signed \(signedPending) checkpoints that were waiting for the key.",
                                   "Ook \(signedPending) controlepunten ondertekend die op de sleutel wachtten."))
        }
        if let target {
            Console.current.line(l("Exported to \(target). Keep it outside this workspace.",
                                   "Geëxporteerd naar \(target). Bewaar het buiten deze werkomgeving."))
        }
    }

    /// Refuses to overwrite: an exported checkpoint is evidence and must not be replaced by accident.
    static func checkedTarget(_ path: String, l: L10n) throws(RegieError) -> String {
        if path != "-", FileManager.default.fileExists(atPath: path) {
            throw RegieError(.usage, .checkpointExportExists, ["path": "\(path)"])
        }
        return path
    }

    static func write(_ text: String, to path: String) throws(RegieError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: [.withoutOverwriting])
        } catch {
            throw RegieError(.storage, .checkpointExportUnwritable, ["path": "\(path)"])
        }
    }
}
