/// Recomputes the audit trail: every event's commitment and hash and its link to the one
/// before, version numbers without gaps, the commit order and its Merkle root, the access
/// log, and every checkpoint. Pure: the store feeds it rows in order.
///
/// Feed events ordered by (case, version) with ``check(_:)``, then access entries ordered by
/// sequence with ``checkAccess(_:)``, then call ``finish(listed:state:checkpoints:exported:trustedKey:)``.
public struct ChainVerifier {
    public private(set) var problems: [AuditProblem] = []
    public private(set) var events = 0
    public private(set) var cases = 0
    public private(set) var accessEntries = 0
    /// Checkpoints after the last signed one that are stored unsigned, waiting for the key holder.
    public private(set) var pendingCheckpoints = 0

    /// Event hashes by commit sequence, for the Merkle root of every prefix a checkpoint signed.
    private var bySequence: [ChainHash?]
    /// False when only part of the log is read (one case): the commit order cannot be checked.
    private let checksSequence: Bool
    private var sequenceOverflow = false
    /// The last event seen per case: its version and hash.
    private var lastOfCase: [Int: (version: Int, hash: ChainHash)] = [:]
    private var current: (caseID: Int, version: Int, hash: ChainHash, broken: Bool)?
    /// What checkpoints signed about (case, version), for naming where a log departs from them.
    private var signedHeads: [HeadKey: [(checkpoint: Int, hash: ChainHash)]] = [:]
    private var seenHeads: Set<HeadKey> = []
    /// Per case, the highest version whose signed head still matches the log.
    private var confirmed: [Int: Int] = [:]
    private var accessHashes: [ChainHash] = []
    /// Rules change rarely: the last stored text and its digests, parsed once.
    private var lastRules: (text: [String], digests: [ChainHash]?) = ([], [])
    private var accessPrevious = ChainHash.zero
    private var accessBroken = false

    struct HeadKey: Hashable { var caseID: Int; var version: Int }

    /// - Parameters:
    ///   - expectedEvents: the number of event rows the store holds (counted, never the
    ///     count its audit state claims, which may be forged), to size the commit-order
    ///     table; nil when only one case is checked.
    ///   - checkpoints: the stored checkpoints, whose head lists are checked while events stream by.
    public init(expectedEvents: Int?, checkpoints: [StoredCheckpoint]) {
        checksSequence = expectedEvents != nil
        bySequence = Array(repeating: nil, count: max(0, expectedEvents ?? 0))
        for stored in checkpoints {
            for head in stored.heads {
                signedHeads[HeadKey(caseID: head.caseID, version: head.version), default: []].append((stored.id, head.hash))
            }
        }
    }

    // MARK: - Events

