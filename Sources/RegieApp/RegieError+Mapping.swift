import RegieReports
import RegieCore
import RegieStore

extension RegieError {
    /// A refusal or invalid input from the core, in the user's words.
    package static func from(_ error: CaseError, caseID: Int) -> RegieError {
        let en = L10n(language: .en), nl = L10n(language: .nl)
        switch error {
        case .caseClosed:
            return RegieError(.refused, en: "Case \(caseID) is closed and accepts no changes.",
                              nl: "Casus \(caseID) is afgesloten en kan niet meer veranderen.",
                              hintEN: "Reopen it first with `regie case reopen \(caseID) --reason TEXT`.",
                              hintNL: "Heropen hem eerst met `regie case reopen \(caseID) --reason TEKST`.")
        case .illegalMove(let move, let status, let legal):
            let options = legal.map { "`\($0.command)`" }.joined(separator: ", ")
            return RegieError(.refused, en: "Case \(caseID) cannot \(move.title(en)) now: it is \(status.title(en)).",
                              nl: "Casus \(caseID) kan nu niet ‘\(move.title(nl))’: hij is \(status.title(nl)).",
                              hintEN: legal.isEmpty ? nil : "Possible now: \(options).",
                              hintNL: legal.isEmpty ? nil : "Nu mogelijk: \(options).")
        case .refused(let move, let unmet):
            let listEN = unmet.map { "\($0.item.id) (\($0.item.text.en)\($0.failure.map { "; failed: \($0)" } ?? ""))" }
            let listNL = unmet.map { "\($0.item.id) (\($0.item.text.nl)\($0.failure.map { "; mislukt: \($0)" } ?? ""))" }
            return RegieError(.refused,
                              en: "Case \(caseID) cannot \(move.title(en)) yet; still open: \(listEN.joined(separator: "; ")).",
                              nl: "Casus \(caseID) kan nog niet ‘\(move.title(nl))’; nog open: \(listNL.joined(separator: "; ")).",
                              hintEN: "Complete these items first; a coordinator can override with --override --reason TEXT.",
                              hintNL: "Rond deze punten eerst af; een coördinator kan doorzetten met --override --reason TEKST.")
        case .notFound(.case, _):
            return RegieError(.notFound, en: "There is no case \(caseID).", nl: "Er is geen casus \(caseID).",
                              hintEN: "See `regie case list`.", hintNL: "Zie `regie case list`.")
        case .notFound(let entity, let id):
            return RegieError(.notFound, en: "Case \(caseID) has no \(entity.title(en)) \(id).",
                              nl: "Casus \(caseID) heeft geen \(entity.title(nl)) \(id).",
                              hintEN: "See `regie case show \(caseID)` for what the case holds.",
                              hintNL: "Zie `regie case show \(caseID)` voor wat de casus bevat.")
        case .overrideNeedsCoordinator:
            return RegieError(.notPermitted, en: "Only a coordinator may override a refused move.",
                              nl: "Alleen een coördinator mag een geweigerde stap doorzetten.",
                              hintEN: "Ask a coordinator of the team, or complete the open items.",
                              hintNL: "Vraag een coördinator van het team, of rond de open punten af.")
        case .migrationNeedsCoordinator:
            return RegieError(.notPermitted, en: "Only a coordinator may move a case to other rules.",
                              nl: "Alleen een coördinator mag een casus naar andere regels overzetten.",
                              hintEN: "Ask a coordinator of the team.", hintNL: "Vraag een coördinator van het team.")
        case .guardRefused(let move, let refusals):
            let en_ = refusals.map { "\($0.plugin): \($0.reason?.en ?? "no reason given")" }.joined(separator: "; ")
            let nl_ = refusals.map { "\($0.plugin): \($0.reason?.nl ?? "geen reden gegeven")" }.joined(separator: "; ")
            return RegieError(.refused,
                              en: "Case \(caseID) cannot \(move.title(en)): the team's rules say no (\(en_)).",
                              nl: "Casus \(caseID) kan niet ‘\(move.title(nl))’: de regels van het team staan het niet toe (\(nl_)).",
                              hintEN: "Do what the rule asks first; a plugin rule cannot be overridden.",
                              hintNL: "Doe eerst wat de regel vraagt; een pluginregel kan niet worden doorgezet.")
        case .invalid(let input):
            return invalid(input, caseID: caseID)
        }
    }

