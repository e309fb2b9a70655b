// A plain loop over the benchmark workloads, for profiling with perf or callgrind:
//   workload memory CASES | workload import CASES | workload verify CASES (20 events each)
import BenchmarkSupport
import RegieAudit
import Foundation
import RegieLua
import RegieStore

let mode = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "memory"
let cases = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 10_000 : 10_000
let now = Date(timeIntervalSince1970: 1_790_000_000)
let hash = RuleHash.of(BenchmarkWorkload.workflowSource)
let evaluator = try LuaDerivedItemEvaluator()
let start = Date()
switch mode {
case "import":
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-workload-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let store = try SQLiteEventStore(path: folder.appendingPathComponent("w.sqlite").path, create: true)
    let stream = try BenchmarkWorkload.runCase(id: 0, hash: hash, evaluator: evaluator, now: now)
    for _ in 0..<(cases / 100) {
        _ = try store.importCases(Array(repeating: stream, count: 100), workflowSources: [hash: BenchmarkWorkload.workflowSource])
    }
case "verify":
    let (rows, state) = AuditWorkload.rows(cases: cases, perCase: BenchmarkWorkload.eventsPerCase)
    let begin = Date()
    let problems = AuditWorkload.verify(rows, state: state)
    let seconds = Date().timeIntervalSince(begin)
    print("verify: \(rows.count) events, \(problems) problems, in \(String(format: "%.3f", seconds)) s = \(Int(Double(rows.count) / seconds)) events/s (one core)")
    exit(problems == 0 ? 0 : 1)
default:
    for i in 0..<cases { _ = try BenchmarkWorkload.runCase(id: i, hash: hash, evaluator: evaluator, now: now) }
}
let seconds = Date().timeIntervalSince(start)
let events = Double(cases * (BenchmarkWorkload.eventsPerCase + (mode == "import" ? 1 : 0)))
print("\(mode): \(cases) cases in \(String(format: "%.2f", seconds)) s = \(Int(events / seconds)) events/s")
