// PostgreSQL figures, against baselines measured in the same run (the machine's speed drifts):
//   pg-bench append SECONDS      durable appends, one command per transaction, against a raw loop of
//                                equally durable single-row INSERTs through postgres-nio
//   pg-bench clients SECONDS     appends from 1, 2, 4 and 8 concurrent clients on different cases
//   pg-bench copy EVENTS         store copy of a SQLite store of about EVENTS events into PostgreSQL
// REGIE_TEST_POSTGRES_URL names a cluster (scripts/with-test-postgres.sh starts one); each run
// makes its own databases on it.
import BenchmarkSupport
import Crypto
import Foundation
import Logging
import PostgresNIO
import RegieCore
import RegieLua
import RegieStore
import RegieStorePostgres

let mode = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "append"
let amount = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 5 : 5
guard let admin = ProcessInfo.processInfo.environment["REGIE_TEST_POSTGRES_URL"].flatMap(PostgresLocation.init(url:)) else {
    FileHandle.standardError.write(Data("pg-bench: set REGIE_TEST_POSTGRES_URL (scripts/with-test-postgres.sh does)\n".utf8))
    exit(2)
}
let logger = Logger(label: "pg-bench", factory: { _ in SwiftLogNoOpLogHandler() })
let now = Date(timeIntervalSince1970: 1_790_000_000)
let hash = RuleHash.of(BenchmarkWorkload.workflowSource)

func connect(_ location: PostgresLocation) async throws -> PostgresConnection {
    try await PostgresConnection.connect(
        configuration: .init(host: location.host, port: location.port, username: location.user, password: nil,
                             database: location.database, tls: .disable), id: 1, logger: logger)
}

func freshDatabase() async throws -> PostgresLocation {
    var location = admin
    location.database = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let connection = try await connect(admin)
    try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(location.database)"), logger: logger)
    try await connection.close()
    return location
}

func freshStore() async throws -> PostgresEventStore {
    let store = try await PostgresEventStore.open(try await freshDatabase(), password: nil, create: true)
    store.checkpointPolicy = CheckpointPolicy(key: Curve25519.Signing.PrivateKey(), every: 1000)
    return store
}

func opening() -> CaseOpened {
    CaseOpened(team: "bench", clientLabel: "R.", externalReference: nil, complex: false, workflow: "bench", workflowHash: hash)
}

func goal(_ n: Int) -> CaseEvent { .goalAdded(GoalAdded(goalID: n, text: "Weer zelf boodschappen doen", term: .short, wordedBy: .client)) }

/// Appends one event per transaction to one case for `seconds`; returns commands per second.
func regieAppends(_ store: PostgresEventStore, caseID: Int, seconds: Double) async throws -> Double {
    // The facts row a command stores with its events, worked out once: what is measured is the store.
    let state = try CaseState.replay(try await store.events(of: caseID))
    let facts = CaseFacts(state)
    var version = state.version
    let start = Date()
    var count = 0
    while Date().timeIntervalSince(start) < seconds {
        _ = try await store.append([goal(version)], to: caseID, expectedVersion: version, actor: "bench", at: now,
                                   ruleSources: [], facts: facts)
        version += 1
        count += 1
    }
    return Double(count) / Date().timeIntervalSince(start)
}

/// Single-row INSERTs, each its own (autocommitted, durable) transaction, of a row like an event's.
func rawInserts(_ connection: PostgresConnection, seconds: Double) async throws -> Double {
    let payload = String(repeating: "x", count: 180), hashBytes = Data(repeating: 7, count: 32)
    let start = Date()
    var count = 0
    while Date().timeIntervalSince(start) < seconds {
        try await connection.query("INSERT INTO raw (payload, hash) VALUES (\(payload), \(hashBytes))", logger: logger)
        count += 1
    }
    return Double(count) / Date().timeIntervalSince(start)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func format(_ value: Double) -> String { String(format: "%.0f", value) }

switch mode {
case "append":
    let store = try await freshStore()
    let caseID = try await store.openCase(opening(), workflowSource: BenchmarkWorkload.workflowSource, pluginSources: [],
                                          actor: "bench", at: now).caseID
    let raw = try await connect(try await freshDatabase())
    try await raw.query("CREATE TABLE raw (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL, hash BYTEA NOT NULL)", logger: logger)
    var regieRates: [Double] = [], rawRates: [Double] = []
    for round in 1...3 {
        rawRates.append(try await rawInserts(raw, seconds: Double(amount)))
        regieRates.append(try await regieAppends(store, caseID: caseID, seconds: Double(amount)))
        print("round \(round): raw \(format(rawRates.last!)) commits/s, Regie \(format(regieRates.last!)) commands/s")
    }
    print("durable appends: Regie \(format(median(regieRates))) commands/s, raw INSERT \(format(median(rawRates))) commits/s, "
          + "ratio \(String(format: "%.1f", median(regieRates) / median(rawRates) * 100))% (medians of 3 rounds of \(amount) s)")
    try await (raw.close() as Void)
    await store.close()
case "clients":
    let store = try await freshStore()
    var results: [(Int, Double)] = []
    for clients in [1, 2, 4, 8] {
        var ids: [Int] = []
        for _ in 0..<clients {
            ids.append(try await store.openCase(opening(), workflowSource: BenchmarkWorkload.workflowSource, pluginSources: [],
                                                actor: "bench", at: now).caseID)
        }
        let rates = try await withThrowingTaskGroup(of: Double.self) { group in
            for id in ids { group.addTask { try await regieAppends(store, caseID: id, seconds: Double(amount)) } }
            var total = 0.0
            for try await rate in group { total += rate }
            return total
        }
        results.append((clients, rates))
        print("\(clients) clients: \(format(rates)) commands/s in total")
    }
    print("scaling 1 → 8 clients: \(String(format: "%.2f", results.last!.1 / results.first!.1))×")
    await store.close()
case "copy":
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-pg-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let sqlite = try SQLiteEventStore(path: folder.appendingPathComponent("source.sqlite").path, create: true)
    let evaluator = try LuaDerivedItemEvaluator()
    let stream = try BenchmarkWorkload.runCase(id: 0, hash: hash, evaluator: evaluator, now: now)
    let cases = max(100, amount / stream.count / 100 * 100)
    for _ in 0..<(cases / 100) {
        _ = try sqlite.importCases(Array(repeating: stream, count: 100), workflowSources: [hash: BenchmarkWorkload.workflowSource])
    }
    let exportStart = Date()
    let copy = try await sqlite.exportCopy()
    let exportSeconds = Date().timeIntervalSince(exportStart)
    let target = try await PostgresEventStore.open(try await freshDatabase(), password: nil, create: true)
    let importStart = Date()
    try await target.importCopy(copy)
    let importSeconds = Date().timeIntervalSince(importStart)
    let events = Double(copy.events.count)
    print("store copy of \(copy.events.count) events in \(copy.cases.count) cases: read from SQLite \(String(format: "%.1f", exportSeconds)) s, "
          + "written into PostgreSQL \(String(format: "%.1f", importSeconds)) s = \(format(events / importSeconds)) events/s "
          + "(\(format(events / (exportSeconds + importSeconds))) events/s both together)")
    await target.close()
default:
    FileHandle.standardError.write(Data("pg-bench: append|clients|copy\n".utf8))
    exit(2)
}
