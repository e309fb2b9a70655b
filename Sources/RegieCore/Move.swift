/// A transition a user asks for. Which moves are legal from which status is decided in one
/// place only: ``Lifecycle``.
public enum Move: Sendable, Equatable {
    /// To the next phase.
    case advance
    /// Back to an earlier phase, for example when a new resource turns up late.
    case revisit(Phase)
    /// From follow-up back to meeting: the group meets again.
    case nextRound
    /// From follow-up back to goals: a new cycle with new goals.
    case renew
    case pause(PauseKind)
    /// Back to the exact phase the case was paused in.
    case resume
    case close(CloseOutcome)
    /// Back to the phase the case was closed from.
    case reopen

    /// The move's name without its details.
    public var kind: MoveKind {
        switch self {
        case .advance: .advance
        case .revisit: .revisit
        case .nextRound: .nextRound
        case .renew: .renew
        case .pause: .pause
        case .resume: .resume
        case .close: .close
        case .reopen: .reopen
        }
    }

    /// Forward moves need every required checklist item of the current phase to hold.
    public var isForward: Bool {
        switch self {
        case .advance, .nextRound, .renew: true
        default: false
        }
    }

    /// Moves that change course need a written reason in the record.
    public var needsReason: Bool {
        switch self {
        case .revisit, .pause, .close, .reopen: true
        default: false
        }
    }
}

/// The name of a move, as stored and shown.
public enum MoveKind: String, CaseIterable, Codable, Sendable {
    case advance, revisit
    case nextRound = "next_round"
    case renew, pause, resume, close, reopen
}
