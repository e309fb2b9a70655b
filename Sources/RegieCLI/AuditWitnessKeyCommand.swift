import RegieReports
import RegieApp
import RegieCore
import ArgumentParser
import Crypto
import Foundation
import RegieAudit

/// `regie audit witness-key`: makes a witness's signer key file and prints its verifier key.
struct AuditWitnessKeyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "witness-key", abstract: H("Make a witness key: a signer key file to keep, and the verifier key to give out.",
                                                    "Maak een getuigensleutel: een ondertekensleutel om te bewaren en de controlesleutel om uit te geven."))
    }

    @Option(help: H("The witness's key name, without spaces or `+`, such as privacy-officer.example.org/regie.",
                    "De sleutelnaam van de getuige, zonder spaties of `+`, zoals privacy-officer.example.org/regie.")) var name: String
    @Option(help: H("The new signer key file (never overwritten; keep it outside the workspace).",
                    "Het nieuwe bestand met de ondertekensleutel (nooit overschreven; bewaar het buiten de werkomgeving).")) var out: String

    func run() async throws {
        let signer = NoteSigner(name: name, privateKey: Curve25519.Signing.PrivateKey())
        guard let key = signer.key, let text = signer.signerKey else {
            throw RegieError(.usage, .keyNameInvalid, ["name": "\(name)"])
        }
        let fd = open(out, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw RegieError(.usage, .keyFileExists, ["path": "\(out)"])
        }
        let bytes = Array((text + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else {
            unlink(out)
            throw RegieError(.storage, .keyFileUnwritable, ["path": "\(out)"])
        }
        Console.current.line(key.verifierKey)
    }
}
