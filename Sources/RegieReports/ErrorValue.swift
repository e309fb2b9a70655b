import RegieCore

/// One structured field of an error: what a front end can show, match on or put in a form.
/// The wording of the error comes from ``ErrorCatalogue``; the fields fill it in.
public enum ErrorValue: Sendable, Equatable {
    /// Text as typed or as stored: an id, a path, a name, a technical detail.
    case text(String)
    case number(Int)
    /// A value with a stable name (for scripts) and its wording in each language (for people),
    /// such as a move (`advance`, “door naar de volgende fase”).
    case term(String, LocalizedText)

    /// How the value reads in a message.
    public func text(in language: Language) -> String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .term(_, let wording): wording.text(in: language)
        }
    }
}

extension ErrorValue: ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension ErrorValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .number(value) }
}

extension ErrorValue: Encodable {
    /// Scripts get the stable form: the text, the number, or a term's name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .term(let name, _): try container.encode(name)
        }
    }
}
