import Crypto
import Testing

@testable import RegieAudit

@Suite("SHA-256")
struct SHA256HasherTests {
    static func reference(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    @Test("matches swift-crypto for every length from 0 to 300 bytes and for a megabyte")
    func matchesReference() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...300) + [1 << 20] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(ChainHash.sha256(bytes).bytes == Self.reference(bytes), "length \(length)")
        }
    }

    @Test("the portable code gives the same digests as the hardware path")
    func portableMatches() {
        SHA256Hasher.usePortable(true)
        defer { SHA256Hasher.usePortable(false) }
        #expect(!SHA256Hasher.usesHardware)
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
            #expect(ChainHash.sha256(bytes).bytes == Self.reference(bytes), "length \(length)")
        }
    }

    @Test("gives the same digest however the input is split into updates")
    func splitUpdates() {
        let bytes = (0..<777).map { UInt8(truncatingIfNeeded: $0 * 31) }
        let expected = Self.reference(bytes)
        for split in [1, 7, 63, 64, 65, 128, 500] {
            var hasher = SHA256Hasher()
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + split)
                hasher.update(Array(bytes[offset..<end]))
                offset = end
            }
            #expect(hasher.finalize().bytes == expected, "split \(split)")
        }
    }

    @Test("known answer: SHA-256 of \"abc\"")
    func knownAnswer() {
        #expect(ChainHash.sha256(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ChainHash.sha256([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
