import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

/// `regie undo CASE`: takes back your last command on a case, within a quarter of an hour.
/// The command and its undo both stay on record.
struct UndoCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "undo", abstract: H("Take back your last command on a case (within 15 minutes); both stay on record.",
                                             "Maak je laatste opdracht op een casus ongedaan (binnen 15 minuten); beide blijven vastgelegd."),
            discussion: H(
                "Not for a move that the team's plugins agreed to, a move to other rules, a removed resource or a "
                + "handover: those are corrected with their own commands.",
                "Niet voor een stap die de plugins van het team goedkeurden, een overstap naar andere regels, een "
                + "verwijderde resource of een overdracht: die corrigeer je met hun eigen opdrachten."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int

    func run() async throws {
        let l: L10n, version: Int, what: String, status: String
        if let server = try ServerClient.connect(global) {
            let written = try await server.change(.post, "/cases/\(caseID)/undo")
            guard let undone = written.undone, let title = written.statusTitle else { return }
            (l, version, what, status) = (server.l, undone.version, undone.title, title)
        } else {
            let session = try await CaseSession(global)
            let (state, recorded) = try await session.perform(.undo, on: caseID)
            guard case .undone(let undone) = recorded.last?.event else { return }
            (l, version, what, status) = (session.l, undone.version, EventNames.title(undone.type, session.l), state.status.title(session.l))
        }
        Console.current.line(l("Undone on case \(caseID): \(what) (version \(version)). Status: \(status).",
                               "Ongedaan gemaakt op casus \(caseID): \(what) (versie \(version)). Status: \(status)."))
    }
}
