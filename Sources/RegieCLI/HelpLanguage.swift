import ArgumentParser
import Foundation
import RegieCore

/// The language of `--help` and `regie help`: the workspace's (or `--lang`), set around the
/// parsing of one command line. Help texts are written where they are used, as
/// `H("English", "Nederlands")`, like `l(...)` for output; ArgumentParser reads them whenever
/// it builds a command's help, so they follow the language of the command line at hand.
enum HelpLanguage {
    @TaskLocal static var current: Language = .en

    /// ArgumentParser's own words in its help pages, and Regie's for them.
    static let dutchFrame: [(String, String)] = [
        ("OVERVIEW:", "OVERZICHT:"), ("USAGE:", "GEBRUIK:"), ("ARGUMENTS:", "ARGUMENTEN:"), ("OPTIONS:", "OPTIES:"),
        ("SUBCOMMANDS:", "OPDRACHTEN:"), ("Show help information.", "Toon deze hulp."),
        ("Show the version.", "Toon de versie."), ("(default: ", "(standaard: "),
        ("See 'regie help <subcommand>' for detailed help.", "Zie 'regie help <opdracht>' voor uitgebreide hulp."),
        ("<subcommand>", "<opdracht>"), ("(values: ", "(waarden: "),
        ("Show subcommand help information.", "Toon de hulp bij een opdracht."),
    ]

    /// A help page in the current language: ArgumentParser's frame words translated for Dutch.
    static func localized(_ page: String) -> String {
        guard current == .nl else { return page }
        return dutchFrame.reduce(page) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}

/// A help text in the language of the command line at hand (``HelpLanguage``).
func H<Text: ExpressibleByStringLiteral>(_ english: String, _ dutch: String) -> Text where Text.StringLiteralType == String {
    Text(stringLiteral: HelpLanguage.current == .nl ? dutch : english)
}
