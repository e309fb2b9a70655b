/// Where the technical detail of a plugin failure goes (its file, line, hook and Lua message)
/// while the person at work is shown only a sentence meant for them
/// (``PluginFailureLog/workerSentence(plugin:)``). The server sets a sink that writes its log;
/// the command line sets none: there the application manager finds the detail with
/// `regie plugin check` or `regie plugin list`.
public enum PluginFailureLog {
    @TaskLocal public static var sink: (@Sendable (PluginError) -> Void)?

    /// Hands the failure to the sink, if there is one.
    public static func report(_ error: PluginError) { sink?(error) }

    /// What a worker reads where a plugin failed: whom to tell, and what to tell them.
    public static func workerSentence(plugin: String) -> (en: String, nl: String) {
        ("This team's rules could not be checked; tell your application manager, and mention plugin \(plugin).",
         "De regels van dit team konden niet worden gecontroleerd; meld het bij je applicatiebeheerder en noem plugin \(plugin).")
    }
}
