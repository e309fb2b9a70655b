import RegieReports
import RegieApp
import RegieCore
import ArgumentParser
import Crypto
import Foundation
import RegieAudit
import RegieStore

/// `regie audit witness`: a second key holder (a privacy officer, say) cosigns the latest
/// checkpoint, after checking that it extends the last one they cosigned. Their key and their
/// memory of what they cosigned live outside the workspace, so whoever writes the database
/// cannot roll the record back past a witnessed checkpoint without it showing.
struct AuditWitnessCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "witness",
            abstract: H("Cosign the latest checkpoint as a witness, after checking it extends the last one you cosigned.",
                        "Onderteken als getuige het laatste controlepunt mee, na controle dat het voortbouwt op het vorige dat je meetekende."),
            discussion: H(
                "Checks the log's signature, and a consistency proof (RFC 9162) from the checkpoint in --state to the "
                + "latest one, computed from the database's events. Only then it adds your cosignature to the "
                + "checkpoint and remembers it in --state. Make a witness key once with `regie audit witness-key`; give "
                + "`regie audit verify --witness KEY` your verifier key to demand your cosignature.",
                "Controleert de handtekening van het log en een consistentiebewijs (RFC 9162) van het controlepunt in "
                + "--state naar het laatste, berekend uit de gebeurtenissen in de database. Pas dan voegt het je "
                + "medeondertekening toe aan het controlepunt en onthoudt het in --state. Maak eenmalig een "
                + "getuigensleutel met `regie audit witness-key`; geef `regie audit verify --witness SLEUTEL` je "
                + "controlesleutel om je medeondertekening te eisen."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(help: H("Your witness signer key file (from `regie audit witness-key`), kept outside the workspace.",
                    "Het bestand met je ondertekensleutel als getuige (van `regie audit witness-key`), buiten de werkomgeving bewaard.")) var key: String
    @Option(help: H("The file in which you keep the size and root you last cosigned (made on first use).",
                    "Het bestand met de grootte en wortel die je het laatst meetekende (gemaakt bij het eerste gebruik).")) var state: String

    struct Cosigned: Encodable {
        var checkpoint: Int
        var events: Int
        var root: String
        var witness: String
        var extendedFrom: Int?
    }

    func run() async throws {
        let session = try await CaseSession(global)
        let l = session.l
        let signer = try Self.signer(at: key)
        guard let witnessKey = signer.key else { throw Self.badKey(key) }
        let remembered = try WitnessState.read(state)
        let latest = try await session.cosignLatest(as: signer, after: remembered)
        let checkpoint = latest.signed.checkpoint
        try WitnessState.write(WitnessState(size: checkpoint.events, root: checkpoint.root), to: state)
        if output.json {
            return try JSONOutput.print(Cosigned(checkpoint: latest.id, events: checkpoint.events, root: checkpoint.root.hex,
                                                 witness: witnessKey.name, extendedFrom: remembered?.size))
        }
        Console.current.line(l("Cosigned checkpoint \(latest.id) (\(checkpoint.events) events) as \(witnessKey.name)",
                               "Controlepunt \(latest.id) (\(checkpoint.events) gebeurtenissen) medeondertekend als \(witnessKey.name)")
                             + (remembered.map { l(", consistent with the \($0.size) events you cosigned before.",
                                                   ", in lijn met de \($0.size) gebeurtenissen die u eerder medeondertekende.") } ?? "."))
    }

    static func signer(at path: String) throws(RegieError) -> NoteSigner {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let signer = NoteSigner(signerKey: text) else {
            throw badKey(path)
        }
        return signer
    }

    static func badKey(_ path: String) -> RegieError {
        RegieError(.usage, .witnessSignerKeyInvalid, ["path": "\(path)"])
    }
}
