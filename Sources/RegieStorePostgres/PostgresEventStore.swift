import Crypto
import Foundation
import Logging
import PostgresNIO
import RegieAudit
import RegieCore
import RegieStore

/// The shared store for organisations: PostgreSQL through postgres-nio's `PostgresClient`.
///
/// Correctness under concurrency rests on one row: every write transaction first takes the
/// log-head row (`audit_state`) `FOR UPDATE`. Writers therefore commit one after another; each
/// hands out the next global positions without gaps (the Merkle leaf index) and chains from
/// the previous head, so the order of the audit log is the commit order. A case's version is
/// checked after the lock is held, so of two writers that read the same version exactly one
/// appends and the other gets ``StoreError/conflict(caseID:expected:actual:)``. Several Regie
/// processes may share one database this way; writes go to the primary only.
public final class PostgresEventStore: EventStore, @unchecked Sendable {
    let client: PostgresClient
    private let running: Task<Void, Never>
    let logger = PostgresEventStore.silentLogger
    /// postgres-nio logs nothing: statements and their values may hold case data.
    static let silentLogger = Logger(label: "regie.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    public let location: String
    public let isReadOnly = false
    public let allowsFixedClock: Bool
    private let policyLock = NSLock()
    private var policy: CheckpointPolicy?
    private var salts = SaltSource.random
    /// Random; the conformance suite derives salts from a seed to compare backends byte for byte.
    package var saltSource: SaltSource {
        get { policyLock.withLock { salts } }
        set { policyLock.withLock { salts = newValue } }
    }

    /// The log head and case heads as this store last wrote them (``appendInOneStatement``).
    private var lastState: AuditState?
    private var caseHeads: [Int: CaseHeadMemo] = [:]

    func remembered(case caseID: Int) -> (AuditState, CaseHeadMemo)? {
        policyLock.withLock {
            guard let lastState, let memo = caseHeads[caseID] else { return nil }
            return (lastState, memo)
        }
    }

    func remember(_ state: AuditState, case caseID: Int? = nil, _ memo: CaseHeadMemo? = nil) {
        policyLock.withLock {
            lastState = state
            if caseHeads.count > 10_000 { caseHeads.removeAll() }
            if let caseID, let memo { caseHeads[caseID] = memo }
        }
    }

    func forget() {
        policyLock.withLock {
            lastState = nil
            caseHeads.removeAll()
        }
    }

    public var checkpointPolicy: CheckpointPolicy? {
        get { policyLock.withLock { policy } }
        set { policyLock.withLock { policy = newValue } }
    }

    private init(client: PostgresClient, running: Task<Void, Never>, location: String, allowsFixedClock: Bool) {
        self.client = client
        self.running = running
        self.location = location
        self.allowsFixedClock = allowsFixedClock
    }

    /// Connects and brings the schema up to date.
    /// - Parameters:
    ///   - password: from the environment or a password file; never from `regie.yaml` itself.
    ///   - create: make an empty database into a Regie store (what `regie init` does);
    ///     otherwise a database without Regie's schema is refused.
    ///   - fixedClock: with `create`, marks the new store as a demo or test store.
    public static func open(_ location: PostgresLocation, password: String?, create: Bool = false, fixedClock: Bool = false)
        async throws(StoreError) -> PostgresEventStore
    {
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.user, password: password ?? location.urlPassword,
            database: location.database, tls: tls(location.tls))
        configuration.options.connectTimeout = .seconds(10)
        try await probe(location, password: password ?? location.urlPassword)
        let client = PostgresClient(configuration: configuration)
        let running = Task { await client.run() }
        do {
            try await PostgresMigrator.migrate(client, create: create, location: location.description)
            if create && fixedClock {
                try await client.query("INSERT INTO store_marks (name) VALUES ('fixed_clock') ON CONFLICT DO NOTHING")
            }
            let marks = try await client.query("SELECT count(*) FROM store_marks WHERE name = 'fixed_clock'")
            var fixed = false
            for try await (count) in marks.decode(Int.self) { fixed = count > 0 }
            return PostgresEventStore(client: client, running: running, location: location.description, allowsFixedClock: fixed)
        } catch {
            running.cancel()
            throw storeError(error, location: location.description)
        }
    }

