import RegieStore

/// Many requests' small writes in one transaction: each request hands its items over and waits
/// until they are durable; while one transaction is being written, the items that arrive wait
/// together for the next. A server's reads each append to the one chained access log and each
/// token use is a row; written one by one, every request would queue for the same lock and
/// commit. Nothing is shown before its entry is stored: a failed transaction fails every
/// request in it.
package actor GroupCommit<Item: Sendable> {
    private let write: @Sendable ([Item]) async throws(StoreError) -> Void
    private var waiting: [(items: [Item], done: CheckedContinuation<Result<Void, StoreError>, Never>)] = []
    private var writing = false
    /// How many transactions were written, and how many items they held (for tests and metrics).
    package private(set) var transactions = 0
    package private(set) var items = 0

    package init(_ write: @escaping @Sendable ([Item]) async throws(StoreError) -> Void) {
        self.write = write
    }

    /// Returns once the items are stored, or throws what storing them ran into.
    package func submit(_ items: [Item]) async throws(StoreError) {
        let result = await withCheckedContinuation { (done: CheckedContinuation<Result<Void, StoreError>, Never>) in
            waiting.append((items, done))
            if !writing {
                writing = true
                Task { await self.writeAll() }
            }
        }
        try result.get()
    }

    /// Writes what is waiting, then what arrived meanwhile, until nothing waits.
    private func writeAll() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            let all = batch.flatMap(\.items)
            let result: Result<Void, StoreError>
            do throws(StoreError) {
                try await write(all)
                result = .success(())
            } catch {
                result = .failure(error)
            }
            transactions += 1
            items += all.count
            for entry in batch { entry.done.resume(returning: result) }
        }
        writing = false
    }
}
