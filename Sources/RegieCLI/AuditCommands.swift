import ArgumentParser
import Foundation
import RegieCore

struct AuditGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Look at the record of what happened.", subcommands: [AuditLogCommand.self])
}

struct AuditLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "List a case's transitions: who moved it from where to where, when and why.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The case number.") var caseID: Int

    func run() throws {
        let session = try CaseSession(global)
        let (state, _, _) = try session.load(caseID)
        if output.json { return try JSONOutput.print(state.history.map(TransitionJSON.init)) }
        let l = session.l
        let format = ISO8601DateFormatter()
        Console.current.line(l("Transitions of case \(caseID):", "Overgangen van casus \(caseID):"))
        if state.history.isEmpty { Console.current.line(l("  (none yet)", "  (nog geen)")) }
        for record in state.history {
            let t = record.transition
            var line = "  v\(record.version) \(format.string(from: record.at)) \(record.actor): \(t.move.command) · \(t.from.title(l)) → \(t.to.title(l))"
            if let reason = t.reason { line += " · " + l("reason: ", "reden: ") + reason }
            if t.overridden { line += " · " + l("OVERRIDDEN, unmet: ", "DOORGEZET, open: ") + t.unmet.joined(separator: ", ") }
            Console.current.line(line)
        }
    }
}
