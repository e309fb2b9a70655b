import ArgumentParser
import Foundation
import Testing
import RegieApp
import RegieCore
@testable import RegieCLI

@Suite("Help in the workspace's language")
struct HelpTests {
    /// Every command, with its path of names, from the root down.
    static func commands(_ type: any ParsableCommand.Type = RegieCommand.self, path: [String] = []) -> [(path: [String], type: any ParsableCommand.Type)] {
        let name = type.configuration.commandName ?? "regie"
        let here = path + [name]
        return [(here, type)] + type.configuration.subcommands.flatMap { commands($0, path: here) }
    }

    @Test("every command's abstract and every option's help have Dutch words, and the Dutch help page has Dutch headings")
    func everyCommand() async throws {
        let all = Self.commands()
        #expect(all.count > 60)
        for (path, type) in all {
            let english = HelpLanguage.$current.withValue(.en) { (type.configuration.abstract, type.helpMessage(columns: 10_000)) }
            let dutch = HelpLanguage.$current.withValue(.nl) { (type.configuration.abstract, HelpLanguage.localized(type.helpMessage(columns: 10_000))) }
            #expect(!english.0.isEmpty, "\(path) has no abstract")
            #expect(english.0 != dutch.0, "\(path.joined(separator: " ")): the abstract is not translated")
            // Each option's help line differs between the languages (value lists of names that are
            // the same in both, such as `md, html or dot.`, still differ in their `or`).
            let englishLines = Set(english.1.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            for line in dutch.1.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where line.hasPrefix("--") || line.hasPrefix("<") {
                #expect(!englishLines.contains(line) || line.hasSuffix(">"), "\(path.joined(separator: " ")): untranslated: \(line)")
            }
            #expect(!dutch.1.contains("OPTIONS:") && !dutch.1.contains("USAGE:"), "\(path)")
        }
    }

    @Test("--help and `regie help` follow --lang, else the workspace's locale")
    func language() async throws {
        let bench = try await Workbench()
        let english = await bench.run(["case", "open", "--help"])
        #expect(english.status == .success && english.out.contains("Open a case for a client in a team."), "\(english.out)")
        let dutch = await bench.run(["case", "open", "--help", "--lang", "nl"])
        #expect(dutch.out.contains("OVERZICHT: Open een casus voor een cliënt in een team.") && dutch.out.contains("OPTIES:"), "\(dutch.out)")
        let list = await bench.run(["help", "--lang", "nl"])
        #expect(list.status == .success && list.out.contains("Maak je laatste opdracht op een casus ongedaan"), "\(list.out)\(list.err)")
        #expect(await bench.run(["help", "agenda", "--lang", "nl"]).out.contains("Alleen de casussen die jij draagt."))
    }

    @Test("shell completion offers the case numbers of your teams, the team ids and the hand-ticked items")
    func completion() async throws {
        let bench = try await Workbench()
        await bench.run(["case", "open", "--team", "west", "--client", "J."])
        await bench.run(["case", "open", "--team", "oost", "--client", "K."], as: "bob")
        let cases = await bench.run(["---completion", "case", "show", "--", "caseID", "0", "0"])
        #expect(cases.status == .success && cases.out == "1\n", "anna sees west's case only: \(cases.out)\(cases.err)")
        #expect(await bench.run(["---completion", "case", "show", "--", "caseID", "0", "0"], as: "karim").out == "1\n2\n")
        #expect(await bench.run(["---completion", "case", "list", "--", "--team", "0", "0"]).out == "west\noost\n")
        let items = await bench.run(["---completion", "check", "tick", "--", "item", "1", "0"]).out
        #expect(items.contains("goals.own_story\n") && !items.contains("goals.long_term"), "hand-ticked items only: \(items)")
        let stranger = await bench.run(["---completion", "case", "show", "--", "caseID", "0", "0"], as: "nobody").out
        #expect(stranger.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "an unknown person completes nothing: \(stranger)")
        let script = await bench.run(["--generate-completion-script", "bash"], inWorkspace: false)
        #expect(script.out.hasPrefix("#!/bin/bash") && script.out.contains("---completion"))
    }

    @Test("the tool description that `make man` turns into manual pages lists every command")
    func manualSource() async throws {
        let bench = try await Workbench()
        let dump = await bench.run(["--experimental-dump-help"], inWorkspace: false)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.out.utf8)) as? [String: Any], "\(dump.out.prefix(200))")
        let command = try #require(json["command"] as? [String: Any])
        func names(_ node: [String: Any], _ path: String) -> [String] {
            let here = path.isEmpty ? (node["commandName"] as? String ?? "") : path + " " + (node["commandName"] as? String ?? "")
            return [here] + ((node["subcommands"] as? [[String: Any]]) ?? []).flatMap { names($0, here) }
        }
        let all = names(command, "")
        #expect(all.contains("regie case transfer") && all.contains("regie undo") && all.contains("regie reminder dismiss"), "\(all)")
        #expect(all.count == Self.commands().count + 1, "every command, and ArgumentParser's help")
    }
}
