import Foundation
import GRDB
import RegieAudit
import RegieCore

/// The embedded default store: one SQLite file through GRDB, in WAL mode with full
/// durability (`synchronous = FULL`), a busy timeout for concurrent processes, and schema
/// migrations. Safe to share between processes and tasks: GRDB's queue serialises access to
/// the connection, and the checkpoint policy is kept under a lock.
public final class SQLiteEventStore: EventStore, @unchecked Sendable {
    /// `PRAGMA application_id` of Regie databases ("REGI").
    package static let applicationID: Int32 = 0x5245_4749

    public let path: String
    let queue: DatabaseQueue
    /// When set, the store signs a checkpoint every so many events and whenever a case closes,
    /// in the same transaction as the events.
    public var checkpointPolicy: CheckpointPolicy? {
        get { policyLock.withLock { policy } }
        set { policyLock.withLock { policy = newValue } }
    }
    private let policyLock = NSLock()
    private var policy: CheckpointPolicy?
    private var salts = SaltSource.random
    /// Random; the conformance suite derives salts from a seed to compare backends byte for byte.
    package var saltSource: SaltSource {
        get { policyLock.withLock { salts } }
        set { policyLock.withLock { salts = newValue } }
    }
    /// True for a database created as a demo or test store (`fixedClock` at creation): only
    /// there may a fixed clock (REGIE_NOW) be used.
    public let allowsFixedClock: Bool
    /// Opened with `readOnly`: nothing can be written, reads included.
    public let isReadOnly: Bool

