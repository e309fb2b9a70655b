import Foundation
import RegieAudit

/// A whole store, row by row and byte for byte: what `regie store copy` reads from one
/// backend and writes into another. The hashes, salts, positions, checkpoints and access log
/// are kept exactly, so the copy verifies with the same Merkle root.
public struct StoreCopy: Sendable {
    public struct Rule: Sendable, Equatable {
        public var hash: String, kind: String, name: String, source: String, storedAt: Int64
        public init(hash: String, kind: String, name: String, source: String, storedAt: Int64) {
            self.hash = hash; self.kind = kind; self.name = name; self.source = source; self.storedAt = storedAt
        }
    }

    /// A row of the case list with its columns as stored.
    public struct Case: Sendable, Equatable {
        public var id: Int, team: String, clientLabel: String, state: String, phase: String, statusJSON: String
        public var round: Int, version: Int, complex: Bool, workflowHash: String, pluginHashes: String
        public var openedAt: Int64, updatedAt: Int64, head: Data?, checkpointedVersion: Int
        public init(id: Int, team: String, clientLabel: String, state: String, phase: String, statusJSON: String, round: Int, version: Int,
                    complex: Bool, workflowHash: String, pluginHashes: String, openedAt: Int64, updatedAt: Int64, head: Data?,
                    checkpointedVersion: Int) {
            self.id = id; self.team = team; self.clientLabel = clientLabel; self.state = state; self.phase = phase
            self.statusJSON = statusJSON; self.round = round; self.version = version; self.complex = complex
            self.workflowHash = workflowHash; self.pluginHashes = pluginHashes; self.openedAt = openedAt; self.updatedAt = updatedAt
            self.head = head; self.checkpointedVersion = checkpointedVersion
        }
    }

    /// An event row with its columns as stored.
    public struct Event: Sendable, Equatable {
        public var caseID: Int, version: Int, sequence: Int, type: String, actor: String, recordedAt: Int64, rules: String
        public var salt: Data?, payload: String?, commitment: Data, previous: Data, hash: Data, format: Int
        public init(caseID: Int, version: Int, sequence: Int, type: String, actor: String, recordedAt: Int64, rules: String, salt: Data?,
                    payload: String?, commitment: Data, previous: Data, hash: Data, format: Int) {
            self.caseID = caseID; self.version = version; self.sequence = sequence; self.type = type; self.actor = actor
            self.recordedAt = recordedAt; self.rules = rules; self.salt = salt; self.payload = payload; self.commitment = commitment
            self.previous = previous; self.hash = hash; self.format = format
        }
    }

    public struct Access: Sendable, Equatable {
        public var sequence: Int, actor: String, role: String, at: Int64, caseID: Int?, action: String, purpose: String
        public var previous: Data, hash: Data
        /// A server read's network address (format 2); nil for format 1.
        public var address: String?
        public init(sequence: Int, actor: String, role: String, at: Int64, caseID: Int?, action: String, purpose: String,
                    previous: Data, hash: Data, address: String? = nil) {
            self.sequence = sequence; self.actor = actor; self.role = role; self.at = at; self.caseID = caseID; self.action = action
            self.purpose = purpose; self.previous = previous; self.hash = hash; self.address = address
        }
    }

    public struct Checkpoint: Sendable, Equatable {
        public var id: Int, trigger: String, statement: String, publicKey: Data, signature: Data
        public init(id: Int, trigger: String, statement: String, publicKey: Data, signature: Data) {
            self.id = id; self.trigger = trigger; self.statement = statement; self.publicKey = publicKey; self.signature = signature
        }
    }

    public struct Head: Sendable, Equatable {
        public var checkpointID: Int, caseID: Int, version: Int, hash: Data
        public init(checkpointID: Int, caseID: Int, version: Int, hash: Data) {
            self.checkpointID = checkpointID; self.caseID = caseID; self.version = version; self.hash = hash
        }
    }

    public struct Cosignature: Sendable, Equatable {
        public var checkpointID: Int, keyName: String, keyID: Int64, signature: Data
        public init(checkpointID: Int, keyName: String, keyID: Int64, signature: Data) {
            self.checkpointID = checkpointID; self.keyName = keyName; self.keyID = keyID; self.signature = signature
        }
    }

    /// The log-head row: its id, Merkle state and access chain head, as stored.
    public var logID: String
    public var merkle: Data
    public var accessCount: Int
    public var accessHead: Data
    public var marks: [String] = []
    public var rules: [Rule] = []
    public var cases: [Case] = []
    public var events: [Event] = []
    public var accesses: [Access] = []
    public var checkpoints: [Checkpoint] = []
    public var heads: [Head] = []
    public var cosignatures: [Cosignature] = []
    public var facts: [CaseFactsColumns] = []

    public init(logID: String, merkle: Data, accessCount: Int, accessHead: Data) {
        self.logID = logID
        self.merkle = merkle
        self.accessCount = accessCount
        self.accessHead = accessHead
    }
}
