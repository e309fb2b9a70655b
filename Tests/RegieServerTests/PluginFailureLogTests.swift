import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
@testable import RegieApp

/// A plugin that fails while the server answers: the person reads the sentence meant for
/// them, and the server's log gets the technical detail, without the case's data.
@Suite("A failing plugin through the server")
struct PluginFailureLogTests {
    /// Keeps what the server logs, so that a test can read it.
    final class Recorder: LogHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let fields = (event.metadata ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            lock.withLock { lines.append("\(event.level) \(event.message) \(fields)") }
        }

        var logged: [String] { lock.withLock { lines } }
    }

    @Test("GET /cases/{id} shows the worker sentence; the log names the plugin, file, line and hook but not the case's data")
    func failingChecklist() async throws {
        let yaml = ServerBench.yaml.replacingOccurrences(of: "  - id: west\n", with: "  - id: west\n    plugins: [flaky]\n")
        let bench = try await ServerBench(yaml: yaml)
        try "return { api = 1, name = 'flaky', version = '1',\n  checklist = function(phase, case) error('boom for ' .. case.client_label) end }\n"
            .write(to: bench.folder.appendingPathComponent("plugins/flaky.lua"), atomically: true, encoding: .utf8)
        let caseID = try await bench.openCase(team: "west", as: "anna")
        let anna = try await bench.token(for: "anna")
        let recorder = Recorder()
        let logger = Logger(label: "test", factory: { _ in recorder })
        try await bench.application(logger: logger).test(.router) { client in
            let shown = try await client.call(.get, "/api/v1/cases/\(caseID)", token: anna, headers: [.accept: "text/plain"])
            #expect(shown.status == .ok)
            #expect(shown.text.contains("This team's rules could not be checked; tell your application manager, and mention plugin flaky."),
                    "\(shown.text)")
            #expect(!shown.text.contains("boom") && !shown.text.contains("flaky.lua"), "\(shown.text)")
        }
        let failures = recorder.logged.filter { $0.contains("a plugin failed") }
        #expect(!failures.isEmpty, "nothing logged: \(recorder.logged)")
        #expect(failures.allSatisfy { $0.contains("plugin flaky (plugins/flaky.lua@") && $0.contains(":2) in `checklist`: runtime") },
                "\(failures)")
        #expect(!recorder.logged.contains { $0.contains("boom") || $0.contains("Client ") }, "the case's data reached the log")
    }
}
