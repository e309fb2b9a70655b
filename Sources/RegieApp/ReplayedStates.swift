import Foundation
import RegieCore

/// Cases as replayed from their events, kept by a server for its requests: a case's state at a
/// version never changes (its events are append-only), so an agenda that lists the same cases
/// again need not read and replay them again. Bounded: beyond `capacity` the states used least
/// recently are dropped.
package final class ReplayedStates: @unchecked Sendable {
    private let lock = NSLock()
    private var states: [Int: (state: CaseState, used: UInt64)] = [:]
    private var clock: UInt64 = 0
    let capacity: Int

    package init(capacity: Int) { self.capacity = max(0, capacity) }

    /// The case's state at exactly this version, if kept.
    func state(_ caseID: Int, version: Int) -> CaseState? {
        lock.withLock {
            guard let kept = states[caseID], kept.state.version == version else { return nil }
            clock += 1
            states[caseID] = (kept.state, clock)
            return kept.state
        }
    }

    func keep(_ state: CaseState) {
        guard capacity > 0 else { return }
        lock.withLock {
            clock += 1
            states[state.id] = (state, clock)
            if states.count > capacity {
                // Drop the least recently used eighth at once, so that this is rare.
                let drop = states.sorted { $0.value.used < $1.value.used }.prefix(max(1, capacity / 8)).map(\.key)
                for id in drop { states.removeValue(forKey: id) }
            }
        }
    }

    package var count: Int { lock.withLock { states.count } }
}