    /// One direct connection first: the pool retries an unreachable server for a minute, a
    /// person at the command line should hear at once that it cannot be reached.
    private static func probe(_ location: PostgresLocation, password: String?) async throws(StoreError) {
        let logger = silentLogger
        var configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                             password: password, database: location.database,
                                                             tls: try connectionTLS(location))
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw storeError(error, location: location.description)
        }
    }

    /// TLS as the URL asks; when it asks for TLS and TLS cannot be set up, nothing connects.
    private static func connectionTLS(_ location: PostgresLocation) throws(StoreError) -> PostgresConnection.Configuration.TLS {
        guard location.tls != .disable else { return .disable }
        guard let context = try? NIOSSLContext(configuration: .makeClientConfiguration()) else {
            throw .unreachable(location: location.description, reason: "TLS could not be set up on this machine")
        }
        return location.tls == .prefer ? .prefer(context) : .require(context)
    }

    private static func tls(_ mode: PostgresLocation.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    public func close() async {
        running.cancel()
        _ = await running.value
    }

    // MARK: - Transactions and errors

    /// Runs `body` in one transaction; every error is a ``StoreError``.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    let value = try await body(connection)
                    try await connection.query("COMMIT", logger: logger)
                    return value
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw Self.storeError(error, location: location)
        }
    }

    /// Runs `body` with a connection, outside a transaction.
    func reading<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw Self.storeError(error, location: location)
        }
    }

    /// Takes the log-head row for this transaction and reads the audit state.
    func lockLedger(_ connection: PostgresConnection) async throws -> PostgresLedger {
        let rows = try await connection.query(
            "SELECT log_id, merkle, access_count, access_head FROM audit_state WHERE id = 1 FOR UPDATE", logger: logger)
        return try await PostgresLedger(state: Self.auditState(rows), salts: saltSource)
    }

    static func auditState(_ rows: PostgresRowSequence) async throws -> AuditState {
        for try await (logID, merkleBytes, accessEntries, accessHeadBytes) in rows.decode((String, Data, Int, Data).self) {
            guard let merkle = MerkleLog(serialized: Array(merkleBytes)), let accessHead = ChainHash(accessHeadBytes),
                  (0..<(1 << 53)).contains(accessEntries), merkle.count < 1 << 53
            else { throw StoreError.database(code: 0, message: "the audit state is unreadable") }
            return AuditState(logID: logID, merkle: merkle, accessEntries: accessEntries, accessHead: accessHead)
        }
        throw StoreError.database(code: 0, message: "the audit state is missing")
    }

    static func storeError(_ error: any Error, location: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? PSQLError {
            if let state = error.serverInfo?[.sqlState] {
                // The server answered: say what it said, never the statement or its values.
                let message = error.serverInfo?[.message] ?? "error"
                if state == "28P01" || state == "28000" { return .unreachable(location: location, reason: "the login was refused") }
                if state == "3D000" { return .unreachable(location: location, reason: "there is no such database") }
                return .database(code: 0, message: "PostgreSQL \(state): \(message)")
            }
            switch error.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown:
                return .unreachable(location: location, reason: "no connection")
            case .sslUnsupported:
                return .unreachable(location: location, reason: "the server does not offer TLS")
            default:
                return .unreachable(location: location, reason: "\(error.code)")
            }
        }
        if error is CancellationError { return .database(code: 0, message: "cancelled") }
        return .unreachable(location: location, reason: "no connection")
    }

    static func millis(_ date: Date) -> Int64 { StoredForm.millis(date) }
}
