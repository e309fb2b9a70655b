import ArgumentParser
import Foundation
import RegieAudit
import RegieApp
import RegieCore
import RegieReports
import RegieStore

/// `regie audit rotate-key`: the one way besides `regie init` to get a new signing key. The
/// old public key is retired on record (so what it signed still verifies), and a checkpoint
/// signed with the new key says why the key changed.
struct AuditRotateKeyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rotate-key", abstract: H("Replace the audit signing key, on record (coordinators and auditors).",
                                                   "Vervang de ondertekensleutel van het dossier, vastgelegd (coördinatoren en auditors)."),
            discussion: H(
                "Use it when the key leaked or was lost. The old public key is kept in the workspace so that the "
                + "checkpoints it signed still verify; a checkpoint signed with the new key records the reason. "
                + "Witnesses see the change.",
                "Gebruik dit als de sleutel is uitgelekt of kwijt is. De oude publieke sleutel blijft in de "
                + "werkomgeving zodat de controlepunten die hij ondertekende nog kloppen; een controlepunt met de "
                + "nieuwe sleutel legt de reden vast. Getuigen zien de wissel."))
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: H("Why the key is replaced (recorded).", "Waarom de sleutel wordt vervangen (vastgelegd).")) var reason: String

    func run() async throws {
        let session = try await CaseSession(global)
        let stored = try await session.rotateSigningKey(reason: reason)
        let l = session.l
        Console.current.line(l("A new signing key is in place; checkpoint \(stored.id), signed with it, records why. "
                               + "Give witnesses and auditors the new public key: \(SignedCheckpoint.keyText(stored.signed.publicKey)).",
                               "Er is een nieuwe ondertekensleutel; controlepunt \(stored.id), ermee ondertekend, legt vast waarom. "
                               + "Geef getuigen en auditors de nieuwe publieke sleutel: \(SignedCheckpoint.keyText(stored.signed.publicKey))."))
    }
}