    public mutating func check(_ event: AuditedEvent) {
        events += 1
        if current?.caseID != event.caseID {
            closeCurrent()
            cases += 1
            current = (event.caseID, 0, .zero, false)
        }
        var state = current!
        func report(_ kind: AuditProblem.Kind) {
            // Only the first break in a case is reported: everything after it follows from it.
            if !state.broken { problems.append(AuditProblem(kind, caseID: event.caseID, version: event.version)) }
            state.broken = true
        }
        // Versions come from the file: wrapping arithmetic, so a crafted Int.max cannot trap.
        if event.version != state.version &+ 1 { report(.versionGap(expected: state.version &+ 1)) }

        let format = UInt8(exactly: event.format).flatMap { EventEnvelope.readableFormats.contains($0) ? $0 : nil }
        if format == nil { report(.unreadable(column: "format")) }
        if let salt = event.salt, let payload = event.payload {
            if salt.count != PayloadCommitment.saltLength {
                report(.unreadable(column: "salt"))
            } else if let commitment = event.commitment, let format,
                      PayloadCommitment.of(salt: salt, payload: payload, format: format) != commitment {
                report(.payloadMismatch)
            }
        } else {
            // Regie has no erasure yet: an erasure will be an event of its own that says who,
            // when, why and which rows. Until then a missing payload or salt is damage.
            report(.payloadMissing)
        }
        if event.rules != lastRules.text {
            let digests = event.rules.map { ChainHash(ruleHash: $0) }
            lastRules = (event.rules, digests.contains(nil) ? nil : digests.map { $0! })
        }
        if let commitment = event.commitment, let previous = event.previous, let hash = event.hash, let rules = lastRules.digests {
            if previous != state.hash { report(.brokenLink) }
            let envelope = EventEnvelope(
                format: format ?? 0, caseID: event.caseID, version: event.version, previous: previous, type: event.type, actor: event.actor,
                recordedAt: event.recordedAt, rules: rules, commitment: commitment)
            if envelope.hash != hash { report(.hashMismatch) }
            state.hash = hash
        } else {
            let column = event.commitment == nil ? "commitment" : event.previous == nil ? "prev_hash"
                : event.hash == nil ? "hash" : "rules"
            report(.unreadable(column: column))
        }
        state.version = event.version

        let key = HeadKey(caseID: event.caseID, version: event.version)
        if let signed = signedHeads[key] {
            seenHeads.insert(key)
            let differing = signed.filter { $0.hash != event.hash }
            for (checkpoint, _) in differing {
                problems.append(AuditProblem(.checkpointHead(checkpoint: checkpoint, signedVersion: event.version,
                                                             confirmed: confirmed[event.caseID] ?? 0),
                                             caseID: event.caseID, version: event.version))
            }
            // A signed head that still matches confirms everything up to it: a change found
            // later lies after it. With heads at consecutive versions the event is named exactly.
            if differing.isEmpty, !state.broken { confirmed[event.caseID] = event.version }
        }
        if !checksSequence {
            // One case only: the commit order is checked with the whole log.
        } else if event.sequence >= 1, event.sequence <= bySequence.count, bySequence[event.sequence - 1] == nil, let hash = event.hash {
            bySequence[event.sequence - 1] = hash
        } else {
            sequenceOverflow = true
            problems.append(AuditProblem(.sequenceBroken(sequence: event.sequence), caseID: event.caseID, version: event.version))
        }
        current = state
    }

    private mutating func closeCurrent() {
        guard let current else { return }
        lastOfCase[current.caseID] = (current.version, current.hash)
    }

    // MARK: - Access log

    public mutating func checkAccess(_ entry: AuditedAccess) {
        accessEntries += 1
        let expected = accessHashes.count + 1
        func report(_ kind: AuditProblem.Kind) {
            if !accessBroken { problems.append(AuditProblem(kind, caseID: entry.envelope.caseID, accessSequence: entry.envelope.sequence)) }
            accessBroken = true
        }
        if entry.envelope.sequence != expected { report(.accessGap(expected: expected)) }
        if entry.envelope.previous != accessPrevious { report(.accessLink) }
        let hash = entry.hash ?? .zero
        if entry.hash == nil || entry.envelope.hash != hash { report(.accessHash) }
        accessHashes.append(hash)
        accessPrevious = hash
    }

    // MARK: - The whole log

