import ArgumentParser
import Foundation
import RegieAudit
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct AuditAccessCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "access",
            abstract: H("Show who read case data, when, with which command and why.",
                        "Toon wie casusgegevens inzag, wanneer, met welke opdracht en waarom."),
            discussion: H(
                "With --case: the reads of that case, for anyone in its team. Without: the access log of your teams "
                + "for coordinators, all of it for auditors. --for-client words it plainly for the client whose record "
                + "it is.",
                "Met --case: de inzages van die casus, voor iedereen in het team. Zonder: het inzagelog van je teams "
                + "voor coördinatoren, alles voor auditors. --for-client zegt het in gewone woorden voor de cliënt van "
                + "wie het dossier is."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(name: .customLong("case"), help: H("Only reads of this case.", "Alleen inzages van deze casus.")) var caseID: Int?
    @Flag(help: H("Plain wording for the client (needs --case).",
                  "In gewone woorden voor de cliënt (vraagt om --case).")) var forClient = false

    func validate() throws {
        if forClient && caseID == nil {
            throw ValidationError("--for-client needs --case: a client sees the reads of their own record.")
        }
    }

    struct Entries: Codable {
        var entries: [AccessEntryJSON]
    }

    func run() async throws {
        let entries: [AccessEntryJSON], l: L10n
        if let server = try ServerClient.connect(global) {
            entries = try await server.decode(Entries.self, .get, "/audit/access" + (caseID.map { "?case=\($0)" } ?? "")).entries
            l = server.l
        } else {
            let session = try await CaseSession(global)
            // One case: anyone in its team. Across cases: coordinators their teams', auditors all.
            entries = try await session.accessLog(of: caseID)
            l = session.l
        }
        if output.json { return try JSONOutput.print(entries) }
        if forClient { return Self.renderForClient(entries, l: l) }
        if entries.isEmpty { return Console.current.line(l("No reads logged.", "Geen inzages gelogd.")) }
        let format = ISO8601DateFormatter()
        for e in entries {
            let target = e.caseId.map { l("case \($0)", "casus \($0)") } ?? l("several cases", "meerdere casussen")
            Console.current.line("\(e.sequence)\t\(format.string(from: e.at))\t\(e.actor) (\(e.role))\t\(target)\t\(e.action)\t\(e.purpose)\t\(e.address ?? "-")")
        }
    }

    /// One sentence per read, in the workspace language, without internal jargon.
    private static func renderForClient(_ entries: [AccessEntryJSON], l: L10n) {
        let format = DateFormatter()
        format.locale = Locale(identifier: l.language == .nl ? "nl_NL" : "en_GB")
        format.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        format.dateFormat = l.language == .nl ? "d MMMM yyyy 'om' HH:mm" : "d MMMM yyyy 'at' HH:mm"
        Console.current.line(l("Who looked at your record", "Wie uw dossier heeft bekeken"))
        if entries.isEmpty { return Console.current.line(l("Nobody has looked at it yet.", "Nog niemand heeft het bekeken.")) }
        for e in entries {
            let name = e.actorName
            let role = switch Role(rawValue: e.role) {
            case .coordinator: l("coordinator", "coördinator")
            case .auditor: l("auditor", "auditor")
            default: l("support worker", "hulpverlener")
            }
            Console.current.line("- \(format.string(from: e.at)): \(name) (\(role)) " + Self.what(e.action, l: l)
                                 + " " + l("(purpose: \(e.purpose)).", "(doel: \(e.purpose))."))
        }
    }

    private static func what(_ action: String, l: L10n) -> String {
        // A read through the server is named as its command with "api " before it.
        switch action.hasPrefix("api ") ? String(action.dropFirst(4)) : action {
        case "case list": l("saw your name in a list of cases", "zag uw naam in een lijst van casussen")
        case "time list": l("looked at the time spent on your support", "bekeek de tijd die aan uw ondersteuning is besteed")
        case "audit log", "audit access": l("looked at the history of your record", "bekeek de geschiedenis van uw dossier")
        case "check list": l("looked at the checklist of your plan", "bekeek de checklijst van uw plan")
        case "case migrate": l("looked at your plan to move it to new rules", "bekeek uw plan om het naar nieuwe regels over te zetten")
        case "audit export": l("exported the log of your record", "exporteerde het logboek van uw dossier")
        default: l("looked at your record", "bekeek uw dossier")
        }
    }
}
