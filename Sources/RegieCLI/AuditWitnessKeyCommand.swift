import RegieReports
import RegieApp
import RegieCore
import ArgumentParser
import Crypto
import Foundation
import RegieAudit

/// `regie audit witness-key`: makes a witness's signer key file and prints its verifier key.
struct AuditWitnessKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness-key", abstract: "Make a witness key: a signer key file to keep, and the verifier key to give out.")

    @Option(help: "The witness's key name, without spaces or `+`, such as privacy-officer.example.org/regie.") var name: String
    @Option(help: "The new signer key file (never overwritten; keep it outside the workspace).") var out: String

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