    /// Checks the case list, the running state and the checkpoints against what streamed by.
    /// - Parameters:
    ///   - listed: the case list's versions and heads.
    ///   - exported: a checkpoint kept outside the database, if one is given.
    ///   - trustedKey: the workspace's public key; checkpoints signed by another key are reported.
    ///   - policy: the checkpoint policy the log was written under, to check that every checkpoint
    ///     it demanded exists; nil not to check.
    ///   - witnesses: keys whose cosignature the latest checkpoint must carry; any cosignature by
    ///     one of them, on any checkpoint, must hold. Cosignatures by other keys are ignored, as
    ///     the signed-note spec says.
    public mutating func finish(listed: [ListedCase], state: AuditState, checkpoints: [StoredCheckpoint],
                                exported: SignedCheckpoint?, trustedKey: [UInt8]?, retiredKeys: [[UInt8]] = [],
                                policy: CheckpointDemand? = nil, witnesses: [NoteKey] = []) -> [AuditProblem] {
        for stored in checkpoints {
            for cosignature in stored.signed.cosignatures {
                guard let witness = witnesses.first(where: { $0.name == cosignature.keyName && $0.keyID == cosignature.keyID }) else { continue }
                if !cosignature.holds(by: witness, over: stored.signed.checkpoint.statement) {
                    problems.append(AuditProblem(.cosignatureBroken(checkpoint: stored.id, witness: witness.name)))
                }
            }
        }
        if let latest = checkpoints.last(where: { !$0.signed.signature.isEmpty }) {
            for witness in witnesses where !latest.signed.cosignatures.contains(where: { $0.holds(by: witness, over: latest.signed.checkpoint.statement) }) {
                problems.append(AuditProblem(.cosignatureMissing(checkpoint: latest.id, witness: witness.name)))
            }
        } else {
            for witness in witnesses { problems.append(AuditProblem(.cosignatureMissing(checkpoint: 0, witness: witness.name))) }
        }
        closeCurrent()
        if let policy { problems += policy.missing(in: checkpoints, events: min(events, bySequence.count)) }
        // Checkpoints are numbered 1, 2, 3… and each marks the cases it listed: a gap, or a case
        // marked as listed by a checkpoint that is gone, means checkpoints were deleted.
        for (expected, stored) in checkpoints.enumerated() where stored.id != expected + 1 {
            problems.append(AuditProblem(.checkpointMissing(afterEvents: stored.signed.checkpoint.events,
                                                            reason: "checkpoint \(expected + 1) is gone")))
            break
        }
        if policy != nil {
            for listedCase in listed where listedCase.checkpointedVersion > 0
                && signedHeads[HeadKey(caseID: listedCase.caseID, version: listedCase.checkpointedVersion)] == nil {
                problems.append(AuditProblem(.checkpointMissing(afterEvents: 0, reason: "the one that listed version \(listedCase.checkpointedVersion)"),
                                             caseID: listedCase.caseID))
            }
        }
        for listedCase in listed {
            guard let last = lastOfCase.removeValue(forKey: listedCase.caseID) else {
                problems.append(AuditProblem(.caseWithoutEvents, caseID: listedCase.caseID))
                continue
            }
            if last.version != listedCase.version || listedCase.head != last.hash {
                problems.append(AuditProblem(.listDisagrees(listVersion: listedCase.version, logVersion: last.version),
                                             caseID: listedCase.caseID, version: last.version))
            }
        }
        for caseID in lastOfCase.keys.sorted() {
            problems.append(AuditProblem(.eventsWithoutListedCase, caseID: caseID))
        }

        // The commit order: 1...n without gaps, and the Merkle root of each signed prefix.
        if state.merkle.count != events {
            problems.append(AuditProblem(.countDisagrees(stated: state.merkle.count, found: events)))
        }
        let signedSizes = Set(checkpoints.map(\.signed.checkpoint.events) + (exported.map { [$0.checkpoint.events] } ?? []))
        var roots: [Int: ChainHash] = [0: MerkleLog().root]
        var merkle = MerkleLog()
        for hash in bySequence {
            guard let hash else { break }
            merkle.append(hash)
            if signedSizes.contains(merkle.count) { roots[merkle.count] = merkle.root }
        }
        if merkle.count < bySequence.count, !sequenceOverflow {
            problems.append(AuditProblem(.sequenceBroken(sequence: merkle.count + 1)))
        }
        if merkle.count == state.merkle.count, merkle.root != state.merkle.root {
            problems.append(AuditProblem(.rootDisagrees))
        }
        if state.accessEntries != accessHashes.count || (accessHashes.last ?? .zero) != state.accessHead {
            problems.append(AuditProblem(.accessCountDisagrees(stated: state.accessEntries, found: accessHashes.count)))
        }

        // Unsigned checkpoints may only come after the last signed one: a writer without the key
        // made them, and the key holder has not signed them yet. An unsigned one before a signed
        // one lost its signature.
        let lastSigned = checkpoints.last(where: { !$0.signed.signature.isEmpty })?.id ?? 0
        for stored in checkpoints {
            if stored.signed.signature.isEmpty && stored.signed.publicKey.isEmpty && stored.id > lastSigned {
                pendingCheckpoints += 1
                checkCheckpoint(stored.signed, id: stored.id, roots: roots, state: state, keys: nil)
            } else {
                checkCheckpoint(stored.signed, id: stored.id, roots: roots, state: state, keys: (trustedKey, retiredKeys))
            }
            if CaseHead.digest(stored.heads) != stored.signed.checkpoint.headsDigest
                || stored.heads.count != stored.signed.checkpoint.headsCount {
                problems.append(AuditProblem(.checkpointHeadsList(checkpoint: stored.id)))
            }
        }
        // Heads a checkpoint signed that the log no longer holds at all: cut off or deleted.
        for (key, signed) in signedHeads where !seenHeads.contains(key) {
            for (checkpoint, _) in signed {
                problems.append(AuditProblem(.checkpointHead(checkpoint: checkpoint, signedVersion: key.version,
                                                             confirmed: min(confirmed[key.caseID] ?? 0, key.version &- 1)),
                                             caseID: key.caseID, version: key.version))
            }
        }
        if let exported {
            checkCheckpoint(exported, id: 0, roots: roots, state: state, keys: (trustedKey, retiredKeys))
            if !checkpoints.contains(where: { $0.signed.sameStatement(as: exported) }) {
                problems.append(AuditProblem(.exportedNotInDatabase))
            }
        }
        problems.sort(by: Self.logOrder)
        return problems
    }

