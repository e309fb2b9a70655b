import Foundation
import GRDB
import Synchronization
import Testing
import RegieAudit
@testable import RegieCore
@testable import RegieStore

/// A fresh database file in a new temporary folder, removed afterwards.
final class TemporaryDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("regie.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("regie-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

@Suite("The SQLite event store")
struct StoreTests {
    static let workflowSource = "workflow: test\nphases: {}\n"
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func opened(_ label: String = "J.") -> CaseOpened {
        CaseOpened(team: "west", clientLabel: label, externalReference: nil, complex: false, workflow: "test",
                   workflowHash: RuleHash.of(workflowSource))
    }

    static func goal(_ id: Int) -> CaseEvent { .goalAdded(GoalAdded(goalID: id, text: "Doel \(id)", term: .short, wordedBy: .client)) }

    @Test("opening, appending and reading back a case")
    func roundTrip() throws {
        let db = try TemporaryDatabase()
        let store = try SQLiteEventStore(path: db.path, create: true)
        let first = try store.openCase(Self.opened(), workflowSource: Self.workflowSource, pluginSources: [], actor: "anna", at: Self.now)
        #expect(first.caseID == 1)
        let second = try store.openCase(Self.opened("K."), workflowSource: Self.workflowSource, pluginSources: [], actor: "anna", at: Self.now)
        #expect(second.caseID == 2)
        let appended = try store.append([Self.goal(1), Self.goal(2)], to: 1, expectedVersion: 1, actor: "anna", at: Self.now)
        #expect(appended.map(\.version) == [2, 3])
        let events = try store.events(of: 1)
        #expect(events.map(\.version) == [1, 2, 3])
        #expect(events[1].event == Self.goal(1))
        #expect(events[1].recordedAt == Self.now)
        #expect(try store.ruleSource(hash: RuleHash.of(Self.workflowSource)) == Self.workflowSource)
        let summaries = try store.summaries(team: "west")
        #expect(summaries.map(\.version) == [3, 1])
        #expect(try store.summaries(team: "oost").isEmpty)
        #expect(try store.counts().ruleSources == 1, "a workflow is stored once by its hash")
    }

    @Test("the projection is updated with the events it derives from")
    func projection() throws {
        let db = try TemporaryDatabase()
        let store = try SQLiteEventStore(path: db.path, create: true)
        _ = try store.openCase(Self.opened(), workflowSource: Self.workflowSource, pluginSources: [], actor: "anna", at: Self.now)
        let move = Transitioned(move: .pause, from: .active(.goals), to: .paused(.goals, PauseInfo(kind: .crisis, reason: "r")),
                                reason: "r", unmet: [], overridden: false, checklist: [])
        _ = try store.append([.transitioned(move)], to: 1, expectedVersion: 1, actor: "anna", at: Self.now.addingTimeInterval(60))
        let summary = try #require(try store.summaries(team: nil).first)
        #expect(summary.status == .paused(.goals, PauseInfo(kind: .crisis, reason: "r")))
        #expect(summary.updatedAt == Self.now.addingTimeInterval(60))

        let nextRound = Transitioned(move: .nextRound, from: .active(.followUp), to: .active(.meeting),
                                     reason: nil, unmet: [], overridden: false, checklist: [])
        _ = try store.append([Self.goal(1), .transitioned(nextRound)], to: 1, expectedVersion: 2, actor: "anna", at: Self.now)
        let after = try #require(try store.summaries(team: nil).first)
        #expect(after.status == .active(.meeting))
        #expect(after.round == 2, "a next round is counted in the case list")
        #expect(after.version == 4)
    }

    @Test("report facts: stored with the opening and each append that brings them, forgotten by one that does not, filled in by the migration")
    func reportFacts() throws {
        let db = try TemporaryDatabase()
        let store = try SQLiteEventStore(path: db.path, create: true)
        _ = try store.openCase(Self.opened(), workflowSource: Self.workflowSource, pluginSources: [], actor: "anna", at: Self.now)
        _ = try store.openCase(Self.opened("K."), workflowSource: Self.workflowSource, pluginSources: [], actor: "anna", at: Self.now)
        #expect(try store.caseFacts(teams: ["west"]).facts.map(\.goals) == [0, 0])
        var facts = try CaseFacts.of(store.events(of: 1))
        facts.goals = 7  // not what the events say: shows that the given facts are what is stored
        _ = try store.append([Self.goal(1)], to: 1, expectedVersion: 1, actor: "anna", at: Self.now, ruleSources: [], facts: facts)
        #expect(try store.caseFacts(teams: ["west"]).facts.map(\.goals) == [7, 0])
        #expect(throws: StoreError.self) {
            try store.append([Self.goal(2)], to: 2, expectedVersion: 1, actor: "anna", at: Self.now, ruleSources: [], facts: facts)
        }
        _ = try store.append([Self.goal(1)], to: 2, expectedVersion: 1, actor: "anna", at: Self.now)
        #expect(try store.caseFacts(teams: ["west"]).missing == [2])
        #expect(try store.caseFacts(teams: ["oost"]) == ([], []))

        // A database from before the facts table: the migration works them out from the events.
        let queue = try DatabaseQueue(path: db.path)
        try queue.write { db in
            // (and so from before its case-list column of schema 6 and its dropped goals of schema 9)
            try db.execute(sql: """
                DROP TABLE case_facts;
                DELETE FROM grdb_migrations WHERE identifier IN ('v4: report facts', 'v6: case list part of the facts',
                                                                 'v9: dropped goals in the facts')
                """)
        }
        try queue.close()
        let reopened = try SQLiteEventStore(path: db.path)
        let filled = try reopened.caseFacts(teams: ["west"])
        #expect(filled.missing.isEmpty)
        #expect(filled.facts == [try CaseFacts.of(reopened.events(of: 1)), try CaseFacts.of(reopened.events(of: 2))])
        #expect(filled.facts.map(\.goals) == [1, 1])
        #expect(filled.facts.map(\.goalsDropped) == [0, 0], "schema 9 counts the dropped goals from the events")
    }

    @Test("stays are read back as written, and anything else is refused")
    func staysText() {
        #expect(CaseFactsTable.parseStays("")!.isEmpty)
        #expect(CaseFactsTable.parseStays("1:3 2:17 5:0")!.map { "\($0.phase.number):\($0.days)" } == ["1:3", "2:17", "5:0"])
        for bad in ["1", "1:", ":3", "6:1", "1:3 ", "1:3  2:4", "1:x", "1:3:4", "1:9999999999"] {
            #expect(CaseFactsTable.parseStays(bad) == nil, "\(bad)")
        }
    }

    @Test("a writer that read an old version gets a conflict and writes nothing")
    func conflict() throws {
        let db = try TemporaryDatabase()
        let store = try SQLiteEventStore(path: db.path, create: true)
        _ = try store.openCase(Self.opened(), workflowSource: Self.workflowSource, pluginSources: [], actor: "anna", at: Self.now)
        _ = try store.append([Self.goal(1)], to: 1, expectedVersion: 1, actor: "anna", at: Self.now)
        #expect(throws: StoreError.conflict(caseID: 1, expected: 1, actual: 2)) {
            try store.append([Self.goal(2), Self.goal(3)], to: 1, expectedVersion: 1, actor: "bob", at: Self.now)
        }
        #expect(try store.events(of: 1).count == 2)
        #expect(try store.counts().events == 2)
        #expect(throws: StoreError.caseNotFound(9)) { try store.append([Self.goal(1)], to: 9, expectedVersion: 1, actor: "a", at: Self.now) }
    }

    @Test("two writers racing on one case: exactly one wins each round, no event is lost")
    func concurrentWriters() throws {
        let db = try TemporaryDatabase()
        _ = try SQLiteEventStore(path: db.path, create: true)
            .openCase(Self.opened(), workflowSource: Self.workflowSource, pluginSources: [], actor: "anna", at: Self.now)
        let path = db.path
        let rounds = 30
        let wins = Mutex([0, 0])
        let failures = Mutex([String]())
        // Two threads with their own connection; both append at the same read version each round.
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let store = try SQLiteEventStore(path: path)
                for round in 0..<rounds {
                    let version = 1 + round
                    do {
                        _ = try store.append([StoreTests.goal(writer * 1000 + round)], to: 1, expectedVersion: version,
                                             actor: "w\(writer)", at: StoreTests.now)
                        wins.withLock { $0[writer] += 1 }
                    } catch StoreError.conflict {
                        // The other writer won this round.
                    }
                    while try store.events(of: 1).count < version + 1 { usleep(500) }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let events = try SQLiteEventStore(path: path).events(of: 1)
        #expect(wins.withLock { $0.reduce(0, +) } == rounds, "exactly one writer wins each round")
        #expect(events.count == rounds + 1)
        #expect(events.map(\.version) == Array(1...(rounds + 1)))
    }

    @Test("a missing database is reported unless asked to create it")
    func missing() throws {
        let db = try TemporaryDatabase()
        #expect(throws: StoreError.missingDatabase(path: db.path)) { try SQLiteEventStore(path: db.path) }
    }

    @Test("a file that is not a Regie database is refused and left alone")
    func notRegie() throws {
        let db = try TemporaryDatabase()
        try Data("hello, I am a text file\n".utf8).write(to: URL(fileURLWithPath: db.path))
        #expect(throws: StoreError.notARegieDatabase(path: db.path)) { try SQLiteEventStore(path: db.path) }
        #expect(try String(contentsOfFile: db.path, encoding: .utf8) == "hello, I am a text file\n")

        let other = db.folder.appendingPathComponent("other.sqlite").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3; c=sqlite3.connect('\(other)'); c.execute('create table t(x)'); c.commit()"]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        #expect(throws: StoreError.notARegieDatabase(path: other)) { try SQLiteEventStore(path: other) }
    }

    @Test("an event that no longer decodes is reported as corrupt, not crashed on")
    func corruptPayload() throws {
        let db = try TemporaryDatabase()
        let store = try SQLiteEventStore(path: db.path, create: true)
        _ = try store.openCase(Self.opened(), workflowSource: Self.workflowSource, pluginSources: [], actor: "anna", at: Self.now)
        try store.queue.write { db in try db.execute(sql: "UPDATE events SET payload = '{}' WHERE version = 1") }
        #expect(throws: StoreError.corrupt(caseID: 1, version: 1, problem: "the case_opened payload cannot be read")) {
            try store.events(of: 1)
        }
    }

    @Test("the database runs in WAL mode with full durability")
    func durability() throws {
        let db = try TemporaryDatabase()
        let store = try SQLiteEventStore(path: db.path, create: true)
        let (mode, sync) = try store.queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal")
        #expect(sync == 2, "synchronous = FULL")
    }
}

