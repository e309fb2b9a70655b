import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
@testable import RegieApp
@testable import RegieCLI
import RegieCore
import RegieServer
import RegieStore

/// A workspace with two teams on a SQLite store, and the server's router on it, for
/// HummingbirdTesting's `.router` tests: no socket, every request through the whole stack.
final class ServerBench {
    static let yaml = """
        organisation: "Test"
        locale: en
        database: regie.sqlite
        teams:
          - id: west
          - id: oost
        people:
          - id: anna
            name: Anna
            role: worker
            teams: [west]
          - id: karim
            role: coordinator
            teams: [west]
          - id: bob
            role: worker
            teams: [oost]

        """

    /// The server's request log, silenced in tests.
    static let quiet = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    let folder: URL
    let workspace: Workspace
    let store: SQLiteEventStore

    init(yaml: String = ServerBench.yaml) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-server-\(UUID().uuidString)")
        try InitCommand.create(at: folder, yaml: yaml, fixedClock: true)
        var loaded = try WorkspaceLoader.load(from: folder)
        // bcrypt's lowest cost: the tests check what is hashed and compared, not how slowly.
        loaded.server.bcryptCost = 4
        workspace = loaded
        store = try SQLiteEventStore(path: folder.appendingPathComponent("regie.sqlite").path)
        try await apply(workspace)
    }

    /// Records a workspace's people, teams and roles, as `regie config apply` by a coordinator does.
    func apply(_ workspace: Workspace, by coordinator: String = "karim") async throws {
        let session = try CaseSession(workspace: workspace, request: RegieApp.Request(actorID: coordinator, now: Date()), sharedStore: store)
        _ = try await session.applyConfiguration()
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The application on this workspace (or on a changed copy of it, as a restarted server would
    /// load it), on the computer's clock or at a fixed time.
    /// - Parameter checkEvery: how often the server looks for a newly applied configuration.
    func application(_ workspace: Workspace? = nil, at now: Date? = nil, checkEvery: TimeInterval = 3600,
                     logger: Logger = ServerBench.quiet) async throws -> some ApplicationProtocol {
        let router = try await RegieServerApplication.testRouter(workspace: workspace ?? self.workspace, store: store, logger: logger,
                                                           fixedNow: now, configurationCheckSeconds: checkEvery)
        return Application(router: router)
    }

    /// An enrolment link for a person, made by a coordinator as `regie account invite` does, and
    /// the second factor it sets up.
    func invite(_ person: String, by coordinator: String = "karim") async throws -> (code: String, totp: TOTP) {
        let session = try CaseSession(workspace: workspace, request: RegieApp.Request(actorID: coordinator, now: Date()), sharedStore: store)
        let code = try await session.invite(person).code
        return (code, try await ServerLogins(workspace: workspace, store: store).enrolment(code: code, at: Date()).totp)
    }

    /// A fresh token for a person, made as `regie token create` does.
    func token(for person: String, days: Int? = nil) async throws -> String {
        let session = try CaseSession(workspace: workspace, request: RegieApp.Request(actorID: person, now: Date()), sharedStore: store)
        return try await session.createToken(name: "test", days: days).secret
    }

    /// Opens a case for a team as a person, through the command layer.
    func openCase(team: String, as person: String) async throws -> Int {
        let session = try CaseSession(workspace: workspace, request: RegieApp.Request(actorID: person, now: Date()), sharedStore: store)
        return try await session.openCase(team: team, clientLabel: "Client \(UUID().uuidString.prefix(4))", reference: nil, complex: false).id
    }

    /// How many reads the access log holds for a person.
    func reads(by person: String) throws -> Int {
        try DatabaseQueueReader(self).count("SELECT count(*) FROM access_log WHERE actor = '\(person)'")
    }
}

extension TestClientProtocol {
    /// A request with a token and optional JSON body and headers.
    @discardableResult
    func call(_ method: HTTPRequest.Method, _ uri: String, token: String?, json: String? = nil, headers extra: HTTPFields = [:])
        async throws -> TestResponse
    {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) }) { $0 }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object (empty if it is not one).
    var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
}
