import RegieReports
import Foundation
import RegieApp
import RegieCore

/// How the local command line says who asks: `--as`, else `REGIE_USER`, else the OS user; the
/// computer's clock, or `REGIE_NOW` on a demo or test store; `REGIE_BUSY_TIMEOUT`. On one
/// machine this is a trusted operator's claim: whoever can open the database can act as anyone.
extension CaseSession {
    convenience init(_ options: GlobalOptions, environment: [String: String] = ProcessEnvironment.current,
                     readOnlyFallback: Bool = false) async throws(RegieError) {
        // A command that reaches this works on the workspace only; the ones that work against a
        // server ask ``ServerClient`` first.
        if ServerClient.address(options, environment) != nil { throw RegieError(.usage, .notOnServer) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = try WorkspaceLoader.locate(explicit: options.workspace, environment: environment, currentDirectory: cwd)
        let workspace = try WorkspaceLoader.load(from: root)
        let (clock, fixed) = try Self.clock(environment)
        let request = Request(actorID: options.actor ?? environment["REGIE_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? "",
                              now: clock, clockIsFixed: fixed, language: options.lang, purpose: options.purpose,
                              busyTimeout: try Self.busyTimeout(environment))
        try await self.init(workspace: workspace, request: request, access: Self.storeAccess(environment),
                            readOnlyFallback: readOnlyFallback)
        OpenSessions.current?.add(self)
    }

    /// `REGIE_DATABASE_URL` overrides `database:`; `REGIE_DATABASE_PASSWORD` is the PostgreSQL
    /// password (else `database_password_file:`). Neither is ever printed.
    static func storeAccess(_ environment: [String: String]) -> StoreAccess {
        StoreAccess(databaseURL: environment["REGIE_DATABASE_URL"], password: environment["REGIE_DATABASE_PASSWORD"])
    }

    /// `REGIE_BUSY_TIMEOUT`: how many seconds to wait for another process's lock (default 5),
    /// a number from 0 to 3600; anything else is refused rather than trusted.
    static func busyTimeout(_ environment: [String: String]) throws(RegieError) -> TimeInterval {
        guard let text = environment["REGIE_BUSY_TIMEOUT"] else { return 5 }
        guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds.isFinite, (0...3600).contains(seconds) else {
            throw RegieError(.usage, .busyTimeoutInvalid)
        }
        return seconds
    }

    /// `REGIE_NOW` (ISO 8601) fixes the clock for reproducible demos and tests.
    /// Only on a database made as a demo or test store (`regie init --fixed-clock`).
    /// - Returns: the time, and whether it was fixed.
    static func clock(_ environment: [String: String]) throws(RegieError) -> (Date, fixed: Bool) {
        guard let text = environment["REGIE_NOW"], !text.isEmpty else { return (Date(), false) }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw RegieError(.usage, .regieNowInvalid)
        }
        return (date, true)
    }
}

/// The sessions one command line opened, closed when it ends (``RegieMain/execute(_:errors:)``),
/// so that the store is let go of before the process exits, whatever the command did.
final class OpenSessions: @unchecked Sendable {
    @TaskLocal static var current: OpenSessions?

    private let lock = NSLock()
    private var sessions: [CaseSession] = []

    func add(_ session: CaseSession) { lock.withLock { sessions.append(session) } }

    func closeAll() async {
        let open = lock.withLock { defer { sessions = [] }; return sessions }
        for session in open { await session.close() }
    }
}
