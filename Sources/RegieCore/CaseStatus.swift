/// Why a case is paused.
public enum PauseKind: String, CaseIterable, Codable, Sendable {
    /// A crisis in the client's life; the network may keep supporting them meanwhile.
    case crisis
    /// An admission to hospital or a clinic.
    case admission
    /// The client asked for a break.
    case clientRequest = "client_request"
    case other
}

/// How a case ended.
public enum CloseOutcome: String, CaseIterable, Codable, Sendable {
    /// The network carries the support and the worker steps back.
    case networkCarries = "network_carries"
    case goalsAchieved = "goals_achieved"
    /// The client chose to stop.
    case clientStopped = "client_stopped"
    /// The client moved on to other care or another team.
    case transferred
    case other
}

/// A pause with its kind and the worker's written reason.
public struct PauseInfo: Codable, Sendable, Equatable {
    public var kind: PauseKind
    public var reason: String

    public init(kind: PauseKind, reason: String) {
        self.kind = kind
        self.reason = reason
    }
}

/// A closing with its outcome and the written reason.
public struct CloseInfo: Codable, Sendable, Equatable {
    public var outcome: CloseOutcome
    public var reason: String

    public init(outcome: CloseOutcome, reason: String) {
        self.outcome = outcome
        self.reason = reason
    }
}

/// Where a case stands. Each status carries exactly what it needs, so that a paused case
/// without a phase to return to, or a closed case without a reason, cannot be written down.
public enum CaseStatus: Sendable, Equatable {
    /// Work goes on in a phase.
    case active(Phase)
    /// Work is paused in a phase; resuming returns to that same phase.
    case paused(Phase, PauseInfo)
    /// The case is closed; it was in the given phase when it closed.
    case closed(Phase, CloseInfo)

    /// The phase the case is in, was paused in, or was closed from.
    public var phase: Phase {
        switch self {
        case .active(let phase), .paused(let phase, _), .closed(let phase, _): phase
        }
    }

    /// `active`, `paused` or `closed`, as shown in lists and JSON.
    public var state: String {
        switch self {
        case .active: "active"
        case .paused: "paused"
        case .closed: "closed"
        }
    }
}
