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
    let session = try await CaseSession(global)
    let l = session.l
    let (state, recorded) = try await session.perform(
        .move(move, reason: override ? nil : reason, override: override ? reason : nil), on: caseID)
    guard let last = recorded.last, case .transitioned(let t) = last.event else { return }
    var line = l("Case \(caseID): \(t.from.title(l)) → \(t.to.title(l)).", "Casus \(caseID): \(t.from.title(l)) → \(t.to.title(l)).")
    if t.overridden {
        line += " " + l("Overridden by \(last.actor); still open: \(t.unmet.joined(separator: ", ")).",
                        "Doorgezet door \(last.actor); nog open: \(t.unmet.joined(separator: ", ")).")
    }
    Console.current.line(line)
    if case .active(let phase) = state.status, phase != t.from.phase || t.move == .nextRound || t.move == .renew {
        // The move is recorded by now: a plugin that fails to give its prompts or reminders
        // must not make it look as if it was not.
        do {
            let workflow = try await session.rules.pinned(state.workflowHash)
            for prompt in try session.prompts(phase, of: state, workflow: workflow) { Console.current.line("  - " + l(prompt)) }
            for reminder in t.reminders ?? [] {
                let due = reminder.due.map { l(" (by \($0))", " (uiterlijk \($0))") } ?? ""
                Console.current.line("  * " + l(reminder.text) + due + l(" [reminder \(reminder.id)]", " [herinnering \(reminder.id)]"))
            }
            if let failure = session.reminderFailure { throw failure }
        } catch let error as RegieError {
            let reason = error.message(in: l.language)
            Console.current.line(l("  (The move is recorded, but the reminders could not be shown: \(reason))",
                                   "  (De stap is vastgelegd, maar de herinneringen konden niet getoond worden: \(reason))"))
        } catch {
            Console.current.line(l("  (The move is recorded, but the reminders could not be shown.)",
                                   "  (De stap is vastgelegd, maar de herinneringen konden niet getoond worden.)"))
        }
    }
}

struct CaseAdvanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance", abstract: "Move a case to the next phase once the checklist allows it.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Flag(help: "Go ahead despite unmet items (coordinators only; needs --reason).") var override = false
    @Option(help: "Why the refusal is overridden.") var reason: String?

    func run() async throws { try await performMove(.advance, caseID: caseID, reason: reason, override: override, global: global) }
}

struct CaseRevisitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revisit", abstract: "Go back to an earlier phase, for example when a new resource turns up.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The earlier phase: goals, mapping, activation or meeting.") var phase: Phase
    @Option(help: "Why the case goes back.") var reason: String?

    func run() async throws { try await performMove(.revisit(phase), caseID: caseID, reason: reason, override: false, global: global) }
}

struct CaseNextRoundCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next-round", abstract: "From follow-up to the next meeting of the group.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Flag(help: "Go ahead despite unmet items (coordinators only; needs --reason).") var override = false
    @Option(help: "Why the refusal is overridden.") var reason: String?

    func run() async throws { try await performMove(.nextRound, caseID: caseID, reason: reason, override: override, global: global) }
}

struct CaseRenewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew", abstract: "From follow-up back to goals: a new cycle with new goals.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Flag(help: "Go ahead despite unmet items (coordinators only; needs --reason).") var override = false
    @Option(help: "Why the refusal is overridden.") var reason: String?

    func run() async throws { try await performMove(.renew, caseID: caseID, reason: reason, override: override, global: global) }
}

struct CasePauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause", abstract: "Pause a case, for example in a crisis; resume returns to the same phase.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Option(help: "crisis, admission, client-request or other.") var kind: PauseKind = .other
    @Option(help: "Why the case is paused.") var reason: String?

    func run() async throws { try await performMove(.pause(kind), caseID: caseID, reason: reason, override: false, global: global) }
}

struct CaseResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Resume a paused case in the phase it was paused in.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int

    func run() async throws { try await performMove(.resume, caseID: caseID, reason: nil, override: false, global: global) }
}

struct CaseCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a case with its outcome and a reason.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Option(help: "network-carries, goals-achieved, client-stopped, transferred or other.") var outcome: CloseOutcome
    @Option(help: "Why the case closes.") var reason: String?

    func run() async throws { try await performMove(.close(outcome), caseID: caseID, reason: reason, override: false, global: global) }
}

struct CaseReopenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reopen", abstract: "Reopen a closed case in the phase it was closed from.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Option(help: "Why the case reopens.") var reason: String?

    func run() async throws { try await performMove(.reopen, caseID: caseID, reason: reason, override: false, global: global) }
}
