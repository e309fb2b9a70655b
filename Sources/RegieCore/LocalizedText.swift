/// The two languages Regie speaks.
public enum Language: String, CaseIterable, Codable, Sendable {
    case nl, en
}

/// A text in Dutch and English.
public struct LocalizedText: Codable, Sendable, Equatable, Hashable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// The text in the given language.
    public func text(in language: Language) -> String {
        switch language {
        case .nl: nl
        case .en: en
        }
    }
}
