import Foundation

/// Picks the Dutch or English form of a text; every user-facing string passes through here,
/// written as `l("English", "Nederlands")` right where it is used.
public struct L10n: Sendable {
    public let language: Language

    public init(language: Language) { self.language = language }

    public func callAsFunction(_ en: String, _ nl: String) -> String {
        language == .nl ? nl : en
    }

    public func callAsFunction(_ text: LocalizedText) -> String { text.text(in: language) }

    /// A number with one decimal in the language's form: `75.0` in English, `75,0` in Dutch.
    public func decimal(_ value: Double, digits: Int = 1) -> String {
        let text = String(format: "%.\(max(0, min(digits, 6)))f", value)
        return language == .nl ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A whole number with its thousands grouped in the language's form: `12,345` in
    /// English, `12.345` in Dutch; below 10,000 without grouping, as both write years and
    /// small counts.
    public func integer(_ n: Int) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 4 else { return String(n) }
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += language == .nl ? "." : "," }
            grouped.append(digit)
        }
        return (n < 0 ? "-" : "") + grouped
    }

    /// A number for a scale: whole when it is whole, else with one decimal (``decimal(_:digits:)``).
    public func scale(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? integer(Int(value)) : decimal(value)
    }

    /// A number with its noun in the right form: `1 case`, `2 cases`; `1 casus`, `2 casussen`.
    public func count(_ n: Int, _ en: (one: String, other: String), _ nl: (one: String, other: String)) -> String {
        let forms = language == .nl ? nl : en
        return integer(n) + " " + (n == 1 ? forms.one : forms.other)
    }
}
