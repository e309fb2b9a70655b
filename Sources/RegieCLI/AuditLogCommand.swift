import ArgumentParser
import Foundation
import RegieAudit
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct AuditLogCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "log",
            abstract: H("List transitions and corrections: who moved or corrected which case, when, why, and under which rules.",
                        "Toon overgangen en correcties: wie welke casus verplaatste of corrigeerde, wanneer, waarom en onder welke regels."),
            discussion: H(
                "Without --case: every case of your teams. Each transition shows the checklist as it stood, overrides "
                + "flagged, the content hashes of the rules that decided it and the event's hash in the chain. Then each "
                + "correction and undo, with the value it replaced. --json lists the transitions.",
                "Zonder --case: elke casus van je teams. Bij elke overgang staan de checklist zoals die was, "
                + "doorzettingen gemarkeerd, de hashes van de regels die besloten en de hash van de gebeurtenis in de "
                + "keten. Daarna elke correctie en ongedaanmaking, met de waarde die ze verving. --json toont de overgangen."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(name: .customLong("case"), help: H("Only this case.", "Alleen deze casus.")) var caseID: Int?
    @Option(help: H("Only transitions made by this person.", "Alleen overgangen van deze persoon.")) var actor: String?
    @Option(help: H("Only transitions on or after this day (YYYY-MM-DD, UTC).",
                    "Alleen overgangen op of na deze dag (JJJJ-MM-DD, UTC).")) var since: LocalDate?
    /// Positional form kept from the first release: `regie audit log 3`.
    @Argument(help: ArgumentHelp("The case number (the same as --case).", visibility: .hidden)) var positionalCase: Int?

    func run() async throws {
        let session = try await CaseSession(global)
        let wanted = caseID ?? positionalCase
        let l = session.l
        let entries = try await session.transitions(of: wanted, by: actor, since: since).map { event, transition in
            TransitionJSON(caseID: event.caseID, version: event.version, actor: event.actor,
                           at: Date(timeIntervalSince1970: Double(event.recordedAt) / 1000), transition: transition, rules: event.rules,
                           hash: event.hash?.hex ?? "", l: l)
        }
        if output.json { return try JSONOutput.print(entries) }
        render(entries, l: session.l, wanted: wanted)
        let corrections = try await session.corrections(of: wanted, by: actor, since: since)
        guard !corrections.isEmpty else { return }
        let text = CaseText(l: l, names: session.displayNames)
        let format = ISO8601DateFormatter()
        Console.current.line(l("Corrections (the original events stay as they were recorded):",
                               "Correcties (de oorspronkelijke gebeurtenissen blijven zoals ze zijn vastgelegd):"))
        for (state, correction) in corrections {
            Console.current.line("  \(l("case", "casus")) \(state.id) v\(correction.version) \(format.string(from: correction.at)) "
                                 + "\(correction.actor): " + text.correctionText(correction.change, in: state))
        }
        try await session.recordReads(caseIDs: Set(corrections.map(\.state.id)).sorted(), action: "audit log")
    }

    private func render(_ entries: [TransitionJSON], l: L10n, wanted: Int?) {
        let format = ISO8601DateFormatter()
        Console.current.line(wanted.map { l("Transitions of case \($0):", "Overgangen van casus \($0):") }
                             ?? l("Transitions:", "Overgangen:"))
        if entries.isEmpty { Console.current.line(l("  (none)", "  (geen)")) }
        for e in entries {
            var line = "  \(l("case", "casus")) \(e.caseID) v\(e.version) \(format.string(from: e.at)) \(e.actor): "
                + "\(e.move.command) · \(e.fromText) → \(e.toText)"
            if let reason = e.reason { line += " · " + l("reason: ", "reden: ") + reason }
            if e.overridden { line += " · " + l("OVERRIDDEN, unmet: ", "DOORGEZET, open: ") + e.unmet.joined(separator: ", ") }
            Console.current.line(line)
            if !e.checklist.isEmpty {
                let items = e.checklist.map { "\($0.holds ? "✓" : "✗") \($0.item)" }.joined(separator: ", ")
                Console.current.line("      " + l("checklist: ", "checklijst: ") + items)
            }
            if !e.guards.isEmpty {
                let verdicts = e.guards.map { "\($0.allowed ? "✓" : "✗") \($0.plugin)" }.joined(separator: ", ")
                Console.current.line("      " + l("plugin guards: ", "pluginregels: ") + verdicts)
            }
            Console.current.line("      " + l("rules: ", "regels: ") + e.rules.joined(separator: " ") + " · "
                                 + l("hash: ", "hash: ") + String(e.hash.prefix(16)))
        }
    }
}
