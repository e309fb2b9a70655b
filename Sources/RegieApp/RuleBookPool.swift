import Foundation
import RegieStore

/// The rule books a server's requests share, one request at a time each: a request takes an
/// idle one (its Lua states, parsed workflows and loaded plugins ready) and gives it back when
/// it ends, so that not every request starts Lua and parses its workflow again. A book is
/// never used by two requests at once; content-addressed rules make what it caches the same for
/// every request.
package final class RuleBookPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [RuleBook] = []
    /// Idle books kept beyond this are dropped.
    private let keep: Int

    package init(keep: Int = 16) { self.keep = keep }

    /// An idle book made for this workspace; books of a workspace as it was before a change
    /// (a server that picked up a newly applied configuration) are dropped.
    func take(for workspace: Workspace) -> RuleBook? {
        lock.withLock {
            while let book = idle.popLast() {
                if book.workspace == workspace { return book }
            }
            return nil
        }
    }

    func giveBack(_ book: RuleBook) {
        lock.withLock { if idle.count < keep { idle.append(book) } }
    }
}
