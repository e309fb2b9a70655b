import Crypto
import Foundation

/// A signed statement of the log's state: how many events there were, the Merkle root over
/// them in commit order, and the length and head of the access log. Anyone holding it can
/// later check that the log still begins with exactly those events and entries.
///
/// Format 2 (written now) is a C2SP `tlog-checkpoint` body (origin, tree size, base64 root)
/// with Regie's own extension lines, signed as a C2SP signed note; format 1 (Regie's own text,
/// written before) is still read. Both are in docs/audit.md.
public struct Checkpoint: Sendable, Equatable {
    public static let header = "regie checkpoint 1"
    /// The format Regie writes.
    public static let currentFormat = 2

    public var format: Int
    /// The workspace log this statement is about (a random id chosen when the log began).
    public var logID: String
    /// UTC, whole seconds.
    public var time: Date
    public var events: Int
    public var root: ChainHash
    /// How many case heads the checkpoint lists and their digest (``CaseHead/digest(_:)``): the
    /// head of every case that changed since the previous checkpoint, so that a later
    /// verification can name the case and version where a log departs from this statement.
    /// The list itself is kept in the database beside the checkpoint.
    public var headsCount: Int
    public var headsDigest: ChainHash
    public var accessEntries: Int
    public var accessHead: ChainHash

    public init(logID: String, time: Date, events: Int, root: ChainHash, heads: [CaseHead], accessEntries: Int,
                accessHead: ChainHash, format: Int = Checkpoint.currentFormat) {
        self.init(logID: logID, time: time, events: events, root: root, headsCount: heads.count,
                  headsDigest: CaseHead.digest(heads), accessEntries: accessEntries, accessHead: accessHead, format: format)
    }

    public init(logID: String, time: Date, events: Int, root: ChainHash, headsCount: Int, headsDigest: ChainHash,
                accessEntries: Int, accessHead: ChainHash, format: Int = Checkpoint.currentFormat) {
        self.format = format
        self.logID = logID
        self.time = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
        self.events = events
        self.root = root
        self.headsCount = headsCount
        self.headsDigest = headsDigest
        self.accessEntries = accessEntries
        self.accessHead = accessHead
    }

    /// The log's origin line and key name in format 2: `regie/<log id>`.
    public var origin: String { "regie/" + logID }

    /// The exact bytes that are signed: in format 2 the note text, ending in a newline.
    public var statement: String {
        if format == 1 {
            return """
                \(Self.header)
                log \(logID)
                time \(Self.timeFormat.string(from: time))
                events \(events)
                root \(root.hex)
                heads \(headsCount) \(headsDigest.hex)
                access \(accessEntries)
                access-head \(accessHead.hex)

                """
        }
        return """
            \(origin)
            \(events)
            \(Data(root.bytes).base64EncodedString())
            regie-time \(Self.timeFormat.string(from: time))
            regie-heads \(headsCount) \(headsDigest.hex)
            regie-access \(accessEntries) \(accessHead.hex)

            """
    }

