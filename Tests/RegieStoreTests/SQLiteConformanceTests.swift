import Foundation
import GRDB
import Testing
import RegieStore
import RegieStoreConformance

@Suite("Store conformance: SQLite")
struct SQLiteConformanceTests {
    let suite = StoreConformance(SQLiteBackend())

    @Test("append and conflict") func appendAndConflict() async throws { try await suite.appendAndConflict() }
    @Test("concurrent writers on one case: one wins per version, nothing lost")
    func concurrentWriters() async throws { try await suite.concurrentWritersOnOneCase() }
    @Test("global order is commit order, without gaps") func globalOrder() async throws { try await suite.gaplessGlobalOrder() }
    @Test("checkpoints by policy and on demand") func checkpoints() async throws { try await suite.checkpoints() }
    @Test("the access log") func accessLog() async throws { try await suite.accessLog() }
    @Test("API tokens") func tokens() async throws { try await suite.tokens() }
    @Test("local accounts and sessions") func accounts() async throws { try await suite.accountsAndSessions() }
    @Test("report facts") func facts() async throws { try await suite.facts() }
    @Test("bulk import") func importStreams() async throws { try await suite.importStreams() }
    @Test("a writer killed mid-transaction leaves nothing") func killed() async throws { try await suite.writerKilledMidTransaction() }
    @Test("a store of the previous schema is upgraded and keeps its record") func upgrade() async throws { try await suite.upgradeFromPreviousSchema() }
    @Test("the same commands give the same chain on two stores")
    func identical() async throws { try await suite.identicalChain(with: SQLiteBackend()) }
    @Test("a store copied to another store and back holds the same rows")
    func copyRoundTrip() async throws { try await suite.copyRoundTrip(via: SQLiteBackend()) }
}