    private static func invalid(_ input: InvalidInput, caseID: Int) -> RegieError {
        func usage(_ en: String, _ nl: String, _ hintEN: String? = nil, _ hintNL: String? = nil) -> RegieError {
            RegieError(.usage, en: en, nl: nl, hintEN: hintEN, hintNL: hintNL)
        }
        func refused(_ en: String, _ nl: String, _ hintEN: String, _ hintNL: String) -> RegieError {
            RegieError(.refused, en: en, nl: nl, hintEN: hintEN, hintNL: hintNL)
        }
        switch input {
        case .emptyText(let field):
            return usage("The \(field) is empty.", "De \(field) is leeg.", "Give a text.", "Geef een tekst op.")
        case .tooLong(let field, let limit):
            return usage("The \(field) is longer than \(limit) characters.", "De \(field) is langer dan \(limit) tekens.",
                         "Shorten it.", "Maak hem korter.")
        case .nationalIdentifier(let field):
            return usage("The \(field) looks like a citizen service number (BSN), which Regie never stores.",
                         "De \(field) lijkt op een burgerservicenummer (BSN), en dat slaat Regie nooit op.",
                         "Use initials or a nickname, and your own system's reference.",
                         "Gebruik initialen of een roepnaam, en het kenmerk uit je eigen systeem.")
        case .reasonRequired(let move):
            return usage("A \(move.title(L10n(language: .en))) needs a reason.", "Voor ‘\(move.title(L10n(language: .nl)))’ is een reden nodig.",
                         "Add --reason TEXT.", "Voeg --reason TEKST toe.")
        case .overrideOnlyForForwardMoves:
            return usage("--override only applies to advance, next-round and renew.",
                         "--override geldt alleen voor advance, next-round en renew.")
        case .notClientsChoice:
            return refused("Only the client decides who joins the resource group.",
                           "Alleen de cliënt beslist wie er in de resourcegroep komt.",
                           "Ask the client; once they have chosen, repeat with --client-chose.",
                           "Vraag het de cliënt; als die gekozen heeft, herhaal met --client-chose.")
        case .resourceDeclined(let id):
            return refused("Resource \(id) declined to help, so cannot join the group.",
                           "Resource \(id) wil niet helpen en kan dus niet in de groep.",
                           "If they changed their mind, first record --contact willing.",
                           "Als diegene van gedachten is veranderd, leg dan eerst --contact willing vast.")
        case .alreadyMember(let id):
            return refused("Resource \(id) is already in the group.", "Resource \(id) zit al in de groep.",
                           "Nothing to do.", "Er hoeft niets te gebeuren.")
        case .notMember(let id):
            return refused("Resource \(id) is not in the group.", "Resource \(id) zit niet in de groep.",
                           "See the members with `regie case show \(caseID)`.", "Zie de leden met `regie case show \(caseID)`.")
        case .itemIsDerived(let id):
            return refused("Checklist item \(id) follows from the record and cannot be ticked by hand.",
                           "Checklistpunt \(id) volgt uit het dossier en kan niet met de hand worden afgevinkt.",
                           "Record what it asks for instead; `regie case show \(caseID)` shows it.",
                           "Leg in plaats daarvan vast waar het om vraagt; `regie case show \(caseID)` toont het.")
        case .itemInOtherPhase(let id, let itemPhase, let casePhase):
            return refused("Checklist item \(id) belongs to phase \(itemPhase.rawValue), but the case is in \(casePhase.rawValue).",
                           "Checklistpunt \(id) hoort bij fase \(itemPhase.rawValue), maar de casus is in \(casePhase.rawValue).",
                           "Tick items of the current phase, or revisit that phase first.",
                           "Vink punten van de huidige fase af, of ga eerst terug naar die fase.")
        case .meetingAlreadyHeld(let id):
            return refused("Meeting \(id) has already been recorded as held.", "Bijeenkomst \(id) is al als gehouden vastgelegd.",
                           "Plan a new meeting with `regie meeting plan`.", "Plan een nieuwe met `regie meeting plan`.")
        case .attendeeNotMember(let id):
            return refused("Resource \(id) is not a member of the group, so cannot be recorded as attending.",
                           "Resource \(id) is geen lid van de groep en kan dus niet als aanwezig worden vastgelegd.",
                           "List only members with --attendees.", "Noem alleen leden bij --attendees.")
        case .authorRequired:
            return usage("New words for a goal need to say who worded them.", "Bij nieuwe woorden voor een doel hoort wie ze verwoordde.",
                         "Add --by client or --by worker.", "Voeg --by client of --by worker toe.")
        case .durationOutOfRange:
            return usage("A time entry must be between 1 minute and 24 hours.", "Een tijdregistratie moet tussen 1 minuut en 24 uur liggen.",
                         "Log each day separately.", "Registreer elke dag apart.")
        case .nothingToChange:
            return usage("Nothing to change was given.", "Er is niets opgegeven om te veranderen.",
                         "See --help for the options.", "Zie --help voor de opties.")
        }
    }

    /// A storage failure in the user's words.
    /// A case whose stored events do not fold into a case.
    package static func from(_ error: ReplayError) -> RegieError {
        RegieError(.storage, en: "Case \(error.caseID) cannot be read back: version \(error.version): \(error.problem).",
                   nl: "Casus \(error.caseID) kan niet worden teruggelezen: versie \(error.version): \(error.problem).",
                   hintEN: "Run `regie audit log \(error.caseID)` and restore from a backup if needed.",
                   hintNL: "Bekijk `regie audit log \(error.caseID)` en zet zo nodig een back-up terug.")
    }

