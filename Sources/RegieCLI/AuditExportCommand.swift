import ArgumentParser
import Foundation
import RegieAudit
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct AuditExportCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export",
            abstract: H("Write the audit trail as NEN 7513 records: one per logged event and per read.",
                        "Schrijf het dossierspoor als NEN 7513-regels: één per vastgelegde gebeurtenis en per inzage."),
            discussion: H(
                "Fields and their meaning: docs/audit.md. The records hold the facts (who, what, when, which case), "
                + "never the content of a case. For coordinators (their own teams) and auditors (everything).",
                "Velden en hun betekenis: docs/audit.md. De regels bevatten de feiten (wie, wat, wanneer, welke "
                + "casus), nooit de inhoud van een casus. Voor coördinatoren (hun eigen teams) en auditors (alles)."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: H("jsonl (one JSON object per line) or csv.", "jsonl (één JSON-object per regel) of csv.")) var format: Format
    @Option(name: .customLong("case"), help: H("Only this case.", "Alleen deze casus.")) var caseID: Int?
    @Option(help: H("Only records on or after this day (YYYY-MM-DD, UTC).",
                    "Alleen gegevens op of na deze dag (JJJJ-MM-DD, UTC).")) var since: LocalDate?

    func run() async throws {
        let csv = format == .csv
        if let server = try ServerClient.connect(global) {
            var query = ["format=\(format.rawValue)"]
            if let caseID { query.append("case=\(caseID)") }
            if let since { query.append("since=\(since)") }
            return Console.current.write(try await server.send(.get, "/audit/export?" + query.joined(separator: "&"), accept: "*/*").text)
        }
        let session = try await CaseSession(global)
        let records = try await session.exportRecords(of: caseID, since: since, software: "regie \(RegieVersion.current)")
        for line in AuditExportRecord.lines(records, csv: csv) { Console.current.line(line) }
    }
}