    /// Reads a statement of either format.
    /// - Throws: ``CheckpointFormatError`` naming the first line that is wrong.
    public init(statement text: String) throws(CheckpointFormatError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.last == "" else { throw CheckpointFormatError(line: lines.count, expected: "a newline at the end") }
        lines.removeLast()
        if lines.first == Self.header {
            let names = ["log", "time", "events", "root", "heads", "access", "access-head"]
            var values: [String] = []
            for (index, name) in names.enumerated() {
                guard index + 1 < lines.count, lines[index + 1].hasPrefix(name + " ") else {
                    throw CheckpointFormatError(line: index + 2, expected: "`\(name) …`")
                }
                values.append(String(lines[index + 1].dropFirst(name.count + 1)))
            }
            guard lines.count == names.count + 1 else { throw CheckpointFormatError(line: names.count + 2, expected: "the end of the statement") }
            guard let time = Self.timeFormat.date(from: values[1]) else { throw CheckpointFormatError(line: 3, expected: "a UTC time") }
            guard let events = Int(values[2]), events >= 0 else { throw CheckpointFormatError(line: 4, expected: "a count") }
            guard let root = ChainHash(hex: values[3]) else { throw CheckpointFormatError(line: 5, expected: "64 hex digits") }
            let (headsCount, headsDigest) = try Self.countAndHash(values[4], line: 6)
            guard let access = Int(values[5]), access >= 0 else { throw CheckpointFormatError(line: 7, expected: "a count") }
            guard let head = ChainHash(hex: values[6]) else { throw CheckpointFormatError(line: 8, expected: "64 hex digits") }
            self.init(logID: values[0], time: time, events: events, root: root, headsCount: headsCount, headsDigest: headsDigest,
                      accessEntries: access, accessHead: head, format: 1)
            return
        }
        guard lines.count == 6 else { throw CheckpointFormatError(line: 1, expected: "`\(Self.header)` or a checkpoint note of six lines") }
        guard lines[0].hasPrefix("regie/"), lines[0].count > 6 else { throw CheckpointFormatError(line: 1, expected: "the origin `regie/<log id>`") }
        guard let events = Int(lines[1]), events >= 0, String(events) == lines[1] else { throw CheckpointFormatError(line: 2, expected: "the tree size") }
        guard let rootBytes = Data(base64Encoded: lines[2]), let root = ChainHash(rootBytes) else {
            throw CheckpointFormatError(line: 3, expected: "the base64 root hash")
        }
        guard lines[3].hasPrefix("regie-time "), let time = Self.timeFormat.date(from: String(lines[3].dropFirst(11))) else {
            throw CheckpointFormatError(line: 4, expected: "`regie-time` and a UTC time")
        }
        guard lines[4].hasPrefix("regie-heads ") else { throw CheckpointFormatError(line: 5, expected: "`regie-heads …`") }
        let (headsCount, headsDigest) = try Self.countAndHash(String(lines[4].dropFirst(12)), line: 5)
        guard lines[5].hasPrefix("regie-access ") else { throw CheckpointFormatError(line: 6, expected: "`regie-access …`") }
        let (access, head) = try Self.countAndHash(String(lines[5].dropFirst(13)), line: 6)
        self.init(logID: String(lines[0].dropFirst(6)), time: time, events: events, root: root, headsCount: headsCount,
                  headsDigest: headsDigest, accessEntries: access, accessHead: head, format: 2)
    }

    private static func countAndHash(_ text: String, line: Int) throws(CheckpointFormatError) -> (Int, ChainHash) {
        let parts = text.split(separator: " ")
        guard parts.count == 2, let count = Int(parts[0]), count >= 0, let hash = ChainHash(hex: parts[1]) else {
            throw CheckpointFormatError(line: line, expected: "a count and 64 hex digits")
        }
        return (count, hash)
    }

    public func signed(with key: Curve25519.Signing.PrivateKey) throws -> SignedCheckpoint {
        let signature = try key.signature(for: Data(statement.utf8))
        return SignedCheckpoint(checkpoint: self, publicKey: Array(key.publicKey.rawRepresentation), signature: Array(signature))
    }

    nonisolated(unsafe) static let timeFormat: ISO8601DateFormatter = {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime]
        return format
    }()
}

/// A checkpoint with the log's Ed25519 signature, and the witnesses' cosignatures.
public struct SignedCheckpoint: Sendable, Equatable {
    public var checkpoint: Checkpoint
    /// The log's public key; empty when read from an exported note, which names the key but
    /// does not carry it (the verifier brings the key it trusts).
    public var publicKey: [UInt8]
    public var signature: [UInt8]
    /// Other signature lines of the note: witnesses' cosignatures (format 2 only).
    public var cosignatures: [NoteSignature]
    /// The key ID on the log's signature line, for a checkpoint read from a note.
    public var logKeyID: UInt32?

    public init(checkpoint: Checkpoint, publicKey: [UInt8], signature: [UInt8], cosignatures: [NoteSignature] = []) {
        self.checkpoint = checkpoint
        self.publicKey = publicKey
        self.signature = signature
        self.cosignatures = cosignatures
    }

    /// True when the signature holds for the statement under `publicKey`.
    public var signatureHolds: Bool { signatureHolds(under: publicKey) }

    /// True when the log's signature holds under `key` (for format 2 the note's key ID must
    /// also be that of `key`, which ``init(exported:)`` checked against the origin's name).
    public func signatureHolds(under key: [UInt8]) -> Bool {
        guard let verifier = try? Curve25519.Signing.PublicKey(rawRepresentation: key) else { return false }
        if checkpoint.format >= 2, let expected = logKeyID, let noteKey = NoteKey(name: checkpoint.origin, publicKey: key),
           noteKey.keyID != expected {
            return false
        }
        return verifier.isValidSignature(signature, for: Data(checkpoint.statement.utf8))
    }