@Suite("Bulk import")
struct ImportTests {
    @Test("whole streams import in one transaction, all or nothing")
    func importStreams() throws {
        let db = try TemporaryDatabase()
        let store = try SQLiteEventStore(path: db.path, create: true)
        let source = StoreTests.workflowSource
        func stream(_ goals: Int) -> [RecordedEvent] {
            [RecordedEvent(caseID: 0, version: 1, actor: "a", recordedAt: StoreTests.now, event: .opened(StoreTests.opened()))]
                + (0..<goals).map { RecordedEvent(caseID: 0, version: $0 + 2, actor: "a", recordedAt: StoreTests.now, event: StoreTests.goal($0 + 1)) }
        }
        let ids = try store.importCases([stream(2), stream(0), stream(5)], workflowSources: [RuleHash.of(source): source])
        #expect(ids == [1, 2, 3])
        #expect(try store.events(of: 3).count == 6)
        #expect(try store.summaries(team: nil).map(\.version) == [3, 1, 6])
        var broken = stream(3)
        broken.remove(at: 2)
        #expect(throws: StoreError.self) { try store.importCases([stream(1), broken], workflowSources: [RuleHash.of(source): source]) }
        #expect(throws: StoreError.self) { try store.importCases([stream(1)], workflowSources: [:]) }
        #expect(try store.counts().cases == 3, "a failed import writes nothing")
    }