    package static func from(_ error: StoreError) -> RegieError {
        switch error {
        case .conflict(let caseID, let expected, let actual):
            return RegieError(.conflict,
                              en: "Case \(caseID) was changed by someone else while this command ran (version \(expected) became \(actual)); nothing was saved.",
                              nl: "Casus \(caseID) is intussen door iemand anders gewijzigd (versie \(expected) werd \(actual)); er is niets opgeslagen.",
                              hintEN: "Look at the case again with `regie case show \(caseID)` and repeat the command.",
                              hintNL: "Bekijk de casus opnieuw met `regie case show \(caseID)` en herhaal de opdracht.")
        case .caseNotFound(let id):
            return RegieError(.notFound, en: "There is no case \(id).", nl: "Er is geen casus \(id).",
                              hintEN: "See `regie case list`.", hintNL: "Zie `regie case list`.")
        case .notARegieDatabase(let path):
            return RegieError(.storage, en: "\(path) is not a Regie database.", nl: "\(path) is geen Regie-database.",
                              hintEN: "Point `database:` in regie.yaml at a Regie database, or at a new file.",
                              hintNL: "Laat `database:` in regie.yaml naar een Regie-database of een nieuw bestand wijzen.")
        case .newerSchema(let path):
            return RegieError(.storage, en: "\(path) was written by a newer version of Regie.",
                              nl: "\(path) is geschreven door een nieuwere versie van Regie.",
                              hintEN: "Upgrade Regie.", hintNL: "Werk Regie bij.")
        case .missingDatabase(let path):
            return RegieError(.storage, en: "The database \(path) does not exist.", nl: "De database \(path) bestaat niet.",
                              hintEN: "Create it with `regie init`, or correct `database:` in regie.yaml.",
                              hintNL: "Maak hem met `regie init`, of verbeter `database:` in regie.yaml.")
        case .locked(let path):
            return RegieError(.storage, en: "The database \(path) is locked by another program.",
                              nl: "De database \(path) is vergrendeld door een ander programma.",
                              hintEN: "Wait a moment and try again.", hintNL: "Wacht even en probeer het opnieuw.")
        case .readOnly(let path):
            return RegieError(.storage, en: "The database \(path) cannot be written.", nl: "In de database \(path) kan niet geschreven worden.",
                              hintEN: "Check the permissions of the file and its folder.",
                              hintNL: "Controleer de rechten van het bestand en de map.")
        case .corrupt(let caseID, let version, let problem):
            return RegieError(.storage, en: "Case \(caseID) cannot be read back at version \(version): \(problem).",
                              nl: "Casus \(caseID) kan bij versie \(version) niet worden teruggelezen: \(problem).",
                              hintEN: "Restore the database from a backup.", hintNL: "Zet de database terug uit een back-up.")
        case .ruleAltered(let hash):
            return RegieError(.storage, en: "The stored rules \(hash.prefix(19))… were changed behind Regie's back; nothing was decided.",
                              nl: "De opgeslagen regels \(hash.prefix(19))… zijn buiten Regie om veranderd; er is niets besloten.",
                              hintEN: "Run `regie audit verify` and restore the database from a backup.",
                              hintNL: "Voer `regie audit verify` uit en zet de database terug uit een back-up.")
        case .unreadableValue(let column):
            return RegieError(.storage, en: "The database holds a value Regie did not write (column \(column)); it was changed behind Regie's back.",
                              nl: "De database bevat een waarde die Regie niet schreef (kolom \(column)); hij is buiten Regie om veranderd.",
                              hintEN: "Run `regie audit verify` and restore the database from a backup.",
                              hintNL: "Voer `regie audit verify` uit en zet de database terug uit een back-up.")
        case .targetNotEmpty(let location):
            return RegieError(.refused, en: "\(location) already holds a store; a copy goes only into an empty one, and nothing was copied.",
                              nl: "\(location) bevat al een opslag; een kopie gaat alleen naar een lege, en er is niets gekopieerd.",
                              hintEN: "Give a new file or an empty database.", hintNL: "Geef een nieuw bestand of een lege database.")
        case .unreachable(let location, let reason):
            return RegieError(.storage, en: "The database at \(location) cannot be reached: \(reason).",
                              nl: "De database op \(location) is niet bereikbaar: \(reason).",
                              hintEN: "Check that the server runs, the address in `database:` or REGIE_DATABASE_URL, and the password.",
                              hintNL: "Controleer of de server draait, het adres in `database:` of REGIE_DATABASE_URL, en het wachtwoord.")
        case .database(0, let message):
            return RegieError(.storage, en: "The database failed (\(message)).", nl: "De database gaf een fout (\(message)).",
                              hintEN: "Try again; if it keeps failing, tell the application manager.",
                              hintNL: "Probeer het opnieuw; blijft het misgaan, meld het dan bij de applicatiebeheerder.")
        case .database(let code, let message):
            return RegieError(.storage, en: "The database failed (SQLite \(code): \(message)).",
                              nl: "De database gaf een fout (SQLite \(code): \(message)).",
                              hintEN: "Check the disk and the file, then try again.",
                              hintNL: "Controleer de schijf en het bestand en probeer het opnieuw.")
        }
    }
}
