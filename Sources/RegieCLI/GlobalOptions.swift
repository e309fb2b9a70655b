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

extension GlobalOptions {
    static let names = ["--workspace", "--as", "--lang", "--purpose"]

    /// The arguments with global options given before the subcommand (`regie --as karim audit
    /// verify`) moved after it, where the subcommand reads them; before a `--`, if there is one.
    static func hoisted(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if names.contains(first), rest.count >= 2 {
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            } else if names.contains(where: { first.hasPrefix($0 + "=") }) {
                leading.append(first)
                rest = rest.dropFirst()
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var moved = Array(rest)
        moved.insert(contentsOf: leading, at: moved.firstIndex(of: "--") ?? moved.endIndex)
        return moved
    }
}

/// The `--json` flag of commands that read.
struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (stable, snake_case; see docs/json.md).")
    var json = false
}

extension Language: ExpressibleByArgument {}
