import RegieReports
import RegieLua

extension RegieError {
    /// A plugin that cannot be loaded or failed, in one sentence naming the plugin, the file
    /// and line, the hook and what went wrong.
    package static func from(_ error: PluginError) -> RegieError {
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
        let hook = error.hook.map { " in `\($0)`" } ?? ""
        // A pinned plugin is named `plugins/NAME.lua@HASH`; the file to check is the first part.
        let file = error.file.split(separator: "@").first.map(String.init) ?? error.file
        return RegieError(.configuration,
                          en: "Plugin `\(error.plugin)` (\(error.location)) \(en)\(hook): \(error.message).",
                          nl: "Plugin `\(error.plugin)` (\(error.location)) \(nl)\(hook): \(error.message).",
                          hintEN: "Correct the plugin; `regie plugin check \(file)` shows what is wrong.",
                          hintNL: "Verbeter de plugin; `regie plugin check \(file)` toont wat er mis is.")
    }
}
