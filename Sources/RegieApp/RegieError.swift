import RegieReports
import RegieCore

/// An error as the user sees it: one sentence saying what went wrong, one saying what to do,
/// and an exit code. Never holds personal data beyond what the user typed in this command.
public struct RegieError: Error, Sendable {
    public var status: ExitStatus
    public var message: LocalizedText
    public var hint: LocalizedText?

    package init(_ status: ExitStatus, en: String, nl: String, hintEN: String? = nil, hintNL: String? = nil) {
        self.status = status
        self.message = LocalizedText(nl: nl, en: en)
        if let hintEN, let hintNL { self.hint = LocalizedText(nl: hintNL, en: hintEN) }
    }

    /// The text printed on standard error.
    public func text(in language: Language) -> String {
        [message.text(in: language), hint?.text(in: language)].compactMap { $0 }.joined(separator: " ")
    }
}
