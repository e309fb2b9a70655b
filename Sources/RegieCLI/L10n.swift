import RegieCore

/// Picks the Dutch or English form of a text; every user-facing string passes through here,
/// written as `l("English", "Nederlands")` right where it is used.
struct L10n: Sendable {
    let language: Language

    func callAsFunction(_ en: String, _ nl: String) -> String {
        language == .nl ? nl : en
    }

    func callAsFunction(_ text: LocalizedText) -> String { text.text(in: language) }
}
