import ArgumentParser
import RegieApp
import RegieCore
import RegieReports
import RegieLua

/// Performs a move and reports where the case went, with the prompts of a newly entered phase.
func performMove(_ move: Move, caseID: Int, reason: String?, override: Bool, global: GlobalOptions) async throws {
    if override && reason == nil {
        throw RegieError(.usage, .overrideNeedsReason)
    }
    if let server = try ServerClient.connect(global) {
        var body: [String: Any?] = ["reason": reason, "override": override ? true : nil]
        switch move {
        case .advance: body["move"] = "advance"
        case .revisit(let phase): (body["move"], body["phase"]) = ("revisit", phase.rawValue)
        case .nextRound: body["move"] = "next_round"
        case .renew: body["move"] = "renew"
        case .pause(let kind): (body["move"], body["kind"]) = ("pause", kind.rawValue)
        case .resume: body["move"] = "resume"
        case .close(let outcome): (body["move"], body["outcome"]) = ("close", outcome.rawValue)
        case .reopen: body["move"] = "reopen"
        }
        let written = try await server.change(.post, "/cases/\(caseID)/moves", body)
        for line in written.moved?.lines(caseID: caseID, l: server.l) ?? [] { Console.current.line(line) }
        return
    }
    let session = try await CaseSession(global)
    let (state, recorded) = try await session.perform(
        .move(move, reason: override ? nil : reason, override: override ? reason : nil), on: caseID)
    guard let report = await session.moveReport(state, recorded: recorded) else { return }
    for line in report.lines(caseID: caseID, l: session.l) { Console.current.line(line) }
}

struct CaseAdvanceCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "advance", abstract: H("Move a case to the next phase once the checklist allows it.",
                                                "Breng een casus naar de volgende fase zodra de checklist het toelaat."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Flag(help: H("Go ahead despite unmet items (coordinators only; needs --reason).",
                  "Ga door ondanks open punten (alleen coördinatoren; vraagt om --reason).")) var override = false
    @Option(help: H("Why the refusal is overridden.", "Waarom de weigering wordt doorgezet.")) var reason: String?

    func run() async throws { try await performMove(.advance, caseID: caseID, reason: reason, override: override, global: global) }
}

struct CaseRevisitCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "revisit", abstract: H("Go back to an earlier phase, for example when a new resource turns up.",
                                                "Ga terug naar een eerdere fase, bijvoorbeeld als er een nieuwe resource opduikt."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The earlier phase: goals, mapping, activation or meeting.",
                      "De eerdere fase: goals, mapping, activation of meeting.")) var phase: Phase
    @Option(help: H("Why the case goes back.", "Waarom de casus teruggaat.")) var reason: String?

    func run() async throws { try await performMove(.revisit(phase), caseID: caseID, reason: reason, override: false, global: global) }
}

struct CaseNextRoundCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "next-round", abstract: H("From follow-up to the next meeting of the group.",
                                                   "Van vervolg naar de volgende bijeenkomst van de groep."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Flag(help: H("Go ahead despite unmet items (coordinators only; needs --reason).",
                  "Ga door ondanks open punten (alleen coördinatoren; vraagt om --reason).")) var override = false
    @Option(help: H("Why the refusal is overridden.", "Waarom de weigering wordt doorgezet.")) var reason: String?

    func run() async throws { try await performMove(.nextRound, caseID: caseID, reason: reason, override: override, global: global) }
}

struct CaseRenewCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "renew", abstract: H("From follow-up back to goals: a new cycle with new goals.",
                                              "Van vervolg terug naar doelen: een nieuwe cyclus met nieuwe doelen."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Flag(help: H("Go ahead despite unmet items (coordinators only; needs --reason).",
                  "Ga door ondanks open punten (alleen coördinatoren; vraagt om --reason).")) var override = false
    @Option(help: H("Why the refusal is overridden.", "Waarom de weigering wordt doorgezet.")) var reason: String?

    func run() async throws { try await performMove(.renew, caseID: caseID, reason: reason, override: override, global: global) }
}

struct CasePauseCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "pause", abstract: H("Pause a case, for example in a crisis; resume returns to the same phase.",
                                              "Pauzeer een casus, bijvoorbeeld bij een crisis; hervatten keert terug naar dezelfde fase."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Option(help: H("crisis, admission, client-request or other.",
                    "crisis, opname, op verzoek van de cliënt (client-request) of anders.")) var kind: PauseKind = .other
    @Option(help: H("Why the case is paused.", "Waarom de casus wordt gepauzeerd.")) var reason: String?

    func run() async throws { try await performMove(.pause(kind), caseID: caseID, reason: reason, override: false, global: global) }
}

struct CaseResumeCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "resume", abstract: H("Resume a paused case in the phase it was paused in.",
                                                                "Hervat een gepauzeerde casus in de fase waarin hij werd gepauzeerd."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int

    func run() async throws { try await performMove(.resume, caseID: caseID, reason: nil, override: false, global: global) }
}

struct CaseCloseCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "close", abstract: H("Close a case with its outcome and a reason.",
                                                               "Sluit een casus af, met de uitkomst en een reden."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Option(help: H("network-carries, goals-achieved, client-stopped, transferred or other.",
                    "network-carries (netwerk draagt), goals-achieved (doelen bereikt), client-stopped (cliënt stopt), transferred (overgedragen) of other (anders).")) var outcome: CloseOutcome
    @Option(help: H("Why the case closes.", "Waarom de casus wordt afgesloten.")) var reason: String?

    func run() async throws { try await performMove(.close(outcome), caseID: caseID, reason: reason, override: false, global: global) }
}

struct CaseReopenCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "reopen", abstract: H("Reopen a closed case in the phase it was closed from.",
                                                                "Heropen een afgesloten casus in de fase waarin hij werd afgesloten."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Option(help: H("Why the case reopens.", "Waarom de casus wordt heropend.")) var reason: String?

    func run() async throws { try await performMove(.reopen, caseID: caseID, reason: reason, override: false, global: global) }
}
