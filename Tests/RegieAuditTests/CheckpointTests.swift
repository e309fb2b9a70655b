import Crypto
import Foundation
import Testing

@testable import RegieAudit

@Suite("Checkpoints")
struct CheckpointTests {
    static func sample(format: Int = Checkpoint.currentFormat) -> Checkpoint {
        Checkpoint(logID: "log-1", time: Date(timeIntervalSince1970: 1_795_000_000.7), events: 12, root: .sha256([1]),
                   heads: [CaseHead(caseID: 2, version: 5, hash: .sha256([2]))], accessEntries: 3, accessHead: .sha256([3]),
                   format: format)
    }

    @Test("a checkpoint is a C2SP tlog-checkpoint body in a signed note, and reads back")
    func noteRoundTrip() throws {
        let key = Curve25519.Signing.PrivateKey()
        let signed = try Self.sample().signed(with: key)
        #expect(signed.signatureHolds)
        let lines = signed.exported.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "regie/log-1", "the origin")
        #expect(lines[1] == "12", "the tree size")
        #expect(Data(base64Encoded: lines[2]).map(Array.init) == ChainHash.sha256([1]).bytes, "the root in base64")
        #expect(lines[3] == "regie-time 2026-11-18T11:06:40Z")
        #expect(lines[6] == "" && lines[7].hasPrefix("\u{2014} regie/log-1 "), "a blank line, then the log's signature line")
        let back = try SignedCheckpoint(exported: signed.exported)
        #expect(back.checkpoint == signed.checkpoint && back.signature == signed.signature)
        #expect(back.publicKey.isEmpty, "a note names its key but does not carry it")
        #expect(back.signatureHolds(under: signed.publicKey))
        #expect(!back.signatureHolds(under: Array(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation)))
        #expect(back.sameStatement(as: signed))
    }

    @Test("format 1 checkpoints still read back and verify")
    func formatOne() throws {
        let key = Curve25519.Signing.PrivateKey()
        let signed = try Self.sample(format: 1).signed(with: key)
        #expect(signed.exported.hasPrefix("regie checkpoint 1\nlog log-1\ntime 2026-11-18T11:06:40Z"))
        let back = try SignedCheckpoint(exported: signed.exported)
        #expect(back == signed)
        #expect(back.signatureHolds)
    }

    @Test("changing any signed line breaks the signature", arguments: [1, 2])
    func tamperedStatement(_ format: Int) throws {
        let key = Curve25519.Signing.PrivateKey()
        let signed = try Self.sample(format: format).signed(with: key)
        let changes = format == 1 ? [("events 12", "events 11"), ("access 3", "access 4"), ("log log-1", "log log-2")]
            : [("\n12\n", "\n11\n"), ("regie-access 3", "regie-access 4"), ("regie/log-1\n", "regie/log-2\n")]
        for (from, to) in changes {
            let text = signed.exported.replacingOccurrences(of: from, with: to)
            if let back = try? SignedCheckpoint(exported: text) {
                #expect(!back.signatureHolds(under: signed.publicKey), "\(from) → \(to)")
            }
        }
        var other = signed
        other.publicKey = Array(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation)
        #expect(!other.signatureHolds)
    }

    @Test("a witness's cosignature is one more signature line, checked under the witness's key")
    func cosignature() throws {
        var signed = try Self.sample().signed(with: Curve25519.Signing.PrivateKey())
        let witness = NoteSigner(name: "privacy-officer.example/regie", privateKey: Curve25519.Signing.PrivateKey())
        let key = try #require(witness.key)
        #expect(NoteKey(verifierKey: key.verifierKey) == key)
        #expect(NoteSigner(signerKey: try #require(witness.signerKey))?.key == key)
        let line = key.signatureLine(try witness.sign(signed.checkpoint.statement))
        signed.cosignatures = [try #require(NoteSignature(line: line))]
        let back = try SignedCheckpoint(exported: signed.exported)
        #expect(back.cosignatures.count == 1)
        #expect(back.cosignatures[0].holds(by: key, over: back.checkpoint.statement))
        let stranger = try #require(NoteSigner(name: key.name, privateKey: Curve25519.Signing.PrivateKey()).key)
        #expect(!back.cosignatures[0].holds(by: stranger, over: back.checkpoint.statement), "same name, other key")
    }

    @Test("a malformed file names the first wrong line")
    func malformed() throws {
        let signed = try Self.sample(format: 1).signed(with: Curve25519.Signing.PrivateKey())
        #expect(throws: CheckpointFormatError(line: 1, expected: "`regie checkpoint 1` or a signed checkpoint note")) {
            try SignedCheckpoint(exported: "hello\n")
        }
        var lines = signed.exported.split(separator: "\n").map(String.init)
        lines[4] = "root nothex"
        #expect(throws: CheckpointFormatError(line: 5, expected: "64 hex digits")) {
            try SignedCheckpoint(exported: lines.joined(separator: "\n") + "\n")
        }
        let note = try Self.sample().signed(with: Curve25519.Signing.PrivateKey()).exported
        #expect(throws: CheckpointFormatError.self) { try SignedCheckpoint(exported: note.replacingOccurrences(of: "\n12\n", with: "\n012\n")) }
        #expect(throws: CheckpointFormatError.self) { try SignedCheckpoint(exported: String(note.dropLast(10)) + "\n") }
        let unsigned = note.components(separatedBy: "\n\u{2014}")[0] + "\n"
        #expect(throws: CheckpointFormatError.self) { try SignedCheckpoint(exported: unsigned) }
    }
}
