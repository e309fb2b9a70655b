/// The outcome of a plugin's own tests.
public struct PluginTestRun: Sendable, Equatable {
    public struct Failure: Sendable, Equatable {
        public var name: String
        public var message: String
    }

    public var passed: Int
    public var failures: [Failure]

    public var succeeded: Bool { failures.isEmpty && passed > 0 }
}

extension LuaPlugin {
    /// Runs a test file against this plugin inside the plugin's own sandbox, with the test
    /// library's `describe`, `it` and `expect`.
    /// - Parameters:
    ///   - source: the test file's text.
    ///   - file: its name, for messages.
    /// - Throws: ``PluginError`` when the test file does not compile or fails outside an `it`.
    public func runTests(source: String, file: String, instructions: Int = 50_000_000,
                         deadline: Swift.Duration = .seconds(10)) throws(PluginError) -> PluginTestRun {
        let report: LuaValue
        do {
            let library = try sandbox.compile(PluginTestLibrary.source, name: "=regie.test")
            let tests = try sandbox.compile(source, name: "@" + file)
            report = try sandbox.runTests(plugin: chunk, library: library, tests: tests, instructions: instructions, deadline: deadline)
        } catch {
            throw PluginError(error, plugin: name, file: file, hook: nil)
        }
        guard case .integer(let passed)? = report["passed"] else {
            throw PluginError(plugin: name, file: file, kind: .value, message: "the test report could not be read")
        }
        var failures: [PluginTestRun.Failure] = []
        if case .array(let items)? = report["failures"] {
            for item in items {
                guard case .string(let name)? = item["name"], case .string(let message)? = item["message"] else { continue }
                failures.append(PluginTestRun.Failure(name: name, message: message))
            }
        }
        return PluginTestRun(passed: Int(passed), failures: failures)
    }
}
