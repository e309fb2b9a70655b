import Foundation
import Synchronization
import Testing
@testable import RegieApp
import RegieStore

@Suite("Writes of requests that arrive together, in one transaction")
struct GroupCommitTests {
    /// A write that takes a while, as a commit does, and remembers what each transaction held.
    final class SlowWrites: Sendable {
        let batches = Mutex<[[Int]]>([])
        let failing: Bool

        init(failing: Bool = false) { self.failing = failing }

        func write(_ items: [Int]) async throws(StoreError) {
            try? await Task.sleep(for: .milliseconds(20))
            if failing { throw StoreError.locked(path: "test") }
            batches.withLock { $0.append(items) }
        }
    }

    @Test("Forty callers at once: every item stored exactly once, in a few transactions, each caller back only after its own")
    func batches() async throws {
        let writes = SlowWrites()
        let commit = GroupCommit<Int> { items throws(StoreError) in try await writes.write(items) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for item in 0..<40 {
                group.addTask {
                    try await commit.submit([item])
                    #expect(writes.batches.withLock { $0.joined().contains(item) }, "back before \(item) was stored")
                }
            }
            try await group.waitForAll()
        }
        let stored = writes.batches.withLock { $0 }
        #expect(stored.joined().sorted() == Array(0..<40))
        #expect(stored.count < 40, "\(stored.count) transactions for 40 items")
        #expect(await commit.transactions == stored.count)
        #expect(await commit.items == 40)
    }

    @Test("A transaction that fails fails every caller in it, and the next one starts afresh")
    func failures() async throws {
        let writes = SlowWrites(failing: true)
        let commit = GroupCommit<Int> { items throws(StoreError) in try await writes.write(items) }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for item in 0..<5 {
                group.addTask {
                    do { try await commit.submit([item]); return true } catch { return false }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes == [false, false, false, false, false])
        let working = SlowWrites()
        let second = GroupCommit<Int> { items throws(StoreError) in try await working.write(items) }
        try await second.submit([7])
        #expect(working.batches.withLock { $0 } == [[7]])
    }
}
