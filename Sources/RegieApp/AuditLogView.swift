import Foundation
import RegieAudit
import RegieCore
import RegieReports

/// `audit log` and `GET /api/v1/audit/log`: the transitions of the acting person's teams' cases
/// (or of one case) with what decided them, then the corrections and undos with the values
/// they replaced. Every case shown is logged as read.
package struct AuditLogView {
    package var caseID: Int?
    package var transitions: [TransitionJSON]
    /// nil when only the transitions were asked for (`--json`).
    package var corrections: [(state: CaseState, correction: CorrectionRecord)]?

    package func text(l: L10n, names: [String: String]) -> [String] {
        let format = ISO8601DateFormatter()
        var lines = [caseID.map { l("Transitions of case \($0):", "Overgangen van casus \($0):") } ?? l("Transitions:", "Overgangen:")]
        if transitions.isEmpty { lines.append(l("  (none)", "  (geen)")) }
        for e in transitions {
            var line = "  \(l("case", "casus")) \(e.caseID) v\(e.version) \(format.string(from: e.at)) \(e.actor): "
                + "\(e.move.command) · \(e.fromText) → \(e.toText)"
            if let reason = e.reason { line += " · " + l("reason: ", "reden: ") + reason }
            if e.overridden { line += " · " + l("OVERRIDDEN, unmet: ", "DOORGEZET, open: ") + e.unmet.joined(separator: ", ") }
            lines.append(line)
            if !e.checklist.isEmpty {
                let items = e.checklist.map { "\($0.holds ? "✓" : "✗") \($0.item)" }.joined(separator: ", ")
                lines.append("      " + l("checklist: ", "checklijst: ") + items)
            }
            if !e.guards.isEmpty {
                let verdicts = e.guards.map { "\($0.allowed ? "✓" : "✗") \($0.plugin)" }.joined(separator: ", ")
                lines.append("      " + l("plugin guards: ", "pluginregels: ") + verdicts)
            }
            lines.append("      " + l("rules: ", "regels: ") + e.rules.joined(separator: " ") + " · " + l("hash: ", "hash: ") + String(e.hash.prefix(16)))
        }
        guard let corrections, !corrections.isEmpty else { return lines }
        let text = CaseText(l: l, names: names)
        lines.append(l("Corrections (the original events stay as they were recorded):",
                       "Correcties (de oorspronkelijke gebeurtenissen blijven zoals ze zijn vastgelegd):"))
        for (state, correction) in corrections {
            lines.append("  \(l("case", "casus")) \(state.id) v\(correction.version) \(format.string(from: correction.at)) "
                         + "\(correction.actor): " + text.correctionText(correction.change, in: state))
        }
        return lines
    }
}

extension CaseSession {
    /// The audit log, optionally only one person's moves or those since a day (UTC).
    package func auditLog(of caseID: Int?, by actor: String?, since: LocalDate?, withCorrections: Bool) async throws(RegieError) -> AuditLogView {
        let transitions = try await transitions(of: caseID, by: actor, since: since).map { event, transition in
            TransitionJSON(caseID: event.caseID, version: event.version, actor: event.actor,
                           at: Date(timeIntervalSince1970: Double(event.recordedAt) / 1000), transition: transition, rules: event.rules,
                           hash: event.hash?.hex ?? "", l: l)
        }
        var view = AuditLogView(caseID: caseID, transitions: transitions)
        if withCorrections {
            let corrections = try await corrections(of: caseID, by: actor, since: since)
            try await recordReads(caseIDs: Set(corrections.map(\.state.id)).sorted(), action: "audit log")
            view.corrections = corrections
        }
        return view
    }
}