    /// The log's key as a note key, when the public key is known.
    public var noteKey: NoteKey? { NoteKey(name: checkpoint.origin, publicKey: publicKey) }

    /// The public key as written in exported files of format 1: `ed25519:` and base64.
    public var keyText: String { Self.keyText(publicKey) }

    public static func keyText(_ publicKey: [UInt8]) -> String { "ed25519:" + Data(publicKey).base64EncodedString() }

    /// The exported text: format 2 the signed note (the log's signature line, then each
    /// cosignature); format 1 the statement, then the key and the signature.
    public var exported: String {
        if checkpoint.format == 1 {
            return checkpoint.statement + "key \(keyText)\nsignature \(Data(signature).base64EncodedString())\n"
        }
        let lines = (noteKey.map { [$0.signatureLine(signature)] } ?? []) + cosignatures.map(\.line)
        return checkpoint.statement + "\n" + lines.map { $0 + "\n" }.joined()
    }

    /// Reads an exported checkpoint of either format.
    /// - Throws: ``CheckpointFormatError`` naming the first line that is wrong.
    public init(exported text: String) throws(CheckpointFormatError) {
        guard !text.hasPrefix(Checkpoint.header + "\n") else {
            try self.init(formatOne: text)
            return
        }
        guard text.utf8.count <= 1 << 16 else { throw CheckpointFormatError(line: 0, expected: "a note of at most 64 KiB") }
        guard text.hasSuffix("\n"), let split = text.dropLast().range(of: "\n\n", options: .backwards) else {
            throw CheckpointFormatError(line: 1, expected: "`\(Checkpoint.header)` or a signed checkpoint note")
        }
        let body = String(text[..<split.lowerBound]) + "\n"
        let checkpoint = try Checkpoint(statement: body)
        let lineOffset = body.split(separator: "\n", omittingEmptySubsequences: false).count
        var signatures: [NoteSignature] = []
        for (index, line) in text[split.upperBound...].dropLast().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let signature = NoteSignature(line: String(line)) else {
                throw CheckpointFormatError(line: lineOffset + 1 + index, expected: "a signature line `— <key name> <base64>`")
            }
            signatures.append(signature)
        }
        guard signatures.count <= 32 else { throw CheckpointFormatError(line: lineOffset + 1, expected: "at most 32 signatures") }
        guard let log = signatures.first(where: { $0.keyName == checkpoint.origin }) else {
            throw CheckpointFormatError(line: lineOffset + 1, expected: "a signature by the log, `— \(checkpoint.origin) …`")
        }
        self.init(checkpoint: checkpoint, publicKey: [], signature: log.signature,
                  cosignatures: signatures.filter { $0.keyName != checkpoint.origin })
        logKeyID = log.keyID
    }

    private init(formatOne text: String) throws(CheckpointFormatError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The statement is the first eight lines; then the key and the signature.
        let checkpoint = try Checkpoint(statement: lines.prefix(8).joined(separator: "\n") + "\n")
        guard lines.count > 8, lines[8].hasPrefix("key ") else { throw CheckpointFormatError(line: 9, expected: "`key …`") }
        guard lines.count > 9, lines[9].hasPrefix("signature ") else { throw CheckpointFormatError(line: 10, expected: "`signature …`") }
        let keyText = String(lines[8].dropFirst(4)), signatureText = String(lines[9].dropFirst(10))
        guard keyText.hasPrefix("ed25519:"), let key = Data(base64Encoded: String(keyText.dropFirst(8))), key.count == 32 else {
            throw CheckpointFormatError(line: 9, expected: "an ed25519 public key in base64")
        }
        guard let signature = Data(base64Encoded: signatureText), signature.count == 64 else {
            throw CheckpointFormatError(line: 10, expected: "a 64-byte signature in base64")
        }
        guard lines.dropFirst(10).allSatisfy(\.isEmpty) else { throw CheckpointFormatError(line: 11, expected: "the end of the file") }
        self.init(checkpoint: checkpoint, publicKey: Array(key), signature: Array(signature))
    }

    /// Two checkpoints are the same statement with the same log signature (keys and
    /// cosignatures aside).
    public func sameStatement(as other: SignedCheckpoint) -> Bool {
        checkpoint == other.checkpoint && signature == other.signature
    }
}

/// An exported checkpoint file that cannot be read.
public struct CheckpointFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var expected: String
    public var description: String { "line \(line): expected \(expected)" }
}
