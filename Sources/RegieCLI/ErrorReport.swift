import RegieApp
import RegieCore
import RegieReports

/// How a failed command tells its caller what went wrong, on standard error: one line of text,
/// or with `--json` an object a script can match on by its code.
struct ErrorReport: Encodable {
    struct Body: Encodable {
        let code: ErrorCode
        let exitStatus: Int32
        let message: String
        let hint: String?
        let fields: [String: ErrorValue]
    }

    let error: Body

    init(_ error: RegieError, language: Language) {
        self.error = Body(code: error.code, exitStatus: error.status.rawValue, message: error.message(in: language),
                          hint: error.hint(in: language), fields: error.fields)
    }

    /// The text for standard error, as the arguments ask for it.
    static func text(for error: RegieError, arguments: [String], language: Language) -> String {
        if wantsJSON(arguments), let json = try? JSONOutput.render(ErrorReport(error, language: language)) { return json }
        return "regie: " + error.text(in: language)
    }

    /// `--json` among the options (not among the texts after `--`).
    static func wantsJSON(_ arguments: [String]) -> Bool {
        arguments.prefix(while: { $0 != "--" }).contains("--json")
    }
}
