import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace folder (default: REGIE_WORKSPACE, else the nearest regie.yaml upward).")
    var workspace: String?

    @Option(name: .customLong("as"), help: "Who is acting (default: REGIE_USER, else the OS user).")
    var actor: String?

    @Option(name: .long, help: "Output language: nl or en (default: the workspace locale).")
    var lang: Language?

    @Option(name: .long, help: "Why you read case data; recorded in the access log (default: `audit: purpose` in regie.yaml).")
    var purpose: String?
}

/// The `--json` flag of commands that read.
struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (stable, snake_case; see docs/json.md).")
    var json = false
}

extension Language: ExpressibleByArgument {}
