import RegieCore

/// The wording of every error Regie reports, in Dutch and English: one place for the command
/// line, the server's problem details and the web pages.
///
/// A message or hint is a template whose `{name}` placeholders are filled from the error's
/// fields. A hint that names a field the error does not carry is left out, so that one code
/// can have a hint only when there is something to suggest.
public enum ErrorCatalogue {
    public struct Entry: Sendable {
        public let message: LocalizedText
        public let hint: LocalizedText?

        init(_ en: String, _ nl: String, hint hintEN: String? = nil, _ hintNL: String? = nil) {
            message = LocalizedText(nl: nl, en: en)
            hint = hintEN.map { LocalizedText(nl: hintNL ?? $0, en: $0) }
        }
    }

    /// What went wrong, in one sentence.
    public static func message(_ code: ErrorCode, _ fields: [String: ErrorValue], in language: Language) -> String {
        let template = entry(for: code).message.text(in: language)
        // A missing field shows as its placeholder rather than hiding the whole sentence.
        return fill(template, fields, language, missing: { "{\($0)}" }) ?? template
    }

    /// What to do next, if there is something to suggest.
    public static func hint(_ code: ErrorCode, _ fields: [String: ErrorValue], in language: Language) -> String? {
        guard let template = entry(for: code).hint?.text(in: language) else { return nil }
        return fill(template, fields, language, missing: { _ in nil })
    }

    /// The names of the placeholders in a template.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        _ = fill(template, [:], .en, missing: { names.insert($0); return "" })
        return names
    }

    /// Fills `{name}` placeholders in one pass, so that a field's text is never read as a
    /// template itself. A brace that does not open a placeholder is kept as it is.
    private static func fill(_ template: String, _ fields: [String: ErrorValue], _ language: Language,
                             missing: (String) -> String?) -> String? {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}"),
                  case let name = String(after[..<close]), !name.isEmpty, name.allSatisfy(Self.isNameCharacter)
            else {
                result += "{"
                rest = after
                continue
            }
            guard let value = fields[name]?.text(in: language) ?? missing(name) else { return nil }
            result += value
            rest = after[after.index(after: close)...]
        }
        return result + rest
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && (character.isLetter || character.isNumber))
    }
}
