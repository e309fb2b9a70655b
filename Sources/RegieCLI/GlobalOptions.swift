import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: H("The workspace folder (default: REGIE_WORKSPACE, else the nearest regie.yaml upward).",
                                 "De map van de werkomgeving (standaard: REGIE_WORKSPACE, anders de dichtstbijzijnde regie.yaml hogerop)."))
    var workspace: String?

    @Option(name: .customLong("as"), help: H("Who is acting (default: REGIE_USER, else the OS user).",
                                             "Wie handelt (standaard: REGIE_USER, anders de gebruiker van het systeem)."))
    var actor: String?

    @Option(name: .long, help: H("Output language: nl or en (default: the workspace locale).",
                                 "Taal van de uitvoer: nl of en (standaard: de taal van de werkomgeving)."))
    var lang: Language?

    @Option(name: .long, help: H("Why you read case data; recorded in the access log (default: `audit: purpose` in regie.yaml).",
                                 "Waarom je casusgegevens inziet; vastgelegd in het inzagelog (standaard: `audit: purpose` in regie.yaml)."))
    var purpose: String?

    @Option(name: .long, help: H("Work on a Regie server instead of this machine's workspace (default: REGIE_SERVER); log in first with `regie login`.",
                                 "Werk op een Regie-server in plaats van de werkomgeving op deze computer (standaard: REGIE_SERVER); log eerst in met `regie login`."))
    var server: String?
}

extension GlobalOptions {
    static let names = ["--workspace", "--as", "--lang", "--purpose", "--server"]

    /// The arguments with global options given before the subcommand (`regie --as karim audit
    /// verify`) moved after it, where the subcommand reads them; before a `--`, if there is one.
    /// The global options among `arguments` (with their values) and the other arguments, each in order.
    static func split(_ arguments: [String]) -> (globals: [String], rest: [String]) {
        var globals: [String] = [], others: [String] = []
        var rest = arguments[...]
        while let first = rest.first {
            if names.contains(first) {
                if rest.count >= 2 { globals += rest.prefix(2) }
                rest = rest.dropFirst(min(2, rest.count))
            } else {
                if names.contains(where: { first.hasPrefix($0 + "=") }) { globals.append(first) } else { others.append(first) }
                rest = rest.dropFirst()
            }
        }
        return (globals, others)
    }

    /// `regie help COMMAND` without the global options: ArgumentParser's help command takes
    /// none, and they have done their part (the language) by the time help is shown.
    static func withoutGlobals(_ arguments: [String]) -> [String] { split(arguments).rest }

    /// Only the global options among `arguments` (for completion, which sees all the words typed).
    static func onlyGlobals(_ arguments: [String]) -> [String] { split(arguments).globals }

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
    @Flag(name: .long, help: H("Print JSON (stable, snake_case; see docs/json.md).",
                               "Geef JSON (stabiel, snake_case; zie docs/json.md)."))
    var json = false
}

extension Language: ExpressibleByArgument {}