    /// Opens (or with `create`, creates) the database at `path` and brings its schema up to date.
    /// - Parameters:
    ///   - busyTimeout: how long to wait for another process's lock before reporting it.
    /// - Throws: ``StoreError`` when the file is missing, not a Regie database, newer, locked or unreadable.
    ///   - fixedClock: with `create`, marks a new database as a demo or test store.
    ///   - readOnly: open without writing anything, for checking a copy that cannot be written;
    ///     every write then fails with ``StoreError/readOnly(path:)``.
    public init(path: String, create: Bool = false, fixedClock: Bool = false, readOnly: Bool = false,
                busyTimeout: TimeInterval = 5) throws(StoreError) {
        self.path = path
        self.isReadOnly = readOnly
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create { throw .missingDatabase(path: path) }
        if readOnly {
            queue = try Self.openReadOnly(path: path, busyTimeout: busyTimeout)
            do {
                allowsFixedClock = try queue.read { db in try Self.hasFixedClockMark(db) }
            } catch {
                throw Self.storeError(error, path: path)
            }
            return
        }
        if !exists {
            // Private from the start: SQLite gives the WAL and shared-memory files the same mode.
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            let needsMigration = try queue.writeWithoutTransaction { db in
                try Self.checkIdentity(db, path: path, create: create)
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                if try StoreSchema.migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
                return try !StoreSchema.migrator.hasCompletedMigrations(db)
            }
            if needsMigration { try StoreSchema.migrator.migrate(queue) }
            if create && fixedClock {
                try queue.write { db in try db.execute(sql: "INSERT OR IGNORE INTO store_marks (name) VALUES ('fixed_clock')") }
            }
            allowsFixedClock = try queue.read { db in try Self.hasFixedClockMark(db) }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    private static func hasFixedClockMark(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM store_marks WHERE name = 'fixed_clock'") ?? 0 > 0
    }

    public var location: String { path }

    /// Opens an existing database without writing to it: the schema must already be current.
    private static func openReadOnly(path: String, busyTimeout: TimeInterval) throws(StoreError) -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        do {
            let queue: DatabaseQueue
            do {
                let plain = try DatabaseQueue(path: path, configuration: config)
                try plain.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
                queue = plain
            } catch {
                // In WAL mode even a reader needs the shared-memory file; where the folder cannot
                // be written either, the copy is opened as immutable: nobody can change it here.
                let uriPath = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
                queue = try DatabaseQueue(path: "file:" + uriPath + "?immutable=1", configuration: config)
            }
            try queue.read { db in
                guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID else {
                    throw StoreError.notARegieDatabase(path: path)
                }
                if try StoreSchema.migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
                guard try StoreSchema.migrator.hasCompletedMigrations(db) else { throw StoreError.readOnly(path: path) }
            }
            return queue
        } catch {
            throw storeError(error, path: path)
        }
    }

    /// A Regie database carries Regie's application id. Only `create` (what `init` does) may
    /// make an empty file into one: an empty or foreign file found later is refused, never
    /// silently turned into a new, empty store.
    private static func checkIdentity(_ db: Database, path: String, create: Bool) throws {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if id == applicationID { return }
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        guard create, id == 0, tables == 0 else { throw StoreError.notARegieDatabase(path: path) }
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }

    public func openCase(_ opened: CaseOpened, workflowSource: String, pluginSources: [String], actor: String,
                         at date: Date) throws(StoreError) -> RecordedEvent {
        try WriteChecks.opening(opened, workflowSource: workflowSource, pluginSources: pluginSources)
        let pins = opened.plugins ?? []
        let event = CaseEvent.opened(opened)
        let payload = try Self.encode(event)
        return try write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO rule_sources (hash, kind, name, source, stored_at) VALUES (?, 'workflow', ?, ?, ?)",
                arguments: [opened.workflowHash, opened.workflow, workflowSource, Self.millis(date)])
            for (pin, source) in zip(pins, pluginSources) {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO rule_sources (hash, kind, name, source, stored_at) VALUES (?, 'plugin', ?, ?, ?)",
                    arguments: [pin.hash, pin.name, source, Self.millis(date)])
            }
            let id = try Self.insertCase(db, CaseSummary(id: 0, opened: opened, at: date))
            let pluginHashes = pins.map(\.hash).joined(separator: " ")
            var ledger = try AuditLedger.load(db)
            ledger.salts = saltSource
            let before = ledger.state.merkle.count
            let hash = try ledger.record(db, caseID: id, version: 1, previous: .zero, type: event.typeName, actor: actor,
                                         at: Self.millis(date), rules: [opened.workflowHash] + pins.map(\.hash), payload: payload)
            try db.execute(sql: "UPDATE cases SET head_hash = ?, plugin_hashes = ? WHERE id = ?",
                           arguments: [Data(hash.bytes), pluginHashes, id])
            try CaseFactsTable.write(db, CaseFacts(CaseState(id: id, opened: opened, at: date, by: actor)))
            try finishAppend(db, ledger, countBefore: before, closesCase: false, at: date)
            return RecordedEvent(caseID: id, version: 1, actor: actor, recordedAt: date, event: event)
        }
    }

    public func append(_ events: [CaseEvent], to caseID: Int, expectedVersion: Int, actor: String, at date: Date)
        throws(StoreError) -> [RecordedEvent]
    {
        try append(events, to: caseID, expectedVersion: expectedVersion, actor: actor, at: date, ruleSources: [], facts: nil)
    }

    public typealias RuleSource = RegieStore.RuleSource

    /// Appends events and stores rule sources in the same transaction. A `case_migrated`
    /// event changes the rules recorded with it and every later event, and the case list's
    /// pins; every hash it names must be stored (now or before).
    /// - Parameter facts: the case's report facts after these events, stored with them; nil
    ///   forgets the stored ones, and the report then works them out from the events.
    public func append(_ events: [CaseEvent], to caseID: Int, expectedVersion: Int, actor: String, at date: Date,
                       ruleSources: [RuleSource], facts: CaseFacts?) throws(StoreError) -> [RecordedEvent]
    {
        guard !events.isEmpty else { return [] }
        try WriteChecks.append(to: caseID, ruleSources: ruleSources, facts: facts)
        let payloads = try events.map { event throws(StoreError) in try Self.encode(event) }
        return try write { db in
            for rule in ruleSources {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO rule_sources (hash, kind, name, source, stored_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [rule.hash, rule.kind, rule.name, rule.source, Self.millis(date)])
            }
            let current = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT version, round, workflow_hash, plugin_hashes, head_hash FROM cases WHERE id = ?"),
                arguments: [caseID])
            guard let current else { throw StoreError.caseNotFound(caseID) }
            let version: Int = try current.decode(forColumn: "version")
            let round: Int = try current.decode(forColumn: "round")
            guard version == expectedVersion else {
                throw StoreError.conflict(caseID: caseID, expected: expectedVersion, actual: version)
            }
            guard var head = (try current.decode(Data?.self, forColumn: "head_hash")).flatMap({ ChainHash($0) }) else {
                throw StoreError.corrupt(caseID: caseID, version: version, problem: "the case list holds no readable head hash")
            }
            let pluginHashes: String = try current.decode(forColumn: "plugin_hashes")
            var rules: [String] = [try current.decode(forColumn: "workflow_hash")] + pluginHashes.split(separator: " ").map(String.init)
            var ledger = try AuditLedger.load(db)
            ledger.salts = saltSource
            let before = ledger.state.merkle.count
            var recorded: [RecordedEvent] = []
            var change = SummaryChange()
            for (offset, event) in events.enumerated() {
                let version = expectedVersion + offset + 1
                if case .migrated(let migrated) = event {
                    rules = [migrated.workflowHash] + migrated.plugins.map(\.hash)
                    for hash in rules where try Int.fetchOne(db, sql: "SELECT count(*) FROM rule_sources WHERE hash = ?", arguments: [hash]) != 1 {
                        throw StoreError.database(code: 0, message: "a migration names rules that are not stored")
                    }
                }
                head = try ledger.record(db, caseID: caseID, version: version, previous: head, type: event.typeName,
                                         actor: actor, at: Self.millis(date), rules: rules, payload: payloads[offset])
                change.add(event)
                recorded.append(RecordedEvent(caseID: caseID, version: version, actor: actor, recordedAt: date, event: event))
            }
            // The projection: most commands change only the version; transitions change the status too.
            let newVersion = expectedVersion + events.count
            if let status = change.status {
                try db.cachedStatement(sql: """
                    UPDATE cases SET version = ?, updated_at = ?, head_hash = ?, state = ?, phase = ?, status_json = ?, round = ?
                    WHERE id = ?
                    """).execute(arguments: [newVersion, Self.millis(date), Data(head.bytes), status.state, status.phase.rawValue,
                                             Self.statusJSON(status), round + change.roundsAdded, caseID])
            } else {
                try db.cachedStatement(sql: "UPDATE cases SET version = ?, updated_at = ?, head_hash = ? WHERE id = ?")
                    .execute(arguments: [newVersion, Self.millis(date), Data(head.bytes), caseID])
            }
            if let migrated = change.rules {
                try db.execute(sql: "UPDATE cases SET workflow_hash = ?, plugin_hashes = ? WHERE id = ?",
                               arguments: [migrated.workflowHash, migrated.pluginHashes.joined(separator: " "), caseID])
            }
            if let team = change.team { try db.execute(sql: "UPDATE cases SET team = ? WHERE id = ?", arguments: [team, caseID]) }
            if let label = change.clientLabel {
                try db.execute(sql: "UPDATE cases SET client_label = ? WHERE id = ?", arguments: [label, caseID])
            }
            if let facts { try CaseFactsTable.write(db, facts) } else { try CaseFactsTable.forget(db, caseID: caseID) }
            let closes = change.status.map { if case .closed = $0 { true } else { false } } ?? false
            try finishAppend(db, ledger, countBefore: before, closesCase: closes, at: date)
            return recorded
        }
    }

    public func events(of caseID: Int) throws(StoreError) -> [RecordedEvent] {
        let events: [RecordedEvent]
        do {
            events = try queue.read { db in try Self.events(db, of: caseID) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
        guard !events.isEmpty else { throw .caseNotFound(caseID) }
        return events
    }

    /// A case's events read and decoded inside a database access (none for an unknown case).
    /// - Throws: ``StoreError/corrupt(caseID:version:problem:)`` for a payload that cannot be read.
    static func events(_ db: Database, of caseID: Int) throws -> [RecordedEvent] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT version, type, actor, recorded_at, payload FROM events WHERE case_id = ? ORDER BY version",
            arguments: [caseID])
        return try rows.map { row in
            try StoredForm.event(caseID: caseID, version: try row.decode(forColumn: "version"), type: try row.decode(forColumn: "type"),
                                 actor: try row.decode(forColumn: "actor"), millis: try row.decode(forColumn: "recorded_at"),
                                 payload: try row.decode(forColumn: "payload"))
        }
    }

    /// The report facts of every case of these teams (nil: of every team), one row per case,
    /// and the ids of the cases of these teams that have none stored (their events tell).
    public func caseFacts(teams: [String]?) throws(StoreError) -> (facts: [CaseFacts], missing: [Int]) {
        var facts: [CaseFacts] = []
        let missing = try forEachCaseFacts(teams: teams) { facts.append($0) }
        return (facts, missing)
    }

    /// Hands the report facts of every case of these teams (nil: every team) to `body`, one at a time, and
    /// gives the ids of the cases of these teams that have none stored.
    public func forEachCaseFacts(teams: [String]?, _ body: (CaseFacts) -> Void) throws(StoreError) -> [Int] {
        do {
            return try queue.read { db in try CaseFactsTable.read(db, teams: teams, body) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    public func summaries(team: String?) throws(StoreError) -> [CaseSummary] {
        do {
            return try queue.read { db in
                let sql = "SELECT * FROM cases" + (team == nil ? "" : " WHERE team = ?") + " ORDER BY id"
                return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(team.map { [$0] } ?? []))
                    .map(Self.summary(from:))
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Every stored source of one kind (`workflow` or `plugin`) whose content still matches the
    /// hash it is stored under: `audit verify` loads them before it reads the log, as it cannot
    /// read the database again while it does. ``alteredRuleSources()`` names the others.
    public func ruleSources(kind: String) throws(StoreError) -> [(hash: String, name: String, source: String)] {
        try allRuleSources().filter { $0.kind == kind && RuleHash.of($0.source) == $0.hash }
            .map { (hash: $0.hash, name: $0.name, source: $0.source) }
    }

    /// The hashes of stored rule sources whose content no longer matches them: rewritten behind
    /// Regie's back. Every load of a stored rule refuses these.
    public func alteredRuleSources() throws(StoreError) -> [String] {
        try allRuleSources().filter { RuleHash.of($0.source) != $0.hash }.map(\.hash)
    }

    private func allRuleSources() throws(StoreError) -> [(hash: String, kind: String, name: String, source: String)] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT hash, kind, name, source FROM rule_sources ORDER BY hash").map {
                    (hash: try $0.decode(forColumn: "hash"), kind: try $0.decode(forColumn: "kind"),
                     name: try $0.decode(forColumn: "name"), source: try $0.decode(forColumn: "source"))
                }
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// The stored source with this content hash, checked against it: a source that no longer
    /// matches its hash is refused (``StoreError/ruleAltered(hash:)``), so no case is ever
    /// decided by rules other than the ones it is pinned to.
    public func ruleSource(hash: String) throws(StoreError) -> String? {
        let source: String?
        do {
            source = try queue.read { db in
                try String.fetchOne(db, sql: "SELECT source FROM rule_sources WHERE hash = ?", arguments: [hash])
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
        if let source, RuleHash.of(source) != hash { throw .ruleAltered(hash: hash) }
        return source
    }

    /// Counts of rows, for tests and checks that a failed command changed nothing.
    public func counts() throws(StoreError) -> (events: Int, cases: Int, ruleSources: Int) {
        do {
            return try queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM rule_sources") ?? 0)
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Every table's row count, in one read.
    func allCounts() throws(StoreError) -> StoreCounts {
        do {
            return try queue.read { db in
                func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
                return StoreCounts(events: try count("events"), cases: try count("cases"), ruleSources: try count("rule_sources"),
                                   accessEntries: try count("access_log"), checkpoints: try count("checkpoints"))
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    // MARK: - Helpers

    /// Saves the audit state and, under the checkpoint policy, signs a checkpoint.
    /// A bulk import (`bulk`) always ends with a checkpoint: it may pass several multiples of
    /// the policy's count at once.
    func finishAppend(_ db: Database, _ ledger: AuditLedger, countBefore: Int, closesCase: Bool, bulk: Bool = false,
                      at date: Date) throws {
        try ledger.save(db)
        guard let policy = checkpointPolicy else { return }
        if bulk {
            _ = try ledger.checkpoint(db, key: policy.key, at: date, trigger: CheckpointDemand.importTrigger)
        } else if closesCase {
            _ = try ledger.checkpoint(db, key: policy.key, at: date, trigger: "case closed")
        } else if countBefore / policy.every != ledger.state.merkle.count / policy.every {
            _ = try ledger.checkpoint(db, key: policy.key, at: date, trigger: "every \(policy.every) events")
        }
    }

    /// Runs `body` in one IMMEDIATE transaction: it takes the write lock up front, so two
    /// processes queue behind the busy timeout instead of failing half-way.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// The payload text stored for an event.
    static func encode(_ event: CaseEvent) throws(StoreError) -> String { try StoredForm.payload(event) }

    private static func summary(from row: Row) throws -> CaseSummary {
        // Most cases are active: their status is just the phase, with nothing to decode.
        let status = try StoredForm.status(state: try row.decode(forColumn: "state"), phase: try row.decode(forColumn: "phase"),
                                           json: try row.decode(forColumn: "status_json"))
        return CaseSummary(
            id: try row.decode(forColumn: "id"), team: try row.decode(forColumn: "team"), clientLabel: try row.decode(forColumn: "client_label"), status: status, round: try row.decode(forColumn: "round"),
            version: try row.decode(forColumn: "version"), complex: try row.decode(forColumn: "complex"), workflowHash: try row.decode(forColumn: "workflow_hash"),
            openedAt: try readableDate(row, "opened_at"), updatedAt: try readableDate(row, "updated_at"))
    }

    /// Adds a row to the case list; the database assigns the case id.
    /// - Returns: the new case id.
    static func insertCase(_ db: Database, _ s: CaseSummary) throws -> Int {
        try db.cachedStatement(sql: """
            INSERT INTO cases (team, client_label, state, phase, status_json, round, version, complex,
                               workflow_hash, opened_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                s.team, s.clientLabel, s.status.state, s.status.phase.rawValue, statusJSON(s.status), s.round, s.version,
                s.complex, s.workflowHash, millis(s.openedAt), millis(s.updatedAt),
            ])
        return Int(db.lastInsertedRowID)
    }

    static func statusJSON(_ status: CaseStatus) -> String { StoredForm.statusJSON(status) }

    static func millis(_ date: Date) -> Int64 { StoredForm.millis(date) }

    /// A stored time, refused unless it is one Regie could have written.
    static func readableDate(_ row: Row, _ column: String) throws -> Date {
        try StoredForm.readableDate(millis: try row.decode(forColumn: column), column: column)
    }

    static func date(millis: Int64) -> Date { StoredForm.date(millis: millis) }

    /// The column a decoding error is about, from GRDB's context (never the value itself).
    private static func column(of error: RowDecodingError) -> String {
        let text = String(describing: error)
        guard let range = text.range(of: "column: \""), let end = text[range.upperBound...].firstIndex(of: "\"") else {
            return "?"
        }
        return String(text[range.upperBound..<end])
    }

    static func storeError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? RowDecodingError {
            // A value Regie did not write (text in a number column, a blob for a text, NULL):
            // reported, never a crash. GRDB's description names the column, not the value.
            return .unreadableValue(column: Self.column(of: error))
        }
        guard let error = error as? DatabaseError else {
            return .database(code: 0, message: "unexpected storage failure")
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_READONLY: return .readOnly(path: path)
        case .SQLITE_NOTADB: return .notARegieDatabase(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM: return .readOnly(path: path)
        case .SQLITE_CONSTRAINT:
            // The (case, version) key is a backstop: the version check in the same IMMEDIATE
            // transaction comes first, so this means the database was changed behind Regie's back.
            return .database(code: error.resultCode.rawValue, message: "a stored row breaks a constraint")
        default:
            // SQLite's own message holds no arguments; keep it short.
            return .database(code: error.resultCode.rawValue, message: error.message ?? "SQLite error")
        }
    }
}
