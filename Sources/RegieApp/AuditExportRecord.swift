import Foundation
import RegieAudit
import RegieCore

/// One NEN 7513 record of `audit export` and `GET /api/v1/audit/export`: a logged event or a
/// read, with the facts (who, what, when, which case, from where, why) and never the content
/// of a case. Fields and their meaning: docs/audit.md.
package struct AuditExportRecord: Encodable, Sendable {
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
    /// Where a read through the server came from; empty on the command line and for events.
    var networkAddress: String
    var participantObjectType: String
    var participantObjectID: String
    var purpose: String
    var hash: String

    package static let columns = [
        "event_id", "event_type", "action", "action_code", "date_time", "outcome", "user_id", "user_role", "on_behalf_of",
        "source_system", "network_address", "participant_object_type", "participant_object_id", "purpose", "hash",
    ]

    var values: [String] {
        [eventID, eventType, action, actionCode, dateTime, outcome, userID, userRole, onBehalfOf, sourceSystem,
         networkAddress, participantObjectType, participantObjectID, purpose, hash]
    }

    /// The records as lines of JSON (one object per line) or CSV (with a header line).
    package static func lines(_ records: [AuditExportRecord], csv: Bool) -> [String] {
        if csv { return [columns.joined(separator: ",")] + records.map { $0.values.map(csvField).joined(separator: ",") } }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return records.compactMap { record in (try? encoder.encode(record)).map { String(decoding: $0, as: UTF8.self) } }
    }

    static func time(_ millis: Int64) -> String {
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return format.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. A value that
    /// a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return) gets a leading `'`, as OWASP's advice on CSV injection says.
    package static func csvField(_ raw: String) -> String {
        let text = raw.first.map { "=+-@\t\r".contains($0) } == true ? "'" + raw : raw
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension CaseSession {
    /// The audit trail within the acting person's audit scope as NEN 7513 records in time order,
    /// from `software` (the program and its version).
    package func exportRecords(of caseID: Int?, since: LocalDate?, software: String) async throws(RegieError) -> [AuditExportRecord] {
        let trail = try await trailForExport(of: caseID, since: since)
        let source = "\(software) log \(trail.logID)"
        var records: [(at: Int64, record: AuditExportRecord)] = []
        for event in trail.events {
            let role = workspace.person(event.actor)?.role.rawValue ?? "unknown"
            records.append((event.recordedAt, AuditExportRecord(
                eventID: "case-\(event.caseID)-v\(event.version)", eventType: "case_event", action: event.type,
                actionCode: event.version == 1 ? "C" : "U", dateTime: AuditExportRecord.time(event.recordedAt), outcome: "success",
                userID: event.actor, userRole: role, onBehalfOf: event.actor, sourceSystem: source, networkAddress: "",
                participantObjectType: "case", participantObjectID: String(event.caseID), purpose: "",
                hash: event.hash?.hex ?? "")))
        }
        for access in trail.accesses {
            let e = access.envelope
            records.append((e.at, AuditExportRecord(
                eventID: "access-\(e.sequence)", eventType: "access", action: e.action, actionCode: "R",
                dateTime: AuditExportRecord.time(e.at), outcome: "success", userID: e.actor, userRole: e.role, onBehalfOf: e.actor,
                sourceSystem: source, networkAddress: e.address ?? "", participantObjectType: e.caseID == nil ? "case_list" : "case",
                participantObjectID: e.caseID.map(String.init) ?? "", purpose: e.purpose, hash: access.hash?.hex ?? "")))
        }
        // Events and reads in time order; of two at the same millisecond, events first, as stored.
        return records.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element.record)
    }
}
