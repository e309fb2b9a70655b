import Crypto
import Foundation
import Testing

@testable import RegieAudit

@Suite("Checkpoints")
struct CheckpointTests {
    static func sample() -> Checkpoint {
        Checkpoint(logID: "log-1", time: Date(timeIntervalSince1970: 1_795_000_000.7), events: 12, root: .sha256([1]),
                   heads: [CaseHead(caseID: 2, version: 5, hash: .sha256([2]))], accessEntries: 3, accessHead: .sha256([3]))
    }

    @Test("an exported checkpoint reads back and its signature holds")
    func exportRoundTrip() throws {
        let key = Curve25519.Signing.PrivateKey()
        let signed = try Self.sample().signed(with: key)
        #expect(signed.signatureHolds)
        let back = try SignedCheckpoint(exported: signed.exported)
        #expect(back == signed)
        #expect(back.signatureHolds)
        #expect(signed.exported.hasPrefix("regie checkpoint 1\nlog log-1\ntime 2026-11-18T11:06:40Z"))
    }

    @Test("changing any signed line breaks the signature")
    func tamperedStatement() throws {
        let signed = try Self.sample().signed(with: Curve25519.Signing.PrivateKey())
        for (from, to) in [("events 12", "events 11"), ("access 3", "access 4"), ("log log-1", "log log-2")] {
            let text = signed.exported.replacingOccurrences(of: from, with: to)
            let back = try SignedCheckpoint(exported: text)
            #expect(!back.signatureHolds, "\(from) → \(to)")
        }
        var other = signed
        other.publicKey = Array(Curve25519.Signing.PrivateKey().publicKey.rawRepresentation)
        #expect(!other.signatureHolds)
    }

    @Test("a malformed file names the first wrong line")
    func malformed() throws {
        let signed = try Self.sample().signed(with: Curve25519.Signing.PrivateKey())
        #expect(throws: CheckpointFormatError(line: 1, expected: "`regie checkpoint 1`")) {
            try SignedCheckpoint(exported: "hello\n")
        }
        let lines = signed.exported.split(separator: "\n").map(String.init)
        var broken = lines
        broken[4] = "root nothex"
        #expect(throws: CheckpointFormatError(line: 5, expected: "64 hex digits")) {
            try SignedCheckpoint(exported: broken.joined(separator: "\n"))
        }
        #expect(throws: CheckpointFormatError.self) {
            try SignedCheckpoint(exported: lines.dropLast().joined(separator: "\n"))
        }
    }
}
