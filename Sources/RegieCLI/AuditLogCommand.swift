import ArgumentParser
import Foundation
import RegieAudit
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct AuditLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List transitions: who moved which case from where to where, when, why, and under which rules.",
        discussion: "Without --case: every case of your teams. Each transition shows the checklist as it stood, overrides "
            + "flagged, the content hashes of the rules that decided it and the event's hash in the chain.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(name: .customLong("case"), help: "Only this case.") var caseID: Int?
    @Option(help: "Only transitions made by this person.") var actor: String?
    @Option(help: "Only transitions on or after this day (YYYY-MM-DD, UTC).") var since: LocalDate?
    /// Positional form kept from the first release: `regie audit log 3`.
    @Argument(help: ArgumentHelp("The case number (the same as --case).", visibility: .hidden)) var positionalCase: Int?

    func run() throws {
        let session = try CaseSession(global)
        let wanted = caseID ?? positionalCase
        let person = try session.person()
        if let wanted { _ = try session.load(wanted) }
        let teamOfCase: [Int: String]
        do {
            teamOfCase = Dictionary(uniqueKeysWithValues: try session.store.summaries(team: nil).map { ($0.id, $0.team) })
        } catch { throw RegieError.from(error) }
        let l = session.l
        let sinceMillis = since.map(\.startMillisUTC)
        var entries: [TransitionJSON] = []
        do {
            try session.store.readAuditTrail { reader in
                try reader.forEachEvent(caseID: wanted, type: "transitioned") { event in
                    guard let team = teamOfCase[event.caseID], person.teams.contains(team) else { return }
                    if let actor, event.actor != actor { return }
                    if let sinceMillis, event.recordedAt < sinceMillis { return }
                    guard let payload = event.payload,
                          case .transitioned(let t) = try? CaseEvent(typeName: event.type, payload: Data(payload))
                    else { return }
                    entries.append(TransitionJSON(
                        caseID: event.caseID, version: event.version, actor: event.actor,
                        at: Date(timeIntervalSince1970: Double(event.recordedAt) / 1000), transition: t, rules: event.rules,
                        hash: event.hash?.hex ?? "", l: l))
                }
            }
        } catch { throw RegieError.from(error) }
        // Every case whose history was shown is a read of that case.
        try session.recordReads(caseIDs: wanted.map { [$0] } ?? Set(entries.map(\.caseID)).sorted(), action: "audit log")
        if output.json { return try JSONOutput.print(entries) }
        render(entries, l: session.l, wanted: wanted)
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
