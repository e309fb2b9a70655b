import Crypto
import Foundation

/// An Ed25519 key of a C2SP signed note (c2sp.org/signed-note): a key name and a public key,
/// with the key ID the spec recommends. The log signs its checkpoints with one; each witness
/// cosigns with its own.
///
///     key ID       = SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key)[:4]
///     verifier key = <name>+<8 hex digits of the key ID>+<base64(0x01 ‖ public key)>
///     signer key   = PRIVATE+KEY+<name>+<8 hex digits>+<base64(0x01 ‖ 32-byte seed)>
///
/// (the verifier and signer forms are those of the Go note package, which other tools read).
public struct NoteKey: Sendable, Equatable {
    /// The signature type of Ed25519 note signatures.
    public static let ed25519: UInt8 = 0x01

    public var name: String
    public var publicKey: [UInt8]

    /// - Returns: nil for a name the spec does not allow (empty, with spaces or `+`) or a key that is not 32 bytes.
    public init?(name: String, publicKey: [UInt8]) {
        guard Self.isValidName(name), publicKey.count == 32 else { return nil }
        self.name = name
        self.publicKey = publicKey
    }

    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("+") && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
    }

    public var keyID: UInt32 {
        let digest = SHA256.hash(data: Array(name.utf8) + [0x0A, Self.ed25519] + publicKey)
        return digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    public var keyIDHex: String { String(format: "%08x", keyID) }

    /// `<name>+<key ID>+<base64(0x01 ‖ public key)>`.
    public var verifierKey: String { "\(name)+\(keyIDHex)+" + Data([Self.ed25519] + publicKey).base64EncodedString() }

    /// Reads a verifier key; nil for anything else (the key ID must match the name and key).
    public init?(verifierKey text: String) {
        // The base64 may hold `+` too: only the first two split.
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let raw = Data(base64Encoded: String(parts[2])), raw.count == 33, raw.first == Self.ed25519,
              let key = NoteKey(name: String(parts[0]), publicKey: Array(raw.dropFirst())), key.keyIDHex == parts[1].lowercased()
        else { return nil }
        self = key
    }

    /// Whether `signature` (64 bytes, without the key ID) signs `text` under this key.
    public func verifies(_ signature: [UInt8], over text: String) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: Data(text.utf8))
    }

    /// The signature line of a signed note: `— <name> base64(key ID ‖ signature)`.
    public func signatureLine(_ signature: [UInt8]) -> String {
        NoteSignature(keyName: name, keyID: keyID, signature: signature).line
    }
}

/// A signer's key of a signed note, as the Go note package writes it.
public struct NoteSigner {
    public var name: String
    public var privateKey: Curve25519.Signing.PrivateKey

    public init(name: String, privateKey: Curve25519.Signing.PrivateKey) {
        self.name = name
        self.privateKey = privateKey
    }

    public var key: NoteKey? { NoteKey(name: name, publicKey: Array(privateKey.publicKey.rawRepresentation)) }

    /// `PRIVATE+KEY+<name>+<key ID>+<base64(0x01 ‖ seed)>`.
    public var signerKey: String? {
        key.map { "PRIVATE+KEY+\(name)+\($0.keyIDHex)+" + Data([NoteKey.ed25519] + Array(privateKey.rawRepresentation)).base64EncodedString() }
    }

    public init?(signerKey text: String) {
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", let raw = Data(base64Encoded: String(parts[4])),
              raw.count == 33, raw.first == NoteKey.ed25519,
              let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw.dropFirst())
        else { return nil }
        self.init(name: String(parts[2]), privateKey: privateKey)
        guard let key, key.keyIDHex == parts[3].lowercased() else { return nil }
    }

    public func sign(_ text: String) throws -> [UInt8] { Array(try privateKey.signature(for: Data(text.utf8))) }
}

/// One signature line of a signed note, read back.
public struct NoteSignature: Sendable, Equatable {
    public var keyName: String
    public var keyID: UInt32
    public var signature: [UInt8]

    public init(keyName: String, keyID: UInt32, signature: [UInt8]) {
        self.keyName = keyName
        self.keyID = keyID
        self.signature = signature
    }

    /// Reads `— <name> base64(key ID ‖ signature)`; nil for anything else.
    public init?(line: String) {
        guard line.hasPrefix("\u{2014} ") else { return nil }
        let parts = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, NoteKey.isValidName(String(parts[0])), let raw = Data(base64Encoded: String(parts[1])), raw.count == 68
        else { return nil }
        self.init(keyName: String(parts[0]), keyID: raw.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }, signature: Array(raw.dropFirst(4)))
    }

    /// `— <name> base64(key ID ‖ signature)`.
    public var line: String {
        let id: [UInt8] = [UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xff), UInt8(keyID >> 8 & 0xff), UInt8(keyID & 0xff)]
        return "\u{2014} \(keyName) " + Data(id + signature).base64EncodedString()
    }

    /// True when this is a signature by `key` (same name and key ID) that holds over `text`.
    public func holds(by key: NoteKey, over text: String) -> Bool {
        keyName == key.name && keyID == key.keyID && key.verifies(signature, over: text)
    }
}
