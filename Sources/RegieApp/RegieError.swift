import RegieReports
import RegieCore

/// An error as the user sees it: a stable code, the fields that fill in its wording, and an
/// exit code. The sentences come from ``ErrorCatalogue`` in the language the front end asks
/// for. Never holds personal data beyond what the user typed in this command.
public struct RegieError: Error, Sendable {
    public var status: ExitStatus
    public var code: ErrorCode
    public var fields: [String: ErrorValue]

    package init(_ status: ExitStatus, _ code: ErrorCode, _ fields: [String: ErrorValue] = [:]) {
        self.status = status
        self.code = code
        self.fields = fields
    }

    /// What went wrong, in one sentence.
    public func message(in language: Language) -> String {
        ErrorCatalogue.message(code, fields, in: language)
    }

    /// What to do next, if there is something to suggest.
    public func hint(in language: Language) -> String? {
        ErrorCatalogue.hint(code, fields, in: language)
    }

    /// The text printed on standard error: the message, then the hint.
    public func text(in language: Language) -> String {
        [message(in: language), hint(in: language)].compactMap { $0 }.joined(separator: " ")
    }

    /// The message in both languages, for text that is stored or shown in either.
    public var localizedMessage: LocalizedText {
        LocalizedText(nl: message(in: .nl), en: message(in: .en))
    }
}
