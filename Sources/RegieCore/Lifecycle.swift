/// The table of legal moves. Every transition of every case is checked here and nowhere else.
public enum Lifecycle {
    /// The status a move leads to, or `nil` when the move is not allowed from `status`.
    /// - Parameters:
    ///   - move: the requested move.
    ///   - status: where the case stands now.
    ///   - reason: the written reason, kept in pause and close statuses.
    public static func target(of move: Move, from status: CaseStatus, reason: String = "") -> CaseStatus? {
        switch (status, move) {
        case (.active(let phase), .advance):
            return phase.next.map(CaseStatus.active)
        case (.active(let phase), .revisit(let earlier)):
            return earlier < phase ? .active(earlier) : nil
        case (.active(.followUp), .nextRound):
            return .active(.meeting)
        case (.active(.followUp), .renew):
            return .active(.goals)
        case (.active(let phase), .pause(let kind)):
            return .paused(phase, PauseInfo(kind: kind, reason: reason))
        case (.active(let phase), .close(let outcome)), (.paused(let phase, _), .close(let outcome)):
            return .closed(phase, CloseInfo(outcome: outcome, reason: reason))
        case (.paused(let phase, _), .resume):
            return .active(phase)
        case (.closed(let phase, _), .reopen):
            return .active(phase)
        default:
            return nil
        }
    }

    /// The move kinds that are legal from a status, for help text and error messages.
    public static func legalMoves(from status: CaseStatus) -> [MoveKind] {
        let samples: [Move] = [
            .advance, .revisit(.goals), .nextRound, .renew, .pause(.other), .resume, .close(.other), .reopen,
        ]
        var kinds = samples.filter { target(of: $0, from: status) != nil }.map(\.kind)
        if case .active(let phase) = status, phase > .goals, !kinds.contains(.revisit) {
            kinds.append(.revisit)
        }
        return MoveKind.allCases.filter(kinds.contains)
    }
}
