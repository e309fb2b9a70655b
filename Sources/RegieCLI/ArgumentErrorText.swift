import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

/// Argument errors worded like Regie's own: one line in the workspace language, a hint, exit 2.
/// swift-argument-parser's own text (English, with the whole usage) is reduced to its first
/// sentence and the command's help pointer.
enum ArgumentErrorText {
    /// A value that starts with a dash and a digit (`-1h`, `-3`) before any `--`: the parser
    /// would read it as flags (`-1h` as `-h`, so help and exit 0), so it is refused up front.
    static func negativeValue(in arguments: [String]) -> RegieError? {
        for argument in arguments.prefix(while: { $0 != "--" }) {
            let bytes = Array(argument.utf8)
            guard bytes.count >= 2, bytes[0] == UInt8(ascii: "-"), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[1]) else {
                continue
            }
            return RegieError(.usage, .negativeArgument, ["argument": "\(argument)"])
        }
        return nil
    }

    /// One sentence for a parse error, with a pointer to the command's help.
    static func sentence(for error: any Error, language: Language) -> String {
        let l = L10n(language: language)
        let full = RegieCommand.fullMessage(for: error)
        var first = RegieCommand.message(for: error).split(separator: "\n").first.map(String.init) ?? full
        if first.hasPrefix("Error: ") { first = String(first.dropFirst(7)) }
        let help = full.range(of: "See '").flatMap { start in
            full[start.upperBound...].firstIndex(of: "'").map { String(full[start.upperBound..<$0]) }
        } ?? "regie --help"
        return translate(first, l: l) + " " + l("See `\(help)`.", "Zie `\(help)`.")
    }

    /// For a word where a subcommand was expected (`regie case lsit`), the subcommand it most
    /// likely means: one that starts with it, or is at most two letters off.
    static func guess(_ arguments: [String]) -> RegieError? {
        var command: any ParsableCommand.Type = RegieCommand.self
        var path = ["regie"]
        for token in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !token.hasPrefix("-") else { return nil }
            if let next = subcommands.first(where: { $0.configuration.commandName == token }) {
                command = next
                path.append(token)
                continue
            }
            let typed = token.lowercased()
            var best: String?
            var bestSteps = Int.max
            for subcommand in subcommands {
                guard let name = subcommand.configuration.commandName else { continue }
                let steps = typed.count >= 2 && name.hasPrefix(typed) ? 0 : distance(typed, name)
                if steps < bestSteps {
                    best = name
                    bestSteps = steps
                }
            }
            guard let best, bestSteps <= 2 else { return nil }
            let parent = path.joined(separator: " ")
            return RegieError(.usage, .unknownSubcommand,
                              ["word": .text(token), "command": .text(parent), "suggestion": .text(parent + " " + best)])
        }
        return nil
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[b.count]
    }

    /// The parser's common sentences in both languages; any other stays as the parser wrote it.
    private static func translate(_ sentence: String, l: L10n) -> String {
        func quoted(_ text: String) -> [String] {
            text.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }
        let parts = quoted(sentence)
        if sentence.hasPrefix("The value"), parts.count >= 2, parts[1] == "<case-id>" {
            return l("`\(parts[0])` is not a case number; give the number only, such as 4711.",
                     "`\(parts[0])` is geen casusnummer; geef alleen het nummer, zoals 4711.")
        }
        if sentence.hasPrefix("The value"), parts.count >= 2 {
            let choices = sentence.range(of: "Please provide one of ").map { String(sentence[$0.upperBound...]).replacingOccurrences(of: "'", with: "`") }
            let tail = choices.map { l(" Choose one of \($0)", " Kies uit \($0.replacingOccurrences(of: " and ", with: " en "))") } ?? ""
            return l("`\(parts[0])` is not a valid value for \(parts[1]).", "`\(parts[0])` is geen geldige waarde voor \(parts[1]).") + tail
        }
        if sentence.hasPrefix("Missing expected argument"), let name = parts.first {
            return l("\(name) is missing.", "\(name) ontbreekt.")
        }
        if sentence.hasPrefix("Unknown option"), let name = parts.first {
            return l("There is no option \(name) here.", "De optie \(name) bestaat hier niet.")
        }
        if sentence.lowercased().contains("unexpected argument") {
            let names = parts.map { "`\($0)`" }.joined(separator: ", ")
            return l("Unexpected here: \(names).", "Onverwacht hier: \(names).")
        }
        return sentence.hasSuffix(".") ? sentence : sentence + "."
    }
}
