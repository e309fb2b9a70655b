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
    static let configuration = CommandConfiguration(
        commandName: "rotate-key", abstract: "Replace the audit signing key, on record (coordinators and auditors).",
        discussion: "Use it when the key leaked or was lost. The old public key is kept in the workspace so that the "
            + "checkpoints it signed still verify; a checkpoint signed with the new key records the reason. Witnesses see the change.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Why the key is replaced (recorded).") var reason: String

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
