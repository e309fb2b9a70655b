import Benchmark
import BenchmarkSupport
import Crypto
import Foundation
import GRDB
import RegieAudit
import RegieCore
import RegieLua
import RegieStore

// One iteration = one case = 20 events (plus its opening). Events per second is the
// throughput times 20; docs/PERFORMANCE.md records both.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .peakMemoryResident],
        warmupIterations: 3,
        maxDuration: .seconds(5),
        maxIterations: 1_000_000
    )
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let hash = RuleHash.of(BenchmarkWorkload.workflowSource)

    Benchmark("in-memory: core + Lua, 20 events per case") { benchmark in
        let evaluator = try LuaDerivedItemEvaluator()
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(try BenchmarkWorkload.runCase(id: i, hash: hash, evaluator: evaluator, now: now))
        }
    }

    Benchmark("in-memory: core + Lua with two plugins on the team, 20 events per case") { benchmark in
        let evaluator = try LuaDerivedItemEvaluator()
        let plugins = try PluginWorkload.twoPlugins()
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            blackHole(try BenchmarkWorkload.runCase(id: i, hash: hash, evaluator: evaluator, now: now, plugins: plugins))
        }
    }

    // One iteration = one guard call, the case snapshot (a 20-event case) built afresh.
    Benchmark("plugin guard call with its case snapshot") { benchmark in
        let state = try PluginWorkload.typicalCase(evaluator: try LuaDerivedItemEvaluator(), now: now)
        let plugins = try PluginWorkload.guardPlugins()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(plugins.verdicts(on: .advance, to: .active(.meeting), of: state, at: now))
        }
    }

    // One iteration = the six shipped plugins loaded, each into its own Lua state.
    Benchmark("loading the six shipped plugins", configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident])) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try PluginWorkload.loadShipped())
        }
    }

    Benchmark("durable: one transaction per command, synchronous=FULL, 21 commits per case",
              configuration: .init(maxDuration: .seconds(10))) { benchmark in
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteEventStore(path: folder.appendingPathComponent("regie.sqlite").path, create: true)
        // As the CLI runs it: chained, with a signed checkpoint every 1,000 events.
        store.checkpointPolicy = CheckpointPolicy(key: Curve25519.Signing.PrivateKey(), every: 1000)
        let evaluator = try LuaDerivedItemEvaluator()
        let context = BenchmarkWorkload.context(evaluator, now: now)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let opened = try CaseDecider.decide(nil, .open(BenchmarkWorkload.opening(hash: hash)), context)
            guard case .opened(let opening) = opened[0] else { throw BenchmarkFailure(message: "no opening") }
            let first = try store.openCase(opening, workflowSource: BenchmarkWorkload.workflowSource, pluginSources: [],
                                           actor: "bench", at: now)
            var state = try CaseState.replay([first])
            for command in BenchmarkWorkload.commands {
                let events = try CaseDecider.decide(state, command, context)
                for recorded in try store.append(events, to: state.id, expectedVersion: state.version, actor: "bench", at: now) {
                    try state.apply(recorded)
                }
            }
        }
    }

    Benchmark("raw SQLite: one INSERT per transaction, WAL, synchronous=FULL, 21 commits per iteration",
              configuration: .init(maxDuration: .seconds(10))) { benchmark in
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var config = Configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("raw.sqlite").path, configuration: config)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "CREATE TABLE t (case_id INTEGER, version INTEGER, payload TEXT, UNIQUE (case_id, version))")
        }
        let payload = #"{"item":"goals.a","phase":"goals"}"#
        benchmark.startMeasurement()
        for i in benchmark.scaledIterations {
            for version in 1...(BenchmarkWorkload.eventsPerCase + 1) {
                try queue.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        try db.execute(sql: "INSERT INTO t VALUES (?, ?, ?)", arguments: [i, version, payload])
                        return .commit
                    }
                }
            }
        }
    }

    Benchmark("bulk import: 100 cases (2,100 events) per transaction",
              configuration: .init(maxDuration: .seconds(10))) { benchmark in
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try SQLiteEventStore(path: folder.appendingPathComponent("regie.sqlite").path, create: true)
        let evaluator = try LuaDerivedItemEvaluator()
        let stream = try BenchmarkWorkload.runCase(id: 0, hash: hash, evaluator: evaluator, now: now)
        let batch = Array(repeating: stream, count: 100)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try store.importCases(batch, workflowSources: [hash: BenchmarkWorkload.workflowSource]))
        }
    }

    // One iteration = chaining 20 events: salt, payload commitment, envelope hash, Merkle append.
    Benchmark("audit: chain 20 events (salt, commitment, envelope hash, Merkle append)") { benchmark in
        let payload = Array(#"{"goal_id":1,"term":"short","text":"Weer zelf boodschappen doen","worded_by":"client"}"#.utf8)
        var merkle = MerkleLog()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var previous = ChainHash.zero
            for version in 1...BenchmarkWorkload.eventsPerCase {
                let salt = PayloadCommitment.newSalt()
                let envelope = EventEnvelope(
                    caseID: 1, version: version, previous: previous, type: "goal_added", actor: "sanne", recordedAt: 1,
                    rules: [ChainHash(ruleHash: hash)!], commitment: PayloadCommitment.of(salt: salt, payload: payload) ?? .zero)
                previous = envelope.hash
                merkle.append(previous)
            }
        }
        blackHole(merkle.root)
    }

    // One iteration = verifying 20 events (hash, commitment, link, commit order, Merkle root).
    Benchmark("audit: verify 20 events (hashing and link checks, one core)") { benchmark in
        let (rows, state) = AuditWorkload.rows(cases: benchmark.scaledIterations.count, perCase: BenchmarkWorkload.eventsPerCase)
        benchmark.startMeasurement()
        blackHole(AuditWorkload.verify(rows, state: state))
    }

    Benchmark("audit: sign a checkpoint (Ed25519)") { benchmark in
        let key = Curve25519.Signing.PrivateKey()
        let checkpoint = Checkpoint(logID: "bench", time: now, events: 1_000_000, root: .zero, heads: [], accessEntries: 0,
                                    accessHead: .zero)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try checkpoint.signed(with: key)) }
    }
}

func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
