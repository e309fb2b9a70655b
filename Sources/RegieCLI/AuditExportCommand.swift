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

    /// One NEN 7513 log record.
    struct Record: Encodable {
        var eventID: String
        var eventType: String
        var action: String
        /// C create, R read, U update (ISO 27789 / NEN 7513 action codes).
        var actionCode: String
        var dateTime: String
        var outcome: String
        var userID: String
        var userRole: String
        var onBehalfOf: String
        var sourceSystem: String
        /// Where a read through the server came from; empty on the command line.
        var networkAddress: String
        var participantObjectType: String
        var participantObjectID: String
        var purpose: String
        var hash: String

        static let columns = [
            "event_id", "event_type", "action", "action_code", "date_time", "outcome", "user_id", "user_role", "on_behalf_of",
            "source_system", "network_address", "participant_object_type", "participant_object_id", "purpose", "hash",
        ]

        var values: [String] {
            [eventID, eventType, action, actionCode, dateTime, outcome, userID, userRole, onBehalfOf, sourceSystem,
             networkAddress, participantObjectType, participantObjectID, purpose, hash]
        }
    }

    func run() async throws {
        let session = try await CaseSession(global)
        let trail = try await session.trailForExport(of: caseID, since: since)
        let source = "regie \(RegieCommand.configuration.version) log \(trail.logID)"
        var records: [(at: Int64, record: Record)] = []
        for event in trail.events {
            let role = session.workspace.person(event.actor)?.role.rawValue ?? "unknown"
            records.append((event.recordedAt, Record(
                eventID: "case-\(event.caseID)-v\(event.version)", eventType: "case_event", action: event.type,
                actionCode: event.version == 1 ? "C" : "U", dateTime: Self.time(event.recordedAt), outcome: "success",
                userID: event.actor, userRole: role, onBehalfOf: event.actor, sourceSystem: source, networkAddress: "",
                participantObjectType: "case", participantObjectID: String(event.caseID), purpose: "",
                hash: event.hash?.hex ?? "")))
        }
        for access in trail.accesses {
            let e = access.envelope
            records.append((e.at, Record(
                eventID: "access-\(e.sequence)", eventType: "access", action: e.action, actionCode: "R",
                dateTime: Self.time(e.at), outcome: "success", userID: e.actor, userRole: e.role, onBehalfOf: e.actor,
                sourceSystem: source, networkAddress: e.address ?? "", participantObjectType: e.caseID == nil ? "case_list" : "case",
                participantObjectID: e.caseID.map(String.init) ?? "", purpose: e.purpose, hash: access.hash?.hex ?? "")))
        }
        let ordered = records.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element.record)
        switch format {
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            for record in ordered {
                guard let data = try? encoder.encode(record) else { continue }
                Console.current.line(String(decoding: data, as: UTF8.self))
            }
        case .csv:
            Console.current.line(Record.columns.joined(separator: ","))
            for record in ordered { Console.current.line(record.values.map(Self.csvField).joined(separator: ",")) }
        }
    }

    static func time(_ millis: Int64) -> String {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return format.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. A value that
    /// a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return) gets a leading `'`, as OWASP's advice on CSV injection says.
    static func csvField(_ raw: String) -> String {
        let text = raw.first.map { "=+-@\t\r".contains($0) } == true ? "'" + raw : raw
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
