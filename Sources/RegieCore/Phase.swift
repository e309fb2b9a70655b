/// The five phases of the resource group method. They are the method itself, so they are code,
/// not configuration.
public enum Phase: String, CaseIterable, Codable, Sendable, Comparable {
    /// The client words problems, priorities and goals.
    case goals
    /// The client and worker map who could help.
    case mapping
    /// The chosen resources are contacted; tensions are talked through.
    case activation
    /// The client holds a meeting with their resource group.
    case meeting
    /// Agreements are carried out and evaluated; the group meets again.
    case followUp = "follow_up"

    /// The phase after this one, or `nil` for follow-up, which loops instead of advancing.
    public var next: Phase? {
        switch self {
        case .goals: .mapping
        case .mapping: .activation
        case .activation: .meeting
        case .meeting: .followUp
        case .followUp: nil
        }
    }

    /// The position of the phase, from 1 (goals) to 5 (follow-up).
    public var number: Int {
        switch self {
        case .goals: 1
        case .mapping: 2
        case .activation: 3
        case .meeting: 4
        case .followUp: 5
        }
    }

    public static func < (lhs: Phase, rhs: Phase) -> Bool { lhs.number < rhs.number }

    /// Reads a phase as a user may type it: its identifier, in English or Dutch, with `-` or `_`.
    /// - Parameter text: for example `follow-up`, `follow_up`, `vervolg` or `3`.
    /// - Returns: the phase, or `nil` when nothing matches.
    public init?(userInput text: String) {
        let key = String(text.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch key {
        case "goals", "doelen", "1": self = .goals
        case "mapping", "inkaart", "resourcesinkaart", "2": self = .mapping
        case "activation", "activeren", "activering", "3": self = .activation
        case "meeting", "bijeenkomst", "4": self = .meeting
        case "followup", "vervolg", "5": self = .followUp
        default: return nil
        }
    }
}