    @Test("plugin pins and migrations: each event records the rules in force when it was made, live or imported")
    func pluginRules() throws {
        let db = try TemporaryDatabase()
        let store = try SQLiteEventStore(path: db.path, create: true)
        let workflow = StoreTests.workflowSource
        let plugin = "return { api = 1, name = 'p', version = '1' }"
        let pluginV2 = "return { api = 1, name = 'p', version = '2' }"
        var opened = StoreTests.opened()
        opened.plugins = [PluginPin(name: "p", hash: RuleHash.of(plugin))]
        #expect(throws: StoreError.self) {
            try store.openCase(opened, workflowSource: workflow, pluginSources: [], actor: "anna", at: StoreTests.now)
        }
        _ = try store.openCase(opened, workflowSource: workflow, pluginSources: [plugin], actor: "anna", at: StoreTests.now)
        let migrated = CaseMigrated(workflow: "w", workflowHash: RuleHash.of(workflow), plugins: [PluginPin(name: "p", hash: RuleHash.of(pluginV2))],
                                    fromWorkflowHash: RuleHash.of(workflow), fromPlugins: opened.plugins!)
        // A migration to rules the database does not hold is refused; with their source it goes through.
        #expect(throws: StoreError.self) {
            try store.append([.migrated(migrated)], to: 1, expectedVersion: 1, actor: "anna", at: StoreTests.now)
        }
        _ = try store.append([.migrated(migrated), StoreTests.goal(1)], to: 1, expectedVersion: 1, actor: "anna", at: StoreTests.now,
                             ruleSources: [.init(hash: RuleHash.of(pluginV2), kind: "plugin", name: "p", source: pluginV2)], facts: nil)
        let live = try store.events(of: 1)
        let ids = try store.importCases([live], workflowSources: [RuleHash.of(workflow): workflow, RuleHash.of(plugin): plugin,
                                                                 RuleHash.of(pluginV2): pluginV2])
        for caseID in [1, ids[0]] {
            var rules: [[String]] = []
            try store.readAuditTrail { reader in try reader.forEachEvent(caseID: caseID, type: nil) { rules.append($0.rules) } }
            #expect(rules == [[RuleHash.of(workflow), RuleHash.of(plugin)], [RuleHash.of(workflow), RuleHash.of(pluginV2)],
                              [RuleHash.of(workflow), RuleHash.of(pluginV2)]])
        }
        #expect(try store.ruleSources(kind: "plugin").map(\.hash).sorted() == [RuleHash.of(plugin), RuleHash.of(pluginV2)].sorted())
    }
}
