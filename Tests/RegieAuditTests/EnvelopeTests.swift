import Crypto
import Testing

@testable import RegieAudit

@Suite("Envelopes and hashes")
struct EnvelopeTests {
    @Test("the event envelope's bytes follow the documented layout")
    func eventLayout() throws {
        let commitment = ChainHash.sha256([9])
        let rule = ChainHash.sha256([1])
        let envelope = EventEnvelope(caseID: 7, version: 2, previous: .zero, type: "goal_added", actor: "anna",
                                     recordedAt: 1_000, rules: [rule], commitment: commitment)
        var expected: [UInt8] = [2]
        expected += [0, 0, 0, 0, 0, 0, 0, 7] + [0, 0, 0, 0, 0, 0, 0, 2]
        expected += [UInt8](repeating: 0, count: 32)
        expected += [0, 0, 0, 10] + Array("goal_added".utf8)
        expected += [0, 0, 0, 4] + Array("anna".utf8)
        expected += [0, 0, 0, 0, 0, 0, 0x03, 0xe8]
        expected += [0, 0, 0, 1] + rule.bytes
        expected += commitment.bytes
        #expect(envelope.bytes == expected)
        #expect(envelope.hash == ChainHash(Array(SHA256.hash(data: [0] + expected))), "the RFC 6962 leaf hash")
        var old = envelope
        old.format = 1
        #expect(old.bytes == [1] + expected.dropFirst(), "format 1 has the same layout")
        #expect(old.hash != envelope.hash, "the format takes part in the hash")
        #expect(ChainHash(ruleHash: rule.ruleHash) == rule)
        #expect(ChainHash(ruleHash: "md5:00") == nil)
    }

    @Test("every envelope field takes part in the hash")
    func everyFieldCounts() {
        let base = EventEnvelope(caseID: 1, version: 1, previous: .zero, type: "t", actor: "a", recordedAt: 5, rules: [.zero],
                                 commitment: .zero)
        var variants: [EventEnvelope] = []
        for change in 0..<8 {
            var e = base
            switch change {
            case 0: e.caseID = 2
            case 1: e.version = 2
            case 2: e.previous = .sha256([1])
            case 3: e.type = "u"
            case 4: e.actor = "b"
            case 5: e.recordedAt = 6
            case 6: e.rules = [.zero, .sha256([3])]
            default: e.commitment = .sha256([2])
            }
            variants.append(e)
        }
        #expect(Set(variants.map(\.hash) + [base.hash]).count == 9)
    }

    @Test("a payload commitment depends on the salt and on every byte of the payload")
    func commitment() {
        let salt = PayloadCommitment.newSalt()
        #expect(salt.count == 16)
        #expect(PayloadCommitment.newSalt() != salt)
        let payload = Array(#"{"text":"x"}"#.utf8)
        let c = PayloadCommitment.of(salt: salt, payload: payload)
        let framed: [UInt8] = [2] + salt + [0, 0, 0, 0, 0, 0, 0, UInt8(payload.count)] + payload
        #expect(c == ChainHash(Array(SHA256.hash(data: framed))), "format 2: domain-separated and length-prefixed")
        #expect(PayloadCommitment.of(salt: salt, payload: payload, format: 1) == ChainHash(Array(SHA256.hash(data: salt + payload))),
                "format 1 is still read")
        #expect(PayloadCommitment.of(salt: PayloadCommitment.newSalt(), payload: payload) != c)
        var changed = payload
        changed[3] ^= 1
        #expect(PayloadCommitment.of(salt: salt, payload: changed) != c)
        #expect(PayloadCommitment.of(salt: salt, payload: payload, format: 3) == nil, "a format Regie never wrote")
    }

    @Test("no byte can move between salt and payload, in either format")
    func boundary() {
        let salt = PayloadCommitment.newSalt()
        let payload = Array(#"{"text":"x"}"#.utf8)
        // Moving the salt's last byte into the payload, or the payload's first byte into the salt.
        let shorter = Array(salt.dropLast()), longer = salt + [payload[0]]
        for format: UInt8 in [1, 2] {
            #expect(PayloadCommitment.of(salt: shorter, payload: [salt.last!] + payload, format: format) == nil)
            #expect(PayloadCommitment.of(salt: longer, payload: Array(payload.dropFirst()), format: format) == nil)
        }
    }

    @Test("hex reads back, and malformed hex is refused")
    func hex() throws {
        let hash = ChainHash.sha256(Array("x".utf8))
        #expect(ChainHash(hex: hash.hex) == hash)
        #expect(ChainHash(hex: hash.hex.uppercased()) == hash)
        #expect(ChainHash(hex: String(hash.hex.dropLast())) == nil)
        #expect(ChainHash(hex: "g" + hash.hex.dropFirst()) == nil)
        #expect(ChainHash([1, 2, 3]) == nil)
    }
}
