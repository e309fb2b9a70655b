import Crypto
import Foundation
import RegieAudit
import RegieCore
import RegieStore
import Testing

/// How the conformance suite gets stores of one backend.
package protocol StoreBackend: Sendable {
    /// Names the backend in test output.
    var name: String { get }
    /// A new, empty store (created as `regie init` would), with salts from `salts`.
    func makeStore(salts: SaltSource) async throws -> any EventStore
    /// Another instance (its own connections) on the same store as `store`, as a second process would have.
    func connect(to store: any EventStore) async throws -> any EventStore
    /// Starts a write transaction on `store` from another process or connection, writes an event row
    /// into it, and kills that writer before it commits.
    func killWriterMidTransaction(_ store: any EventStore) async throws
    /// A store in the schema an earlier release left (the one before this release's last
    /// migration, or an older one every later migration upgrades), holding `history` (events in
    /// the order they were recorded; each case's first is its opening) as that release wrote
    /// it, with `workflowSource` among its rules. Nothing is upgraded yet. Returns its location.
    func makeStoreAtPreviousSchema(history: [(caseID: Int, event: CaseEvent)], workflowSource: String) async throws -> String
    /// Opens the store at `location` as `regie` does, running the migrations it lacks.
    func open(location: String) async throws -> any EventStore
}

