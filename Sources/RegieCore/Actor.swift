/// What a person may do in Regie.
public enum Role: String, CaseIterable, Codable, Sendable {
    /// A support worker (regie-ondersteuner).
    case worker
    /// May also override a refused move, with a written reason, and read the audit trail of
    /// their own teams.
    case coordinator
    /// Reads the whole audit trail and access log of every team (a privacy officer or auditor);
    /// sees case content only in the teams they are listed in, like anyone else.
    case auditor
}

/// The person who issues a command.
public struct Actor: Sendable, Equatable {
    public var id: String
    public var role: Role

    public init(id: String, role: Role) {
        self.id = id
        self.role = role
    }
}
