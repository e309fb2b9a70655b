// A plain loop over the benchmark workloads, for profiling with perf or callgrind:
//   workload memory|memory-plugins|import|verify CASES (20 events each)
//   workload guard CALLS | workload load TIMES
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
    // Format 1 rows are the baseline, measured in the same process: the ratio is what format 2's
    // length-prefixed commitment costs.
    var rates: [UInt8: Double] = [:]
    var allProblems = 0
    for format: UInt8 in [1, 2, 1, 2] {
        let (rows, state) = AuditWorkload.rows(cases: cases, perCase: BenchmarkWorkload.eventsPerCase, format: format)
        let begin = Date()
        let problems = AuditWorkload.verify(rows, state: state)
        let seconds = Date().timeIntervalSince(begin)
        allProblems += problems
        rates[format] = max(rates[format] ?? 0, Double(rows.count) / seconds)
        print("verify format \(format): \(rows.count) events, \(problems) problems, in \(String(format: "%.3f", seconds)) s = \(Int(Double(rows.count) / seconds)) events/s (one core)")
    }
    print("format 2 / format 1, best of two each: \(String(format: "%.3f", (rates[2] ?? 0) / (rates[1] ?? 1)))")
    exit(allProblems == 0 ? 0 : 1)
case "guard":
    let state = try PluginWorkload.typicalCase(evaluator: evaluator, now: now)
    let plugins = try PluginWorkload.guardPlugins()
    let begin = Date()
    var allowed = 0
    for _ in 0..<cases where plugins.verdicts(on: .advance, to: .active(.meeting), of: state, at: now)[0].allowed { allowed += 1 }
    let seconds = Date().timeIntervalSince(begin)
    print("guard: \(cases) calls (\(allowed) allowed) in \(String(format: "%.3f", seconds)) s = \(String(format: "%.2f", seconds / Double(cases) * 1e6)) µs per call")
    exit(0)
case "snapshot":
    let state = try PluginWorkload.typicalCase(evaluator: evaluator, now: now)
    var size = 0
    for _ in 0..<cases { size &+= LuaPlugin.snapshotSize(of: state) }
    exit(size > 0 ? 0 : 1)
case "guard-empty":
    let plugins = try PluginWorkload.guardPlugins()
    let empty = LuaPlugin.prepareGuardCall(for: nil)
    for _ in 0..<cases { _ = try plugins.entries[0].plugin.callGuard(empty) }
    exit(0)
case "guard-parts":
    // Where a guard call's time goes: the snapshot, and the call with its arguments ready.
    let state = try PluginWorkload.typicalCase(evaluator: evaluator, now: now)
    var begin = Date()
    var size = 0
    for _ in 0..<cases { size &+= LuaPlugin.snapshotSize(of: state) }
    let snapshotTime = Date().timeIntervalSince(begin) / Double(cases) * 1e6
    let plugins = try PluginWorkload.guardPlugins()
    begin = Date()
    let prepared = LuaPlugin.prepareGuardCall(for: state)
    for _ in 0..<cases { _ = try plugins.entries[0].plugin.callGuard(prepared) }
    let callTime = Date().timeIntervalSince(begin) / Double(cases) * 1e6
    begin = Date()
    let empty = LuaPlugin.prepareGuardCall(for: nil)
    for _ in 0..<cases { _ = try plugins.entries[0].plugin.callGuard(empty) }
    let emptyTime = Date().timeIntervalSince(begin) / Double(cases) * 1e6
    print("call with an empty case: \(String(format: "%.2f", emptyTime)) µs")
    print("snapshot: \(size / cases) bytes in \(String(format: "%.2f", snapshotTime)) µs; call with arguments ready: \(String(format: "%.2f", callTime)) µs")
    exit(0)
case "load":
    let begin = Date()
    var plugins: [[LuaPlugin]] = []
    for _ in 0..<cases { plugins.append(try PluginWorkload.loadShipped()) }
    let seconds = Date().timeIntervalSince(begin)
    let memory = plugins[0].map(\.memoryInUse)
    let sandboxStart = Date()
    for _ in 0..<cases * 6 { _ = try LuaPlugin(source: "return {api = 1, name = 'x', version = '1'}", file: "x.lua") }
    print("an empty plugin: \(String(format: "%.3f", Date().timeIntervalSince(sandboxStart) / Double(cases * 6) * 1000)) ms")
    print("load: 6 plugins \(cases) times: \(String(format: "%.3f", seconds / Double(cases) * 1000)) ms each; memory per state: \(memory.map { "\($0 / 1024) KiB" }.joined(separator: ", "))")
    exit(0)
case "memory-plugins":
    let plugins = try PluginWorkload.twoPlugins()
    for i in 0..<cases { _ = try BenchmarkWorkload.runCase(id: i, hash: hash, evaluator: evaluator, now: now, plugins: plugins) }
default:
    for i in 0..<cases { _ = try BenchmarkWorkload.runCase(id: i, hash: hash, evaluator: evaluator, now: now) }
}
let seconds = Date().timeIntervalSince(start)
let events = Double(cases * (BenchmarkWorkload.eventsPerCase + (mode == "import" ? 1 : 0)))
print("\(mode): \(cases) cases in \(String(format: "%.2f", seconds)) s = \(Int(events / seconds)) events/s")
