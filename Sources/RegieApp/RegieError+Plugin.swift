import RegieReports
import RegieCore
import RegieLua

extension RegieError {
    /// A plugin that cannot be loaded or failed, as a worker is told it: that the team's rules
    /// could not be checked and whom to tell. The technical detail (file and line, hook, what
    /// Lua said) goes to ``PluginFailureLog``; `regie plugin check` shows it too.
    package static func from(_ error: PluginError) -> RegieError {
        PluginFailureLog.report(error)
        return RegieError(.configuration, .teamRulesUnchecked, ["plugin": .text(error.plugin)])
    }

    /// A plugin failure with all its technical detail, for the application manager's commands
    /// (`plugin check`, `plugin test`, `workflow show`): the plugin, the file and line, the
    /// hook and what went wrong.
    package static func technical(_ error: PluginError) -> RegieError {
        let (en, nl): (String, String) = switch error.kind {
        case .api: ("does not follow the plugin API", "volgt de plugin-API niet")
        case .syntax: ("has a syntax error", "heeft een syntaxfout")
        case .runtime: ("failed", "faalde")
        case .memory: ("ran out of memory", "had te weinig geheugen")
        case .budget: ("ran out of its instruction budget (an endless loop?)", "kwam door zijn instructiebudget heen (een oneindige lus?)")
        case .deadline: ("took too long", "duurde te lang")
        case .value: ("gave back something Regie cannot use", "gaf iets terug waar Regie niets mee kan")
        case .collision: ("uses an id that is already taken", "gebruikt een id dat al bestaat")
        }
        // A pinned plugin is named `plugins/NAME.lua@HASH`; the file to check is the first part.
        let file = error.file.split(separator: "@").first.map(String.init) ?? error.file
        var fields: [String: ErrorValue] = [
            "plugin": .text(error.plugin), "location": .text(error.location),
            "problem": .term(error.kind.rawValue, LocalizedText(nl: nl, en: en)),
            "detail": .text(error.message), "file": .text(file),
        ]
        guard let hook = error.hook else { return RegieError(.configuration, .pluginFailed, fields) }
        fields["hook"] = .text(hook)
        return RegieError(.configuration, .pluginHookFailed, fields)
    }

    /// The technical detail of a plugin failure as one line for a log or for `plugin list`:
    /// the plugin, where, the hook, the kind of failure and, for failures that come from the
    /// code rather than the case, what Lua said. A runtime error's message is left out, as
    /// a plugin's own `error(...)` may have put case data in it.
    package static func technicalDetail(_ error: PluginError) -> String {
        let hook = error.hook.map { " in `\($0)`" } ?? ""
        let message = error.kind == .runtime || error.kind == .value ? "" : ": \(error.message)"
        return "plugin \(error.plugin) (\(error.location))\(hook): \(error.kind.rawValue)\(message)"
    }
}
