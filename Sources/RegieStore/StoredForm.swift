import Foundation
import RegieCore

/// How values are written to and read from any backend: event payloads as canonical JSON
/// text, times as whole milliseconds since 1970, a case's status as JSON. One place, so that
/// every backend stores (and hashes) exactly the same bytes.
package enum StoredForm {
    /// The payload text stored for an event.
    package static func payload(_ event: CaseEvent) throws(StoreError) -> String {
        do {
            return String(decoding: try event.payloadBytes(), as: UTF8.self)
        } catch {
            throw .database(code: 0, message: "an event could not be encoded")
        }
    }

    package static func statusJSON(_ status: CaseStatus) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(status)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A case's status from the case list's columns: most cases are active, and their status
    /// is just the phase, with nothing to decode.
    package static func status(state: String, phase: String, json: String) throws -> CaseStatus {
        if state == "active", let phase = Phase(rawValue: phase) { return .active(phase) }
        return try JSONDecoder().decode(CaseStatus.self, from: Data(json.utf8))
    }

    package static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    package static func date(millis: Int64) -> Date { Date(timeIntervalSince1970: Double(millis) / 1000) }

    /// A stored time, refused unless it is one Regie could have written.
    package static func readableDate(millis: Int64, column: String) throws(StoreError) -> Date {
        guard RecordedTime.readableMillis.contains(millis) else { throw .unreadableValue(column: column) }
        return date(millis: millis)
    }

    /// A stored event read back.
    package static func event(caseID: Int, version: Int, type: String, actor: String, millis: Int64, payload: String?)
        throws(StoreError) -> RecordedEvent
    {
        // An erased payload is NULL: an error, not a crash.
        guard let payload else { throw .corrupt(caseID: caseID, version: version, problem: "the \(type) payload was erased") }
        guard RecordedTime.readableMillis.contains(millis) else {
            throw .corrupt(caseID: caseID, version: version, problem: "its time is not one Regie records")
        }
        do {
            let event = try CaseEvent(typeName: type, payload: Data(payload.utf8))
            return RecordedEvent(caseID: caseID, version: version, actor: actor, recordedAt: date(millis: millis), event: event)
        } catch {
            throw .corrupt(caseID: caseID, version: version, problem: "the \(type) payload cannot be read")
        }
    }
}
