import Crypto
import Foundation

/// A signed statement of the log's state: how many events there were, the Merkle root over
/// them in commit order, and the length and head of the access log. Anyone holding it can
/// later check that the log still begins with exactly those events and entries.
///
/// The signed statement is the text up to and including the `access-head` line; an exported
/// checkpoint adds the public key and the signature (see docs/audit.md).
public struct Checkpoint: Sendable, Equatable {
    public static let header = "regie checkpoint 1"

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
                accessHead: ChainHash) {
        self.init(logID: logID, time: time, events: events, root: root, headsCount: heads.count,
                  headsDigest: CaseHead.digest(heads), accessEntries: accessEntries, accessHead: accessHead)
    }

    public init(logID: String, time: Date, events: Int, root: ChainHash, headsCount: Int, headsDigest: ChainHash,
                accessEntries: Int, accessHead: ChainHash) {
        self.logID = logID
        self.time = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
        self.events = events
        self.root = root
        self.headsCount = headsCount
        self.headsDigest = headsDigest
        self.accessEntries = accessEntries
        self.accessHead = accessHead
    }

    /// The exact bytes that are signed.
    public var statement: String {
        """
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

/// A checkpoint with the workspace's Ed25519 public key and its signature.
public struct SignedCheckpoint: Sendable, Equatable {
    public var checkpoint: Checkpoint
    public var publicKey: [UInt8]
    public var signature: [UInt8]

    public init(checkpoint: Checkpoint, publicKey: [UInt8], signature: [UInt8]) {
        self.checkpoint = checkpoint
        self.publicKey = publicKey
        self.signature = signature
    }

    /// True when the signature holds for the statement under `publicKey`.
    public var signatureHolds: Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: Data(checkpoint.statement.utf8))
    }

    /// The public key as written in exported files: `ed25519:` and base64.
    public var keyText: String { Self.keyText(publicKey) }

    public static func keyText(_ publicKey: [UInt8]) -> String { "ed25519:" + Data(publicKey).base64EncodedString() }

    /// The exported text file: the statement, then the key and the signature.
    public var exported: String {
        checkpoint.statement + "key \(keyText)\nsignature \(Data(signature).base64EncodedString())\n"
    }

    /// Reads an exported checkpoint.
    /// - Throws: ``CheckpointFormatError`` naming the first line that is wrong.
    public init(exported text: String) throws(CheckpointFormatError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let names = ["log", "time", "events", "root", "heads", "access", "access-head", "key", "signature"]
        guard lines.first == Checkpoint.header else { throw CheckpointFormatError(line: 1, expected: "`\(Checkpoint.header)`") }
        var values: [String] = []
        for (index, name) in names.enumerated() {
            let line = lines.count > index + 1 ? lines[index + 1] : ""
            guard line.hasPrefix(name + " ") else { throw CheckpointFormatError(line: index + 2, expected: "`\(name) …`") }
            values.append(String(line.dropFirst(name.count + 1)))
        }
        guard lines.dropFirst(names.count + 1).allSatisfy(\.isEmpty) else {
            throw CheckpointFormatError(line: names.count + 2, expected: "the end of the file")
        }
        guard let time = Checkpoint.timeFormat.date(from: values[1]) else { throw CheckpointFormatError(line: 3, expected: "a UTC time") }
        guard let events = Int(values[2]), events >= 0 else { throw CheckpointFormatError(line: 4, expected: "a count") }
        guard let root = ChainHash(hex: values[3]) else { throw CheckpointFormatError(line: 5, expected: "64 hex digits") }
        let headsParts = values[4].split(separator: " ")
        guard headsParts.count == 2, let headsCount = Int(headsParts[0]), headsCount >= 0,
              let headsDigest = ChainHash(hex: headsParts[1])
        else { throw CheckpointFormatError(line: 6, expected: "a count and 64 hex digits") }
        guard let access = Int(values[5]), access >= 0 else { throw CheckpointFormatError(line: 7, expected: "a count") }
        guard let head = ChainHash(hex: values[6]) else { throw CheckpointFormatError(line: 8, expected: "64 hex digits") }
        guard values[7].hasPrefix("ed25519:"), let key = Data(base64Encoded: String(values[7].dropFirst(8))), key.count == 32 else {
            throw CheckpointFormatError(line: 9, expected: "an ed25519 public key in base64")
        }
        guard let signature = Data(base64Encoded: values[8]), signature.count == 64 else {
            throw CheckpointFormatError(line: 10, expected: "a 64-byte signature in base64")
        }
        self.init(checkpoint: Checkpoint(logID: values[0], time: time, events: events, root: root,
                                         headsCount: headsCount, headsDigest: headsDigest,
                                         accessEntries: access, accessHead: head),
                  publicKey: Array(key), signature: Array(signature))
    }
}

/// An exported checkpoint file that cannot be read.
public struct CheckpointFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var expected: String
    public var description: String { "line \(line): expected \(expected)" }
}