    /// - Parameter keys: the workspace's key and those retired on record; nil for a pending
    ///   checkpoint, which has no signature yet (everything else about it is checked).
    private mutating func checkCheckpoint(_ signed: SignedCheckpoint, id: Int, roots: [Int: ChainHash], state: AuditState,
                                          keys: (trusted: [UInt8]?, retired: [[UInt8]])?) {
        let checkpoint = signed.checkpoint
        if let keys {
            // An exported note names the log's key but does not carry it: it is checked under the
            // trusted keys, the current one and then those retired on record.
            let candidates = signed.publicKey.isEmpty ? (keys.trusted.map { [$0] } ?? []) + keys.retired : [signed.publicKey]
            if !candidates.contains(where: { signed.signatureHolds(under: $0) }) {
                problems.append(AuditProblem(.checkpointSignature(checkpoint: id)))
            }
            if let trusted = keys.trusted, !signed.publicKey.isEmpty, trusted != signed.publicKey,
               !keys.retired.contains(signed.publicKey) {
                problems.append(AuditProblem(.checkpointForeignKey(checkpoint: id)))
            }
        }
        if checkpoint.logID != state.logID { problems.append(AuditProblem(.checkpointOtherLog(checkpoint: id))) }
        if let root = roots[checkpoint.events] {
            if root != checkpoint.root { problems.append(AuditProblem(.checkpointRoot(checkpoint: id))) }
        } else {
            problems.append(AuditProblem(.checkpointBeyondLog(checkpoint: id, signed: checkpoint.events,
                                                              found: min(events, bySequence.count))))
        }
        // The signed count comes from the file: wrapping arithmetic, checked against the indices.
        let accessHead = checkpoint.accessEntries == 0 ? ChainHash.zero
            : accessHashes.indices.contains(checkpoint.accessEntries &- 1) ? accessHashes[checkpoint.accessEntries &- 1] : nil
        if accessHead != checkpoint.accessHead { problems.append(AuditProblem(.checkpointAccess(checkpoint: id))) }
    }

    /// Problems of a case first, by case and version; then the rest.
    public static func logOrder(_ a: AuditProblem, _ b: AuditProblem) -> Bool {
        switch (a.caseID, b.caseID) {
        case let (x?, y?) where x != y: return x < y
        case let (x?, y?) where x == y: return (a.version ?? .max) < (b.version ?? .max)
        case (.some, nil): return true
        default: return false
        }
    }
}
