import Foundation
import RegieCore

/// A value a person types by name, as Regie writes it (`experience_expert`) or in Dutch
/// (`ervaringsdeskundige`): case, accents, hyphens, underscores and spaces do not matter.
/// The same words serve the command line and, later, the web pages' forms.
package protocol TypedValue: RawRepresentable<String>, CaseIterable {
    /// The Dutch words a worker may type for this value, besides its own name.
    var dutchWords: [String] { get }
}

extension TypedValue {
    /// The value `text` names, or nil.
    package init?(typed text: String) {
        let key = Self.key(text)
        guard !key.isEmpty, let value = Self.allCases.first(where: { value in
            Self.key(value.rawValue) == key || value.dutchWords.contains { Self.key($0) == key }
        }) else { return nil }
        self = value
    }

    /// Lower case, no accents (`cliënt` is `client`), and `-`, `_` and spaces alike.
    package static func key(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        return folded.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: "_")
    }
}

extension GoalTerm: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .short: ["kort", "korte termijn"]
        case .long: ["lang", "lange termijn"]
        }
    }
}

extension Author: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .client: ["cliënt"]
        case .worker: ["werker", "regie-ondersteuner", "hulpverlener"]
        }
    }
}

extension GoalStatus: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .open: ["open"]
        case .achieved: ["bereikt", "behaald"]
        case .dropped: ["losgelaten", "vervallen"]
        }
    }
}

extension QuestionStatus: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .open: ["open"]
        case .accepted: ["opgepakt", "geaccepteerd"]
        case .done: ["gedaan", "klaar"]
        case .parked: ["geparkeerd"]
        }
    }
}

extension MeetingLead: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .client: ["cliënt"]
        case .together: ["samen"]
        case .worker: ["werker", "regie-ondersteuner"]
        }
    }
}

extension TensionState: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .none: ["geen", "geen spanning"]
        case .noted: ["opgemerkt", "spanning opgemerkt"]
        case .discussed: ["besproken", "spanning besproken"]
        }
    }
}

extension ResourceKind: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .informal: ["informeel"]
        case .experienceExpert: ["ervaringsdeskundige"]
        case .volunteer: ["vrijwilliger"]
        case .professional: ["professional", "professioneel"]
        }
    }
}

extension ContactStatus: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .notContacted: ["geen contact", "nog geen contact"]
        case .contacted: ["benaderd", "contact gelegd"]
        case .willing: ["doet mee", "bereid"]
        case .declined: ["wil niet", "weigert"]
        }
    }
}

extension PauseKind: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .crisis: ["crisis"]
        case .admission: ["opname"]
        case .clientRequest: ["op verzoek", "verzoek cliënt", "op verzoek van de cliënt"]
        case .other: ["anders"]
        }
    }
}

extension CloseOutcome: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .networkCarries: ["netwerk draagt", "het netwerk draagt"]
        case .goalsAchieved: ["doelen bereikt"]
        case .clientStopped: ["cliënt stopt", "cliënt gestopt"]
        case .transferred: ["overgedragen"]
        case .other: ["anders"]
        }
    }
}

extension TimeActivity: TypedValue {
    package var dutchWords: [String] {
        switch self {
        case .contact: ["contact"]
        case .conversation: ["gesprek"]
        case .meeting: ["bijeenkomst"]
        case .preparation: ["voorbereiding"]
        case .other: ["anders"]
        }
    }
}
