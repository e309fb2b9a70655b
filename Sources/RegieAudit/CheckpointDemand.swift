/// The checkpoints a log's policy demands: one at the end of every write that passes a
/// multiple of `every` events, and one at the end of every write that closes a case. `audit
/// verify` checks that each exists, so deleting checkpoints from the database is found.
public struct CheckpointDemand: Sendable {
    /// Events between automatic checkpoints.
    public var every: Int
    /// The commit positions of events that closed a case.
    public var closedAt: [Int]

    public init(every: Int, closedAt: [Int]) {
        self.every = max(1, every)
        self.closedAt = closedAt
    }

    /// The demanded checkpoints that are missing from `checkpoints`, for a log of `events`
    /// events. A demand at position p is met by a checkpoint of size s with p ≤ s < p + every
    /// (the write that made it cannot be larger), or by one made at the end of a bulk import,
    /// which writes any number of events in one go.
    public func missing(in checkpoints: [StoredCheckpoint], events: Int) -> [AuditProblem] {
        let sizes = checkpoints.map { (size: $0.signed.checkpoint.events, bulk: $0.trigger == Self.importTrigger) }
            .sorted { $0.size < $1.size }
        /// The first checkpoint at or after `position` (found by halving: a log of a million
        /// events with `every: 1` has a million demands and as many checkpoints).
        func met(_ position: Int) -> Bool {
            var low = 0, high = sizes.count
            while low < high {
                let middle = (low + high) / 2
                if sizes[middle].size < position { low = middle + 1 } else { high = middle }
            }
            guard low < sizes.count else { return false }
            return sizes[low].size < position + every || sizes[low].bulk
        }
        var problems: [AuditProblem] = []
        var position = every
        while position <= events {
            if !met(position) {
                problems.append(AuditProblem(.checkpointMissing(afterEvents: position, reason: "every \(every) events")))
            }
            position += every
        }
        for position in closedAt where position <= events && !met(position) {
            problems.append(AuditProblem(.checkpointMissing(afterEvents: position, reason: "a case closed")))
        }
        return problems
    }

    /// The trigger recorded with the checkpoint that ends a bulk import.
    public static let importTrigger = "import"
}
