/// Picks the Dutch or English form of a text; every user-facing string passes through here,
/// written as `l("English", "Nederlands")` right where it is used.
public struct L10n: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func callAsFunction(_ en: String, _ nl: String) -> String {
        language == .nl ? nl : en
    }

    public func callAsFunction(_ text: LocalizedText) -> String { text.text(in: language) }
}
