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
        let wanted = caseID ?? positionalCase
        if let server = try ServerClient.connect(global) {
            var query: [String] = []
            if let wanted { query.append("case=\(wanted)") }
            if let actor { query.append("actor=\(ServerClient.pathPart(actor))") }
            if let since { query.append("since=\(since)") }
            let path = "/audit/log" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
            if output.json { return try JSONOutput.printUntyped(try await server.list(path, key: "transitions")) }
            return Console.current.write(try await server.text(path))
        }
        let session = try await CaseSession(global)
        let log = try await session.auditLog(of: wanted, by: actor, since: since, withCorrections: !output.json)
        if output.json { return try JSONOutput.print(log.transitions) }
        for line in log.text(l: session.l, names: session.displayNames) { Console.current.line(line) }
    }
}
