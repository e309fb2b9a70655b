import Foundation

/// The environment a command line reads (`REGIE_USER`, `REGIE_NOW`, …): the process's, with the
/// values a caller running commands in process sets for them (the demo's clock, tests).
enum ProcessEnvironment {
    @TaskLocal static var overrides: [String: String] = [:]

    static var current: [String: String] {
        ProcessInfo.processInfo.environment.merging(overrides) { _, override in override }
    }
}
