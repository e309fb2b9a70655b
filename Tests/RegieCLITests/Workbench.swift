import Testing
import Foundation
@testable import RegieApp
@testable import RegieCLI
import RegieReports
import RegieCore
import RegieStore
import RegieStorePostgres

// Swift Testing has an ExitStatus of its own.
typealias Exit = RegieApp.ExitStatus

/// A workspace in a temporary folder, and a way to run `regie` in process against it.
final class Workbench {
    let folder: URL
    var database: String { folder.appendingPathComponent("regie.sqlite").path }

    /// Which store the in-process tests run on: SQLite, or with `REGIE_TEST_BACKEND=postgres`
    /// (the second pass of `make test`) a fresh database on the test cluster per workbench.
    enum Backend { case sqlite, postgres }
    static let backend: Backend = ProcessInfo.processInfo.environment["REGIE_TEST_BACKEND"] == "postgres" ? .postgres : .sqlite
    static var onSQLite: Bool { backend == .sqlite }
    /// The PostgreSQL database of this workbench, when on PostgreSQL.
    private(set) var postgres: PostgresLocation?

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

    init(yaml: String = Workbench.yaml) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-cli-\(UUID().uuidString)")
        guard Self.backend == .postgres else {
            try InitCommand.create(at: folder, yaml: yaml, fixedClock: true)
            return
        }
        guard let admin = ProcessInfo.processInfo.environment["REGIE_TEST_POSTGRES_URL"].flatMap(PostgresLocation.init(url:)) else {
            throw WorkbenchError("REGIE_TEST_BACKEND=postgres needs REGIE_TEST_POSTGRES_URL: run the tests with `make test`")
        }
        var location = admin
        location.database = "regie_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let create = Process()
        create.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        create.arguments = ["psql", admin.description, "-qc", "CREATE DATABASE \(location.database)"]
        try create.run()
        create.waitUntilExit()
        guard create.terminationStatus == 0 else { throw WorkbenchError("psql could not create a test database") }
        await (try PostgresEventStore.open(location, password: nil, create: true, fixedClock: true)).close()
        postgres = location
        try InitCommand.create(at: folder, yaml: yaml.replacingOccurrences(of: "database: regie.sqlite", with: "database: \"\(location)\""),
                               makeDatabase: false)
    }

    struct WorkbenchError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The workbench's store, opened as a second process would.
    func store() async throws -> any EventStore {
        if let postgres { return try await PostgresEventStore.open(postgres, password: nil) }
        return try SQLiteEventStore(path: database)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    struct Result {
        var status: Exit
        var out: String
        var err: String
    }

    /// The clock the commands run at (`REGIE_NOW`, ISO 8601), or nil for the computer's: a
    /// test that gives dates sets it, so that its dates are coherent with "today".
    var now: String?

    /// Runs a command line as `actor` (nil: no --as), the way `regie` would.
    @discardableResult
    func run(_ arguments: [String], as actor: String? = "anna", inWorkspace: Bool = true) async -> Result {
        let console = Console.capturing()
        var errors: [String] = []
        var full = arguments + (inWorkspace ? ["--workspace", folder.path] : [])
        if let actor { full += ["--as", actor] }
        let environment = now.map { ["REGIE_NOW": $0] } ?? [:]
        let status = await Console.$current.withValue(console) {
            await ProcessEnvironment.$overrides.withValue(environment) {
                await RegieMain.execute(full, errors: { errors.append($0) })
            }
        }
        let err = errors.joined(separator: "\n")
        // Every error any test provokes is worded from the catalogue with all its fields.
        #expect(err.firstMatch(of: /\{[a-z_0-9]+\}/) == nil, "an error left a placeholder unfilled: \(err)")
        return Result(status: status, out: console.captured, err: err)
    }

    /// Every row of the events and cases tables, to compare before and after a failed command.
    func snapshot() async throws -> String {
        let store = try await store()
        var lines: [String] = []
        for summary in try await store.summaries(team: nil) {
            lines.append("case \(summary.id) v\(summary.version) \(summary.status)")
            for event in try await store.events(of: summary.id) {
                lines.append("  \(event.version) \(event.actor) \(event.event)")
            }
        }
        let counts = try await store.counts()
        lines.append("counts \(counts.events) \(counts.cases) \(counts.ruleSources)")
        await store.close()
        return lines.joined(separator: "\n")
    }

    /// Writes a file of the workspace; a new `regie.yaml` keeps naming this workbench's store.
    func write(_ text: String, to relativePath: String) throws {
        var text = text
        if relativePath == Workspace.fileName, let postgres {
            text = text.replacingOccurrences(of: "database: regie.sqlite", with: "database: \"\(postgres)\"")
        }
        let url = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
