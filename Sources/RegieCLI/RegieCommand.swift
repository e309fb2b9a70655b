import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

/// `regie`: the root command.
public struct RegieCommand: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
        commandName: "regie",
        abstract: H("Supports the resource group method: the client in charge, five phases, every step on record.",
                    "Ondersteunt de resourcegroepenmethodiek: de cliënt aan het roer, vijf fasen, elke stap vastgelegd."),
        discussion: H(
            "Exit codes: 0 success, 1 internal error, 2 usage error, 3 refused by the rules, 4 not found, 5 "
            + "conflict, 6 storage error, 7 configuration error, 8 not permitted, 9 audit trail broken.",
            "Afsluitcodes: 0 gelukt, 1 interne fout, 2 verkeerd gebruik, 3 geweigerd door de regels, 4 niet "
            + "gevonden, 5 conflict, 6 opslagfout, 7 configuratiefout, 8 niet toegestaan, 9 dossierspoor gebroken."),
        version: RegieVersion.current,
        subcommands: [
            InitCommand.self, DemoCommand.self, CaseGroup.self, GoalGroup.self, ResourceGroup.self, QuestionGroup.self,
            MeetingGroup.self, CheckGroup.self, TimeGroup.self, AgendaCommand.self, ReminderGroup.self, UndoCommand.self, AuditGroup.self, WorkflowGroup.self, PluginGroup.self, ReportGroup.self,
            StoreGroup.self, ServeCommand.self, ConfigGroup.self, TokenGroup.self, AccountGroup.self, LoginCommand.self, LogoutCommand.self,
        ]
    )
    }

    public init() {}
}

/// Runs Regie with the process's arguments and exits with its status. `main.swift` calls this.
public enum RegieMain {
    public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        let status = await execute(arguments)
        exit(status.rawValue)
    }

    /// Runs one command line in process: output goes to ``Console/current``, errors to
    /// standard error (or `errors`), and the exit status is returned.
    @discardableResult
    public static func execute(_ arguments: [String], errors: ((String) -> Void)? = nil) async -> ExitStatus {
        let sessions = OpenSessions()
        // Help is shown in the workspace's language (or --lang's); working that out reads
        // regie.yaml, so it is done only when help is asked for.
        let wantsHelp = arguments.first == "help" || arguments.contains("--help") || arguments.contains("-h")
        let helpLanguage = wantsHelp ? languageHint(GlobalOptions.hoisted(arguments)) : .en
        let given = arguments.first == "help" ? GlobalOptions.withoutGlobals(arguments) : arguments
        let status = await HelpLanguage.$current.withValue(helpLanguage) {
            await OpenSessions.$current.withValue(sessions) { await executeOpen(given, errors: errors) }
        }
        await sessions.closeAll()
        return status
    }

    private static func executeOpen(_ given: [String], errors: ((String) -> Void)?) async -> ExitStatus {
        let arguments = GlobalOptions.hoisted(given)
        let report = errors ?? { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        if let negative = ArgumentErrorText.negativeValue(in: arguments) {
            report(ErrorReport.text(for: negative, arguments: arguments, language: languageHint(arguments)))
            return negative.status
        }
        do {
            var command = try await RegieCommand.asyncParseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            return .success
        } catch let error as RegieError {
            report(ErrorReport.text(for: error, arguments: arguments, language: languageHint(arguments)))
            return error.status
        } catch let exit as ExitCode {
            // A command that has said everything itself and only sets the status (audit verify).
            return ExitStatus(rawValue: exit.rawValue) ?? .internalError
        } catch {
            let code = RegieCommand.exitCode(for: error)
            if code == .success {
                Console.current.line(HelpLanguage.localized(RegieCommand.fullMessage(for: error)))
                return .success
            }
            // Every argument error (unknown option, bad value, failed validation) is a usage error,
            // said in one line like Regie's own.
            let language = languageHint(arguments)
            if let typo = ArgumentErrorText.guess(arguments) {
                report(ErrorReport.text(for: typo, arguments: arguments, language: language))
                return .usage
            }
            let sentence = ArgumentErrorText.sentence(for: error, language: language)
            report(ErrorReport.text(for: RegieError(.usage, .invalidArguments, ["detail": .text(sentence)]),
                                    arguments: arguments, language: language))
            return .usage
        }
    }

    /// The language for error messages: `--lang`, else the workspace's locale when one can be
    /// read, else English.
    static func languageHint(_ arguments: [String]) -> Language {
        func value(of option: String) -> String? {
            if let index = arguments.firstIndex(of: option), index + 1 < arguments.count { return arguments[index + 1] }
            return arguments.first { $0.hasPrefix(option + "=") }.map { String($0.dropFirst(option.count + 1)) }
        }
        if let language = value(of: "--lang").flatMap(Language.init(rawValue:)) { return language }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let root = try? WorkspaceLoader.locate(explicit: value(of: "--workspace"), environment: ProcessEnvironment.current,
                                                  currentDirectory: cwd),
           let workspace = try? WorkspaceLoader.load(from: root) {
            return workspace.locale
        }
        return .en
    }
}