/// The promises every store makes (``EventStore``), checked the same way for each backend, as
/// swift-configuration's `ProviderCompatTest` checks every provider. A backend's test target
/// calls each check with its ``StoreBackend``.
package struct StoreConformance: Sendable {
    package let backend: any StoreBackend

    package init(_ backend: any StoreBackend) { self.backend = backend }

    static let workflowSource = "workflow: conformance\nphases: {}\n"
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func opened(_ label: String, team: String = "west") -> CaseOpened {
        CaseOpened(team: team, clientLabel: label, externalReference: nil, complex: false, workflow: "conformance",
                   workflowHash: RuleHash.of(workflowSource))
    }

    static func goal(_ id: Int) -> CaseEvent { .goalAdded(GoalAdded(goalID: id, text: "Doel \(id)", term: .short, wordedBy: .client)) }

    static func close(_ from: Phase) -> CaseEvent {
        .transitioned(Transitioned(move: .close, from: .active(from), to: .closed(from, CloseInfo(outcome: .goalsAchieved, reason: "klaar")),
                                   reason: "klaar", unmet: [], overridden: false, checklist: []))
    }

    func open(_ store: any EventStore, _ label: String, team: String = "west", at date: Date = now) async throws -> Int {
        try await store.openCase(Self.opened(label, team: team), workflowSource: Self.workflowSource, pluginSources: [],
                                 actor: "anna", at: date).caseID
    }

    // MARK: - Checks

    /// An append states the version it read; a stale one is refused with the actual version
    /// and writes nothing.
    package func appendAndConflict() async throws {
        let store = try await backend.makeStore(salts: .random)
        defer { Task { await store.close() } }
        let id = try await open(store, "J.")
        #expect(id == 1)
        let appended = try await store.append([Self.goal(1), Self.goal(2)], to: id, expectedVersion: 1, actor: "anna", at: Self.now)
        #expect(appended.map(\.version) == [2, 3])
        let before = try await store.counts()
        await #expect(throws: StoreError.conflict(caseID: id, expected: 1, actual: 3)) {
            try await store.append([Self.goal(3)], to: id, expectedVersion: 1, actor: "anna", at: Self.now)
        }
        await #expect(throws: StoreError.caseNotFound(99)) {
            try await store.append([Self.goal(3)], to: 99, expectedVersion: 1, actor: "anna", at: Self.now)
        }
        #expect(try await store.counts() == before, "a refused append writes nothing")
        let events = try await store.events(of: id)
        #expect(events.map(\.version) == [1, 2, 3])
        #expect(events[1].event == Self.goal(1))
        #expect(events[1].recordedAt == Self.now)
        #expect(try await store.summaries(team: "west").map(\.version) == [3])
        #expect(try await store.summaries(team: "oost").isEmpty)
        #expect(try await store.ruleSource(hash: RuleHash.of(Self.workflowSource)) == Self.workflowSource)
        #expect(try await store.ruleSources(kind: "workflow").map(\.hash) == [RuleHash.of(Self.workflowSource)])
        #expect(try await store.alteredRuleSources().isEmpty)
        await #expect(throws: StoreError.caseNotFound(42)) { try await store.events(of: 42) }
    }

    /// Writers on several connections append to the same case, each from the version it read:
    /// for every version exactly one wins, every other gets a conflict, nothing is lost.
    package func concurrentWritersOnOneCase(writers: Int = 4, attemptsEach: Int = 12) async throws {
        let store = try await backend.makeStore(salts: .random)
        let id = try await open(store, "J.")
        var connections: [any EventStore] = []
        for _ in 0..<writers { connections.append(try await backend.connect(to: store)) }
        let outcomes = try await withThrowingTaskGroup(of: (wins: [Int], conflicts: Int).self) { group in
            for (writer, connection) in connections.enumerated() {
                group.addTask {
                    var wins: [Int] = [], conflicts = 0
                    for attempt in 0..<attemptsEach {
                        let read = try await connection.events(of: id).count
                        do {
                            let recorded = try await connection.append([Self.goal(writer * 1000 + attempt)], to: id, expectedVersion: read,
                                                                       actor: "w\(writer)", at: Self.now)
                            wins.append(recorded[0].version)
                        } catch StoreError.conflict(let caseID, let expected, let actual) {
                            #expect(caseID == id && expected == read && actual > read)
                            conflicts += 1
                        }
                    }
                    return (wins, conflicts)
                }
            }
            var all: [(wins: [Int], conflicts: Int)] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        let wins = outcomes.flatMap(\.wins).sorted()
        let conflicts = outcomes.map(\.conflicts).reduce(0, +)
        #expect(wins.count + conflicts == writers * attemptsEach)
        #expect(wins == Array(2..<(2 + wins.count)), "each version won exactly once, without gaps")
        let events = try await store.events(of: id)
        #expect(events.count == 1 + wins.count, "nothing lost")
        for connection in connections { await connection.close() }
        try await checkIntact(store)
        await store.close()
    }

    /// Writers on different cases at once: positions in the log are 1…n without gaps, in
    /// commit order, and the Merkle root over them is the one the log states.
    package func gaplessGlobalOrder(writers: Int = 4, eventsEach: Int = 15) async throws {
        let store = try await backend.makeStore(salts: .random)
        var connections: [any EventStore] = []
        for _ in 0..<writers { connections.append(try await backend.connect(to: store)) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (writer, connection) in connections.enumerated() {
                group.addTask {
                    let id = try await self.open(connection, "W\(writer).")
                    for n in 0..<eventsEach {
                        _ = try await connection.append([Self.goal(n)], to: id, expectedVersion: n + 1, actor: "anna", at: Self.now)
                    }
                }
            }
            try await group.waitForAll()
        }
        let trail = TrailCollector()
        try await store.readAuditTrail(AuditTrailSelection(events: .init(), accesses: .init(), checkpoints: true), into: trail)
        let sequences = trail.events.map(\.sequence).sorted()
        #expect(sequences == Array(1...(writers * (eventsEach + 1))))
        let bySequence = trail.events.sorted { $0.sequence < $1.sequence }
        #expect(ConsistencyProof.root(bySequence.compactMap(\.hash)[...]) == trail.snapshot?.state.merkle.root)
        // Within each case, positions rise with the version: the commit order is the case's order.
        for (_, events) in Dictionary(grouping: trail.events, by: \.caseID) {
            let ordered = events.sorted { $0.version < $1.version }
            #expect(ordered.map(\.sequence) == ordered.map(\.sequence).sorted())
        }
        for connection in connections { await connection.close() }
        try await checkIntact(store)
        await store.close()
    }

    /// The same commands give byte-identical chains on two backends (salts derived from one
    /// seed): the same event hashes, the same Merkle root, the same access chain.
    package func identicalChain(with other: any StoreBackend) async throws {
        var roots: [ChainHash?] = [], hashes: [[ChainHash?]] = [], accessHeads: [ChainHash?] = []
        for backend in [backend, other] {
            let store = try await backend.makeStore(salts: .derived(seed: "conformance"))
            try await script(store)
            let trail = TrailCollector()
            try await store.readAuditTrail(AuditTrailSelection(events: .init(), accesses: .init()), into: trail)
            roots.append(trail.snapshot?.state.merkle.root)
            hashes.append(trail.events.sorted { $0.sequence < $1.sequence }.map(\.hash))
            accessHeads.append(trail.snapshot?.state.accessHead)
            #expect(trail.accesses.map(\.envelope.actor) == ["karim", "karim", "anna", "bob"], "\(backend.name): reads in the order given")
            await store.close()
        }
        #expect(roots[0] != nil && roots[0] == roots[1], "\(backend.name) and \(other.name) give the same Merkle root")
        #expect(hashes[0] == hashes[1])
        #expect(accessHeads[0] == accessHeads[1])
    }

    /// A whole store copied into an empty store of another backend and back holds exactly the
    /// same rows, awkward text included; a store that holds anything refuses a copy.
    package func copyRoundTrip(via other: any StoreBackend) async throws {
        let source = try await backend.makeStore(salts: .random)
        source.checkpointPolicy = CheckpointPolicy(key: Curve25519.Signing.PrivateKey(), every: 2)
        try await script(source)
        let awkward = CaseEvent.goalAdded(GoalAdded(goalID: 9, text: "tab\there\nnew line\\back\\slash\r\n crlf é ✓ \\N", term: .long,
                                                    wordedBy: .client))
        _ = try await source.append([awkward], to: 2, expectedVersion: 2, actor: "bob", at: Self.now)
        try await source.addCosignature(NoteSignature(keyName: "w", keyID: 1, signature: [1, 2, 3]), to: 1)
        let original = try await source.exportCopy()
        let middle = try await other.makeStore(salts: .random)
        try await middle.importCopy(original)
        let there = try await middle.exportCopy()
        let back = try await backend.makeStore(salts: .random)
        try await back.importCopy(there)
        let again = try await back.exportCopy()
        #expect(there.events == original.events && again.events == original.events)
        #expect(there.cases == original.cases && there.accesses == original.accesses && there.checkpoints == original.checkpoints)
        #expect(there.heads == original.heads && there.cosignatures == original.cosignatures && there.facts == original.facts)
        #expect(there.rules == original.rules && there.logID == original.logID && there.merkle == original.merkle)
        #expect(again.cases == original.cases && again.facts == original.facts && again.accessHead == original.accessHead)
        #expect(try await middle.events(of: 2).last?.event == awkward)
        try await checkIntact(middle)
        await #expect(throws: StoreError.self) { try await middle.importCopy(original) }
        for store in [source, middle, back] { await store.close() }
    }

    /// A fixed sequence of commands, for comparing backends.
    func script(_ store: any EventStore) async throws {
        let first = try await open(store, "J.")
        let second = try await open(store, "K.", team: "oost")
        _ = try await store.append([Self.goal(1), Self.goal(2)], to: first, expectedVersion: 1, actor: "anna", at: Self.now)
        _ = try await store.append([Self.goal(1)], to: second, expectedVersion: 1, actor: "bob", at: Self.now)
        try await store.recordAccess(by: AccessReader(actor: "karim", role: "coordinator", purpose: "care"), at: Self.now,
                                     caseIDs: [first, second], action: "case list")
        // Two requests' reads in one transaction, as a server writes them: chained in this order.
        try await store.recordAccesses([
            AccessRead(reader: AccessReader(actor: "anna", role: "worker", purpose: "care", address: "2001:db8::7"), at: Self.now,
                       caseIDs: [second], action: "api case show"),
            AccessRead(reader: AccessReader(actor: "bob", role: "worker", purpose: "care", address: "192.0.2.9"), at: Self.now,
                       caseIDs: [nil], action: "api case list"),
        ])
        _ = try await store.append([Self.close(.goals)], to: first, expectedVersion: 3, actor: "anna", at: Self.now)
    }

    /// Checkpoints are made by the policy in the same transaction (every so many events, on a
    /// close, after an import), unsigned without a key, and signed later on demand.
    package func checkpoints() async throws {
        let store = try await backend.makeStore(salts: .random)
        let key = Curve25519.Signing.PrivateKey()
        store.checkpointPolicy = CheckpointPolicy(key: nil, every: 3)
        let id = try await open(store, "J.")
        _ = try await store.append([Self.goal(1), Self.goal(2)], to: id, expectedVersion: 1, actor: "anna", at: Self.now)
        var stored = try await checkpointsOf(store)
        #expect(stored.map(\.trigger) == ["every 3 events"])
        #expect(stored.first?.signed.signature.isEmpty == true, "without a key the checkpoint waits unsigned")
        #expect(stored.first?.heads.map(\.caseID) == [id])
        _ = try await store.append([Self.close(.goals)], to: id, expectedVersion: 3, actor: "anna", at: Self.now)
        stored = try await checkpointsOf(store)
        #expect(stored.map(\.trigger) == ["every 3 events", "case closed"])
        let (made, signedPending) = try await store.signAndMakeCheckpoint(key: key, at: Self.now, trigger: "on demand")
        #expect(signedPending == 2)
        #expect(made.signed.checkpoint.events == 4)
        stored = try await checkpointsOf(store)
        #expect(stored.count == 3)
        #expect(stored.allSatisfy { $0.signed.signatureHolds(under: Array(key.publicKey.rawRepresentation)) })
        #expect(stored.map(\.id) == [1, 2, 3])
        let witness = NoteSignature(keyName: "witness.example", keyID: 7, signature: Array(repeating: 1, count: 64))
        try await store.addCosignature(witness, to: made.id)
        #expect(try await checkpointsOf(store).last?.signed.cosignatures == [witness])
        #expect(try await store.eventHashes(upTo: 4).count == 4)
        try await checkIntact(store, key: Array(key.publicKey.rawRepresentation))
        await store.close()
    }

    /// Reads are chained in the access log, one entry per case shown, in order; a read through
    /// the server keeps its network address (format 2), the command line's has none (format 1).
    package func accessLog() async throws {
        let store = try await backend.makeStore(salts: .random)
        let id = try await open(store, "J.")
        try await store.recordAccess(by: AccessReader(actor: "anna", role: "worker", purpose: "care"), at: Self.now, caseIDs: [id],
                                     action: "case show")
        try await store.recordAccess(by: AccessReader(actor: "karim", role: "coordinator", purpose: "intervisie", address: "192.0.2.7"),
                                     at: Self.now, caseIDs: [nil], action: "report team")
        let trail = TrailCollector()
        try await store.readAuditTrail(AuditTrailSelection(accesses: .init()), into: trail)
        #expect(trail.accesses.map(\.envelope.sequence) == [1, 2])
        #expect(trail.accesses.map(\.envelope.caseID) == [id, nil])
        #expect(trail.accesses.map(\.envelope.address) == [nil, "192.0.2.7"])
        #expect(trail.accesses.map(\.envelope.format) == [1, 2])
        #expect(trail.accesses.allSatisfy { $0.hash == $0.envelope.hash }, "the stored hash covers the address")
        #expect(trail.accesses[1].envelope.previous == trail.accesses[0].hash)
        #expect(trail.snapshot?.state.accessEntries == 2)
        let one = TrailCollector()
        try await store.readAuditTrail(AuditTrailSelection(accesses: .init(caseID: id)), into: one)
        #expect(one.accesses.map(\.envelope.action) == ["case show"])
        try await checkIntact(store)
        await store.close()
    }

    /// Report facts are stored with the events, refused for another case, forgotten when not given.
    package func facts() async throws {
        let store = try await backend.makeStore(salts: .random)
        let first = try await open(store, "J."), second = try await open(store, "K.", team: "oost")
        var facts = try await store.caseFacts(teams: nil)
        #expect(facts.facts.map(\.caseID) == [first, second])
        #expect(facts.missing.isEmpty)
        var state = try CaseState.replay(try await store.events(of: first))
        let event = RecordedEvent(caseID: first, version: 2, actor: "anna", recordedAt: Self.now, event: Self.goal(1))
        try state.apply(event)
        _ = try await store.append([Self.goal(1)], to: first, expectedVersion: 1, actor: "anna", at: Self.now, ruleSources: [],
                                   facts: CaseFacts(state))
        facts = try await store.caseFacts(teams: ["west"])
        #expect(facts.facts.map(\.goals) == [1])
        await #expect(throws: StoreError.self) {
            try await store.append([Self.goal(2)], to: second, expectedVersion: 1, actor: "anna", at: Self.now, ruleSources: [],
                                   facts: CaseFacts(state))
        }
        _ = try await store.append([Self.goal(2)], to: second, expectedVersion: 1, actor: "bob", at: Self.now)
        facts = try await store.caseFacts(teams: nil)
        #expect(facts.facts.map(\.caseID) == [first])
        #expect(facts.missing == [second])
        await store.close()
    }

    /// Whole streams are imported in one transaction under new ids, ending with a checkpoint;
    /// a malformed stream imports nothing.
    package func importStreams() async throws {
        let store = try await backend.makeStore(salts: .random)
        store.checkpointPolicy = CheckpointPolicy(key: nil, every: 1000)
        _ = try await open(store, "Bestaand.")
        let stream = [
            RecordedEvent(caseID: 7, version: 1, actor: "anna", recordedAt: Self.now, event: .opened(Self.opened("I."))),
            RecordedEvent(caseID: 7, version: 2, actor: "anna", recordedAt: Self.now, event: Self.goal(1)),
        ]
        let sources = [RuleHash.of(Self.workflowSource): Self.workflowSource]
        let before = try await store.counts()
        await #expect(throws: StoreError.self) {
            try await store.importCases([stream, [stream[1]]], workflowSources: sources)
        }
        #expect(try await store.counts() == before, "a malformed stream imports nothing")
        let ids = try await store.importCases([stream, stream], workflowSources: sources)
        #expect(ids == [2, 3])
        #expect(try await store.events(of: 3).map(\.version) == [1, 2])
        #expect(try await checkpointsOf(store).map(\.trigger) == [CheckpointDemand.importTrigger])
        try await checkIntact(store)
        await store.close()
    }

    /// A writer killed in the middle of its transaction leaves nothing behind: the record
    /// verifies and the next append continues from where the log was.
    package func writerKilledMidTransaction() async throws {
        let store = try await backend.makeStore(salts: .random)
        let id = try await open(store, "J.")
        let before = try await store.counts()
        try await backend.killWriterMidTransaction(store)
        #expect(try await store.counts() == before)
        _ = try await store.append([Self.goal(1)], to: id, expectedVersion: 1, actor: "anna", at: Self.now)
        try await checkIntact(store)
        await store.close()
    }

    /// A store an earlier release wrote opens with this one: it is upgraded, reads back every
    /// event in the order it was recorded, verifies, takes new appends that continue its chain,
    /// and opens again without another upgrade.
    package func upgradeFromPreviousSchema() async throws {
        let history: [(caseID: Int, event: CaseEvent)] = [
            (1, .opened(Self.opened("J."))), (2, .opened(Self.opened("K."))), (2, Self.goal(1)), (1, Self.goal(1)), (1, Self.goal(2)),
        ]
        let location = try await backend.makeStoreAtPreviousSchema(history: history, workflowSource: Self.workflowSource)
        let store = try await backend.open(location: location)
        for id in [1, 2] {
            #expect(try await store.events(of: id).map(\.event) == history.filter { $0.caseID == id }.map(\.event), "\(backend.name)")
        }
        #expect(try await store.summaries(team: "west").map(\.version) == [3, 2])
        let trail = TrailCollector()
        try await store.readAuditTrail(AuditTrailSelection(events: .init()), into: trail)
        let order = trail.events.sorted { $0.sequence < $1.sequence }.map { "\($0.caseID).\($0.version)" }
        #expect(order == ["1.1", "2.1", "2.2", "1.2", "1.3"], "the upgraded log keeps the order of recording")
        try await checkIntact(store)
        _ = try await store.append([Self.goal(3)], to: 1, expectedVersion: 3, actor: "anna", at: Self.now)
        _ = try await open(store, "L.")
        try await checkIntact(store)
        await store.close()
        let again = try await backend.open(location: location)
        #expect(try await again.counts().events == history.count + 2)
        try await checkIntact(again)
        await again.close()
    }

    // MARK: - Helpers

    func checkpointsOf(_ store: any EventStore) async throws -> [StoredCheckpoint] {
        let trail = TrailCollector()
        try await store.readAuditTrail(AuditTrailSelection(checkpoints: true), into: trail)
        return trail.snapshot?.checkpoints ?? []
    }

    /// Runs the chain verifier over the whole trail and expects no problem.
    func checkIntact(_ store: any EventStore, key: [UInt8]? = nil) async throws {
        let problems = try await ChainCheck.run(store, trustedKey: key).problems
        #expect(problems.isEmpty, "\(backend.name): \(problems)")
    }
}
