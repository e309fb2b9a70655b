import Foundation
@testable import RegieApp
@testable import RegieCLI
import RegieReports
import RegieCore
import RegieStore

// Swift Testing has an ExitStatus of its own.
typealias Exit = RegieApp.ExitStatus

/// A workspace in a temporary folder, and a way to run `regie` in process against it.
final class Workbench {
    let folder: URL
    var database: String { folder.appendingPathComponent("regie.sqlite").path }

    static let yaml = """
        organisation: "Test"
        locale: en
        database: regie.sqlite
        teams:
          - id: west
            workflow: resourcegroep
          - id: oost
            workflow: resourcegroep
        people:
          - id: anna
            role: worker
            teams: [west]
          - id: karim
            role: coordinator
            teams: [west, oost]
          - id: bob
            role: worker
            teams: [oost]

        """

    init(yaml: String = Workbench.yaml) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-cli-\(UUID().uuidString)")
        try InitCommand.create(at: folder, yaml: yaml)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    struct Result {
        var status: Exit
        var out: String
        var err: String
    }

    /// Runs a command line as `actor` (nil: no --as), the way `regie` would.
    @discardableResult
    func run(_ arguments: [String], as actor: String? = "anna", inWorkspace: Bool = true) async -> Result {
        let console = Console.capturing()
        var errors: [String] = []
        var full = arguments + (inWorkspace ? ["--workspace", folder.path] : [])
        if let actor { full += ["--as", actor] }
        let status = await Console.$current.withValue(console) {
            await RegieMain.execute(full, errors: { errors.append($0) })
        }
        return Result(status: status, out: console.captured, err: errors.joined(separator: "\n"))
    }

    /// Every row of the events and cases tables, to compare before and after a failed command.
    func snapshot() throws -> String {
        let store = try SQLiteEventStore(path: database)
        var lines: [String] = []
        for summary in try store.summaries(team: nil) {
            lines.append("case \(summary.id) v\(summary.version) \(summary.status)")
            for event in try store.events(of: summary.id) {
                lines.append("  \(event.version) \(event.actor) \(event.event)")
            }
        }
        let counts = try store.counts()
        lines.append("counts \(counts.events) \(counts.cases) \(counts.ruleSources)")
        return lines.joined(separator: "\n")
    }

    func write(_ text: String, to relativePath: String) throws {
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
