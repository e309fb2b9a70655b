import RegieCore

// How values read in text output, per language. JSON always uses the raw identifiers.

extension Phase {
    package func title(_ l: L10n) -> String {
        switch self {
        case .goals: l("Goals", "Doelen")
        case .mapping: l("Resource mapping", "Resources in kaart")
        case .activation: l("Activation", "Resources activeren")
        case .meeting: l("Meeting", "Bijeenkomst")
        case .followUp: l("Follow-up", "Vervolg")
        }
    }
}

extension MoveKind {
    package func title(_ l: L10n) -> String {
        switch self {
        case .advance: l("advance", "door naar de volgende fase")
        case .revisit: l("revisit", "terug naar een eerdere fase")
        case .nextRound: l("next round", "volgende ronde")
        case .renew: l("renew", "nieuwe doelen")
        case .pause: l("pause", "pauze")
        case .resume: l("resume", "hervatten")
        case .close: l("close", "afsluiten")
        case .reopen: l("reopen", "heropenen")
        }
    }

    /// The command a user types for this move.
    package var command: String {
        switch self {
        case .nextRound: "next-round"
        default: rawValue
        }
    }
}

extension CaseStatus {
    package func title(_ l: L10n) -> String {
        switch self {
        case .active(let phase):
            l("active in phase \(phase.number)/5 \(phase.title(l))", "actief in fase \(phase.number)/5 \(phase.title(l))")
        case .paused(let phase, let info):
            l("paused (\(info.kind.title(l))) in phase \(phase.number)/5 \(phase.title(l))",
              "gepauzeerd (\(info.kind.title(l))) in fase \(phase.number)/5 \(phase.title(l))")
        case .closed(let phase, let info):
            l("closed (\(info.outcome.title(l))) from phase \(phase.title(l))",
              "afgesloten (\(info.outcome.title(l))) vanuit fase \(phase.title(l))")
        }
    }
}

extension ResourceKind {
    package func title(_ l: L10n) -> String {
        switch self {
        case .informal: l("informal", "informeel")
        case .experienceExpert: l("experience expert", "ervaringsdeskundige")
        case .volunteer: l("volunteer", "vrijwilliger")
        case .professional: l("professional", "professional")
        }
    }
}

extension ContactStatus {
    package func title(_ l: L10n) -> String {
        switch self {
        case .notContacted: l("not contacted", "nog geen contact")
        case .contacted: l("contacted", "contact gelegd")
        case .willing: l("willing", "doet mee")
        case .declined: l("declined", "wil niet")
        }
    }
}

extension QuestionStatus {
    package func title(_ l: L10n) -> String {
        switch self {
        case .open: l("open", "open")
        case .accepted: l("accepted", "opgepakt")
        case .done: l("done", "gedaan")
        case .parked: l("parked", "geparkeerd")
        }
    }
}

extension Entity {
    package func title(_ l: L10n) -> String {
        switch self {
        case .case: l("case", "casus")
        case .goal: l("goal", "doel")
        case .resource: l("resource", "resource")
        case .question: l("question", "vraag")
        case .meeting: l("meeting", "bijeenkomst")
        case .checklistItem: l("checklist item", "checklistpunt")
        case .timeEntry: l("time entry", "tijdregistratie")
        case .reminder: l("reminder", "herinnering")
        }
    }
}

extension PauseKind {
    package func title(_ l: L10n) -> String {
        switch self {
        case .crisis: l("crisis", "crisis")
        case .admission: l("admission", "opname")
        case .clientRequest: l("at the client's request", "op verzoek van de cliënt")
        case .other: l("other", "anders")
        }
    }
}

extension CloseOutcome {
    package func title(_ l: L10n) -> String {
        switch self {
        case .networkCarries: l("the network carries", "het netwerk draagt")
        case .goalsAchieved: l("goals achieved", "doelen bereikt")
        case .clientStopped: l("the client stopped", "de cliënt stopte")
        case .transferred: l("transferred", "overgedragen")
        case .other: l("other", "anders")
        }
    }
}

extension TensionState {
    package func title(_ l: L10n) -> String {
        switch self {
        case .none: l("no tension", "geen spanning")
        case .noted: l("tension noted", "spanning opgemerkt")
        case .discussed: l("tension talked through", "spanning besproken")
        }
    }
}

extension CaseTimeline.PauseEnding {
    package func title(_ l: L10n) -> String {
        switch self {
        case .resumed: l("resumed", "hervat")
        case .closed: l("closed while paused", "gesloten tijdens de pauze")
        case .ongoing: l("still paused", "loopt nog")
        }
    }
}

extension LocalDate {
    /// The day written out, as on a letter: "14 January 2027", "14 januari 2027".
    package func spelled(_ l: L10n) -> String {
        "\(day) \(Self.monthName(month, l)) \(year)"
    }

    /// A month's name as ``spelled(_:)`` writes it: "January", "januari".
    package static func monthName(_ month: Int, _ l: L10n) -> String {
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"]
        let nl = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                  "november", "december"]
        return l(en[month - 1], nl[month - 1])
    }
}

extension String {
    /// The text with its first letter in upper case, for a table header made of a phrase.
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension DateField {
    package func title(_ l: L10n) -> String {
        switch self {
        case .heldOn: l("meeting date", "datum van de bijeenkomst")
        case .plannedOn: l("planned date", "geplande datum")
        case .due: l("due date", "streefdatum")
        case .workedOn: l("date of the time entry", "datum van de tijdregistratie")
        }
    }
}

/// The text fields a refusal can name (``InvalidInput/emptyText(field:)`` and its kin), as a
/// reader knows them; Dutch with its article, as the sentences need it.
package enum FieldNames {
    package static func title(_ field: String, _ l: L10n) -> String {
        switch field {
        case "goal": l("goal", "het doel")
        case "label": l("label", "de naam")
        case "relation": l("relation", "de relatie")
        case "note": l("note", "de notitie")
        case "question": l("question", "de vraag")
        case "reason": l("reason", "de reden")
        case "override reason": l("reason for overriding", "de reden om door te zetten")
        case "client label": l("client label", "het cliëntlabel")
        case "external reference": l("external reference", "het kenmerk")
        case "can": l("“can do”", "‘kan doen’")
        case "cannot": l("“cannot do”", "‘kan niet doen’")
        default: l(field, field)
        }
    }
}

extension GoalStatus {
    package func title(_ l: L10n) -> String {
        switch self {
        case .open: l("open", "open")
        case .achieved: l("achieved", "bereikt")
        case .dropped: l("dropped", "losgelaten")
        }
    }
}

extension MeetingLead {
    package func title(_ l: L10n) -> String {
        switch self {
        case .client: l("the client", "de cliënt")
        case .together: l("client and worker together", "cliënt en werker samen")
        case .worker: l("the worker", "de werker")
        }
    }
}

extension TimeActivity {
    package func title(_ l: L10n) -> String {
        switch self {
        case .contact: l("contact", "contact")
        case .conversation: l("conversation", "gesprek")
        case .meeting: l("meeting", "bijeenkomst")
        case .preparation: l("preparation", "voorbereiding")
        case .other: l("other", "anders")
        }
    }
}
