import Foundation
import RegieCore

/// The agenda as an iCalendar file (RFC 5545) that Outlook or any calendar imports: each task
/// and planned meeting an all-day event on its day. Calendars are synchronised to places Regie
/// does not control, so an event names the case number and what is due, never the client, a
/// question's words or a person of the network.
package struct AgendaCalendar {
    package let l: L10n
    /// Makes the events' UIDs unique to this workspace's store.
    package let domain: String
    package let stamp: Date

    package init(_ l: L10n, domain: String, stamp: Date) {
        self.l = l
        self.domain = domain
        self.stamp = stamp
    }

    /// A calendar for an organisation: its name as a host name for the UIDs, `buurtteams-oost.regie`.
    package init(_ l: L10n, organisation: String, stamp: Date) {
        let words = organisation.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        self.init(l, domain: (words.isEmpty ? "workspace" : words.joined(separator: "-")) + ".regie", stamp: stamp)
    }

    package func render(_ cases: [AgendaCase]) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Regie//Agenda//" + (l.language == .nl ? "NL" : "EN"),
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        for entry in cases {
            let caseID = entry.summary.id
            for task in entry.tasks {
                let subject = task.subject.map { "-\($0)" } ?? ""
                lines += event(uid: "case\(caseID)-\(task.kind.rawValue)\(subject)", on: task.due,
                               summary: l("Regie case \(caseID): ", "Regie casus \(caseID): ") + what(task))
            }
            for meeting in entry.meetings {
                lines += event(uid: "case\(caseID)-meeting-\(meeting.id)", on: meeting.plannedOn,
                               summary: l("Regie case \(caseID): resource group meeting \(meeting.id)",
                                          "Regie casus \(caseID): bijeenkomst \(meeting.id) van de resourcegroep"))
            }
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    /// What is due, without the words of the record.
    private func what(_ task: AgendaTask) -> String {
        let subject = task.subject.map(String.init) ?? ""
        return switch task.kind {
        case .planNextMeeting: l("plan the next meeting", "volgende bijeenkomst plannen")
        case .recordMeeting: l("record meeting \(subject)", "bijeenkomst \(subject) vastleggen")
        case .questionDue: l("question \(subject) due", "vraag \(subject) moet af zijn")
        case .oneToOne: l("one-to-one talk with resource \(subject)", "persoonlijk gesprek met resource \(subject)")
        case .pausedLong: l("look at the paused case", "gepauzeerde casus bekijken")
        case .reviewGoals: l("look at the goals", "doelen bekijken")
        case .reminder: l("reminder \(subject) of plugin \(task.reminder?.plugin ?? "")", "herinnering \(subject) van plugin \(task.reminder?.plugin ?? "")")
        }
    }

    private func event(uid: String, on day: LocalDate, summary: String) -> [String] {
        let next = LocalDate(daysSinceEpoch: day.daysSinceEpoch + 1)
        return ["BEGIN:VEVENT", "UID:\(uid)@\(domain)", "DTSTAMP:\(Self.utc(stamp))",
                "DTSTART;VALUE=DATE:\(Self.compact(day))", "DTEND;VALUE=DATE:\(Self.compact(next))",
                "SUMMARY:\(Self.escaped(summary))", "TRANSP:TRANSPARENT", "END:VEVENT"]
    }

    static func compact(_ day: LocalDate) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// A UTC time in iCalendar's basic form: `20260921T141320Z`.
    package static func utc(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date).filter { $0 != "-" && $0 != ":" }
    }

    /// TEXT values escape backslashes, semicolons, commas and line breaks (RFC 5545, 3.3.11).
    package static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a
    /// character (RFC 5545, 3.1).
    package static func folded(_ line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = parts.isEmpty ? 75 : 74
            if octets + size > limit {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        parts.append(current)
        return parts.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }
    }
}
