import RegieCore

/// What a move did, as the command line tells it: where the case went, an override, and for a
/// phase newly entered its prompts and the plugins' reminders. The API's changes answer it as
/// `moved`, so that `regie --server` tells it in the same words.
package struct MoveReport: Codable, Sendable, Equatable {
    package var move: MoveKind
    package var from: CaseStatus
    package var to: CaseStatus
    package var actor: String
    package var overridden: Bool
    package var unmet: [String]
    /// The new phase's prompts; nil when no phase was entered (or they could not be worked out).
    package var prompts: [LocalizedText]?
    package var reminders: [Reminder]?
    /// Why the prompts or reminders are missing, if a plugin failed to give them.
    package var promptsFailure: String?

    package init(_ t: Transitioned, actor: String) {
        move = t.move
        from = t.from
        to = t.to
        self.actor = actor
        overridden = t.overridden
        unmet = t.unmet
        reminders = t.reminders
    }

    /// A new phase was entered (or a new round begun): its prompts and reminders are shown.
    package var entersPhase: Bool {
        guard case .active(let phase) = to else { return false }
        return phase != from.phase || move == .nextRound || move == .renew
    }

    /// The lines `regie case advance` (and the other moves) print.
    package func lines(caseID: Int, l: L10n) -> [String] {
        var line = l("Case \(caseID): \(from.title(l)) → \(to.title(l)).", "Casus \(caseID): \(from.title(l)) → \(to.title(l)).")
        if overridden {
            line += " " + l("Overridden by \(actor); still open: \(unmet.joined(separator: ", ")).",
                            "Doorgezet door \(actor); nog open: \(unmet.joined(separator: ", ")).")
        }
        var lines = [line]
        guard entersPhase else { return lines }
        for prompt in prompts ?? [] { lines.append("  - " + l(prompt)) }
        for reminder in reminders ?? [] {
            let due = reminder.due.map { l(" (by \($0))", " (uiterlijk \($0))") } ?? ""
            lines.append("  * " + l(reminder.text) + due + l(" [reminder \(reminder.id)]", " [herinnering \(reminder.id)]"))
        }
        // The move is recorded by now: a plugin that failed to give its prompts or reminders
        // must not make it look as if it was not.
        if let promptsFailure {
            lines.append(l("  (The move is recorded, but the reminders could not be shown: \(promptsFailure))",
                           "  (De stap is vastgelegd, maar de herinneringen konden niet getoond worden: \(promptsFailure))"))
        }
        return lines
    }
}
