// The catalogue itself. Keep a code's placeholders the same in both languages (a test checks).

extension ErrorCatalogue {
    public static func entry(for code: ErrorCode) -> Entry {
        switch code {
        // The case and its commands.
        case .caseClosed:
            Entry("Case {case} is closed and accepts no changes.",
                  "Casus {case} is afgesloten en kan niet meer veranderen.",
                  hint: "Reopen it first with `regie case reopen {case} --reason TEXT`.",
                  "Heropen hem eerst met `regie case reopen {case} --reason TEKST`.")
        case .illegalMove:
            Entry("Case {case} cannot {move} now: it is {status}.",
                  "Casus {case} kan nu niet ‘{move}’: hij is {status}.",
                  hint: "Possible now: {possible}.", "Nu mogelijk: {possible}.")
        case .moveRefused:
            Entry("Case {case} cannot {move} yet; still open: {open_items}.",
                  "Casus {case} kan nog niet ‘{move}’; nog open: {open_items}.",
                  hint: "Complete these items first; a coordinator can override with --override --reason TEXT.",
                  "Rond deze punten eerst af; een coördinator kan doorzetten met --override --reason TEKST.")
        case .caseNotFound:
            Entry("There is no case {case}.", "Er is geen casus {case}.",
                  hint: "See `regie case list`.", "Zie `regie case list`.")
        case .entityNotFound:
            Entry("Case {case} has no {entity} {id}.", "Casus {case} heeft geen {entity} {id}.",
                  hint: "See `regie case show {case}` for what the case holds.",
                  "Zie `regie case show {case}` voor wat de casus bevat.")
        case .overrideNeedsCoordinator:
            Entry("Only a coordinator may override a refused move.",
                  "Alleen een coördinator mag een geweigerde stap doorzetten.",
                  hint: "Ask a coordinator of the team, or complete the open items.",
                  "Vraag een coördinator van het team, of rond de open punten af.")
        case .overrideNeedsReason:
            Entry("--override needs --reason to say why.", "--override vraagt om --reason met de reden.",
                  hint: "Add --reason TEXT.", "Voeg --reason TEKST toe.")
        case .overrideOnlyForForwardMoves:
            Entry("--override only applies to advance, next-round and renew.",
                  "--override geldt alleen voor advance, next-round en renew.")
        case .migrationNeedsCoordinator:
            Entry("Only a coordinator may move a case to other rules.",
                  "Alleen een coördinator mag een casus naar andere regels overzetten.",
                  hint: "Ask a coordinator of the team.", "Vraag een coördinator van het team.")
        case .guardRefused:
            Entry("Case {case} cannot {move}: the team's rules say no ({refusals}).",
                  "Casus {case} kan niet ‘{move}’: de regels van het team staan het niet toe ({refusals}).",
                  hint: "Do what the rule asks first; a plugin rule cannot be overridden.",
                  "Doe eerst wat de regel vraagt; een pluginregel kan niet worden doorgezet.")
        case .emptyText:
            Entry("The {field} is empty.", "Er is geen tekst gegeven voor {field}.", hint: "Give a text.", "Geef een tekst op.")
        case .textTooLong:
            Entry("The {field} is longer than {limit} characters.", "Er staan meer dan {limit} tekens in {field}.",
                  hint: "Shorten it.", "Maak de tekst korter.")
        case .nationalIdentifier:
            Entry("The {field} looks like a citizen service number (BSN), which Regie never stores.",
                  "In {field} staat iets dat op een burgerservicenummer (BSN) lijkt, en dat slaat Regie nooit op.",
                  hint: "Use initials or a nickname, and your own system's reference.",
                  "Gebruik initialen of een roepnaam, en het kenmerk uit je eigen systeem.")
        case .reasonRequired:
            Entry("A {move} needs a reason.", "Voor ‘{move}’ is een reden nodig.",
                  hint: "Add --reason TEXT.", "Voeg --reason TEKST toe.")
        case .notClientsChoice:
            Entry("Only the client decides who joins the resource group.",
                  "Alleen de cliënt beslist wie er in de resourcegroep komt.",
                  hint: "Ask the client; once they have chosen, repeat with --client-chose.",
                  "Vraag het de cliënt; als die gekozen heeft, herhaal met --client-chose.")
        case .resourceDeclined:
            Entry("Resource {resource} declined to help, so cannot join the group.",
                  "Resource {resource} wil niet helpen en kan dus niet in de groep.",
                  hint: "If they changed their mind, first record --contact willing.",
                  "Als diegene van gedachten is veranderd, leg dan eerst --contact willing vast.")
        case .alreadyMember:
            Entry("Resource {resource} is already in the group.", "Resource {resource} zit al in de groep.",
                  hint: "Nothing to do.", "Er hoeft niets te gebeuren.")
        case .notMember:
            Entry("Resource {resource} is not in the group.", "Resource {resource} zit niet in de groep.",
                  hint: "See the members with `regie case show {case}`.", "Zie de leden met `regie case show {case}`.")
        case .itemIsDerived:
            Entry("Checklist item {item} follows from the record and cannot be ticked by hand.",
                  "Checklistpunt {item} volgt uit het dossier en kan niet met de hand worden afgevinkt.",
                  hint: "Record what it asks for instead; `regie case show {case}` shows it.",
                  "Leg in plaats daarvan vast waar het om vraagt; `regie case show {case}` toont het.")
        case .itemInOtherPhase:
            Entry("Checklist item {item} belongs to phase {item_phase}, but the case is in {case_phase}.",
                  "Checklistpunt {item} hoort bij fase {item_phase}, maar de casus is in {case_phase}.",
                  hint: "Tick items of the current phase, or revisit that phase first.",
                  "Vink punten van de huidige fase af, of ga eerst terug naar die fase.")
        case .meetingAlreadyHeld:
            Entry("Meeting {meeting} has already been recorded as held.", "Bijeenkomst {meeting} is al als gehouden vastgelegd.",
                  hint: "Plan a new meeting with `regie meeting plan`, or correct this one with `regie meeting correct {case} {meeting}`.",
                  "Plan een nieuwe met `regie meeting plan`, of verbeter deze met `regie meeting correct {case} {meeting}`.")
        case .meetingNotHeld:
            Entry("Meeting {meeting} has not been recorded as held, so there is nothing of it to correct.",
                  "Bijeenkomst {meeting} is nog niet als gehouden vastgelegd, dus er valt niets aan te verbeteren.",
                  hint: "Move it with `regie meeting move {case} {meeting} --to DATE`, or cancel it with `regie meeting cancel`.",
                  "Verzet hem met `regie meeting move {case} {meeting} --to DATUM`, of zeg hem af met `regie meeting cancel`.")
        case .meetingCancelled:
            Entry("Meeting {meeting} was cancelled.", "Bijeenkomst {meeting} is afgezegd.",
                  hint: "Plan a new meeting with `regie meeting plan`.", "Plan een nieuwe met `regie meeting plan`.")
        case .attendeeNotMember:
            Entry("Resource {resource} is not a member of the group, so cannot be recorded as attending.",
                  "Resource {resource} is geen lid van de groep en kan dus niet als aanwezig worden vastgelegd.",
                  hint: "List only members with --attendees.", "Noem alleen leden bij --attendees.")
        case .authorRequired:
            Entry("New words for a goal need to say who worded them.", "Bij nieuwe woorden voor een doel hoort wie ze verwoordde.",
                  hint: "Add --by client or --by worker.", "Voeg --by client of --by worker toe.")
        case .durationOutOfRange:
            Entry("A time entry must be between 1 minute and 24 hours.", "Een tijdregistratie moet tussen 1 minuut en 24 uur liggen.",
                  hint: "Log each day separately.", "Registreer elke dag apart.")
        case .nothingToChange:
            Entry("Nothing to change was given.", "Er is niets opgegeven om te veranderen.",
                  hint: "See --help for the options.", "Zie --help voor de opties.")
        case .clockBeforeLastChange:
            Entry("The clock says {now}, before case {case}'s last change at {last_change}; nothing was saved.",
                  "De klok zegt {now}, vóór de laatste wijziging van casus {case} om {last_change}; er is niets opgeslagen.",
                  hint: "Check the computer's clock, or wait a moment and repeat the command.",
                  "Controleer de klok van de computer, of wacht even en herhaal de opdracht.")
        case .dateInFuture:
            Entry("The {date_field} {date} lies after today ({today}): only what has taken place can be recorded.",
                  "De {date_field} {date} ligt na vandaag ({today}): alleen wat plaatsvond kan worden vastgelegd.",
                  hint: "Give the day it took place.", "Geef de dag waarop het plaatsvond.")
        case .dateBeforeOpening:
            Entry("The {date_field} {date} lies before the case was opened ({opened}).",
                  "De {date_field} {date} ligt vóór de opening van de casus ({opened}).",
                  hint: "Give a day on or after {opened}.", "Geef een dag op of na {opened}.")
        case .dateInPast:
            Entry("The {date_field} {date} lies before today ({today}); it must be today or later.",
                  "De {date_field} {date} ligt vóór vandaag ({today}); die moet vandaag of later zijn.",
                  hint: "Give today or a later day.", "Geef vandaag of een latere dag.")
        case .dateFarAhead:
            Entry("The {date_field} {date} lies more than two years ahead (after {horizon}).",
                  "De {date_field} {date} ligt meer dan twee jaar vooruit (na {horizon}).",
                  hint: "If that is right, repeat the command with --confirm-date.",
                  "Klopt dat, herhaal de opdracht dan met --confirm-date.")

        // Who is asking.
        case .noActingPerson:
            Entry("The acting person is not a person of this workspace.",
                  "De handelende persoon is geen persoon in deze werkomgeving.",
                  hint: "Say who you are with --as or REGIE_USER, using an id under `people` in regie.yaml.",
                  "Zeg wie je bent met --as of REGIE_USER, met een id onder `people` in regie.yaml.")
        case .unknownPerson:
            Entry("“{person}” is not a person of this workspace.", "‘{person}’ is geen persoon in deze werkomgeving.",
                  hint: "Say who you are with --as or REGIE_USER, using an id under `people` in regie.yaml.",
                  "Zeg wie je bent met --as of REGIE_USER, met een id onder `people` in regie.yaml.")
        case .workerUnknown:
            Entry("“{person}” is not a person of this workspace.", "‘{person}’ is geen persoon in deze werkomgeving.",
                  hint: "Name a worker by their id under `people` in regie.yaml.",
                  "Noem een werker bij zijn of haar id onder `people` in regie.yaml.")
        case .workerNotInTeam:
            Entry("{person} is not in team {team}, so cannot hold its cases.",
                  "{person} zit niet in team {team} en kan de casussen ervan dus niet dragen.",
                  hint: "Name a person of team {team}, or hand the case to another team with `regie case transfer`.",
                  "Noem iemand van team {team}, of draag de casus over aan een ander team met `regie case transfer`.")
        case .secondAndNoSecond:
            Entry("Give --second or --no-second, not both.", "Geef --second of --no-second, niet allebei.")
        case .transferOneAction:
            Entry("Say what to do with the handover: one of --to-team, --accept, --decline or --withdraw.",
                  "Zeg wat er met de overdracht moet: één van --to-team, --accept, --decline of --withdraw.",
                  hint: "See `regie case transfer --help`.", "Zie `regie case transfer --help`.")
        case .transferNeedsReason:
            Entry("A handover needs --reason to say why.", "Een overdracht vraagt om --reason met de reden.",
                  hint: "Add --reason TEXT.", "Voeg --reason TEKST toe.")
        case .sameWorkerTwice:
            Entry("The second worker must be someone other than the responsible worker.",
                  "De tweede werker moet iemand anders zijn dan de verantwoordelijke werker.")
        case .noTransferForYou:
            Entry("Case {case} is not being handed to a team of yours.",
                  "Casus {case} wordt niet overgedragen aan een team van jou.",
                  hint: "See `regie case transfers` for the cases offered to your teams.",
                  "Zie `regie case transfers` voor de casussen die aan jouw teams worden aangeboden.")
        case .transferNeedsCoordinator:
            Entry("Only a coordinator of team {team} may accept or decline a case handed to it.",
                  "Alleen een coördinator van team {team} mag een overgedragen casus aannemen of weigeren.",
                  hint: "Ask a coordinator of team {team}.", "Vraag een coördinator van team {team}.")
        case .transferPending:
            Entry("Case {case} is waiting to be accepted by team {team}; nobody else can take it on until that is settled.",
                  "Casus {case} wacht op aanname door team {team}; niemand anders kan hem overnemen tot dat geregeld is.",
                  hint: "Wait for team {team}'s coordinator, or withdraw the offer with `regie case transfer {case} --withdraw --reason TEXT`.",
                  "Wacht op de coördinator van team {team}, of trek het aanbod in met `regie case transfer {case} --withdraw --reason TEKST`.")
        case .noTransferPending:
            Entry("Case {case} is not being handed to another team.", "Casus {case} wordt niet overgedragen aan een ander team.",
                  hint: "Offer it with `regie case transfer {case} --to-team TEAM --reason TEXT`.",
                  "Bied hem aan met `regie case transfer {case} --to-team TEAM --reason TEKST`.")
        case .transferToOwnTeam:
            Entry("Case {case} is already with that team.", "Casus {case} is al van dat team.",
                  hint: "To change who holds it within the team, use `regie case assign {case} --worker ID`.",
                  "Wie hem binnen het team draagt verander je met `regie case assign {case} --worker ID`.")
        case .reminderAlreadyClosed:
            Entry("Reminder {reminder} of case {case} is already done or dismissed.",
                  "Herinnering {reminder} van casus {case} is al afgehandeld of weggezet.")
        case .nothingToUndo:
            Entry("There is nothing on case {case} to undo.", "Er is op casus {case} niets ongedaan te maken.",
                  hint: "Only the last command on a case can be undone, and an undo cannot itself be undone.",
                  "Alleen de laatste opdracht op een casus kan ongedaan worden, en een ongedaan maken zelf niet.")
        case .undoSomeoneElses:
            Entry("The last change to case {case} was made by {person}; you can only undo your own.",
                  "De laatste wijziging van casus {case} is van {person}; je kunt alleen je eigen wijziging ongedaan maken.",
                  hint: "Correct it with the command for it, or ask {person}.",
                  "Corrigeer het met de opdracht daarvoor, of vraag het {person}.")
        case .undoTooLate:
            Entry("The last change to case {case} was made more than {minutes} minutes ago and can no longer be undone.",
                  "De laatste wijziging van casus {case} is meer dan {minutes} minuten geleden gedaan en kan niet meer ongedaan worden.",
                  hint: "Correct it with the command for it (see `regie help`).",
                  "Corrigeer het met de opdracht daarvoor (zie `regie help`).")
        case .undoNotPossible:
            Entry("The last change to case {case} ({event}) cannot be undone.",
                  "De laatste wijziging van casus {case} ({event}) kan niet ongedaan worden.",
                  hint: "A transfer is settled with `regie case transfer`; a move to other rules or a removal stays.",
                  "Een overdracht regel je met `regie case transfer`; een overstap naar andere regels of een verwijdering blijft.")
        case .undoGuardedMove:
            Entry("The last move of case {case} was agreed by the team's plugins and is not undone.",
                  "De laatste stap van casus {case} is goedgekeurd door de plugins van het team en wordt niet ongedaan gemaakt.",
                  hint: "Go back with a move that says why: `regie case revisit`, `resume` or `reopen`.",
                  "Ga terug met een stap die zegt waarom: `regie case revisit`, `resume` of `reopen`.")
        case .notTeamMember:
            Entry("{person} is not a member of team {team}.", "{person} is geen lid van team {team}.",
                  hint: "Act as a member of that team, or add the team to this person in regie.yaml.",
                  "Handel als lid van dat team, of voeg het team toe bij deze persoon in regie.yaml.")
        case .teamNotFound:
            Entry("There is no team {team}.", "Er is geen team {team}.",
                  hint: "Known teams: {known_teams}.", "Bekende teams: {known_teams}.")
        case .scopeNeedsCoordinator:
            Entry("Only a coordinator (for their own teams) or an auditor may use `{command}` across cases.",
                  "Alleen een coördinator (voor de eigen teams) of een auditor mag `{command}` over casussen heen gebruiken.",
                  hint: "Ask for one case of your team with --case ID, or ask a coordinator.",
                  "Vraag één casus van je team op met --case ID, of vraag het een coördinator.")
        case .copyNeedsCoordinator:
            Entry("Only a coordinator or an auditor may copy the whole store.",
                  "Alleen een coördinator of een auditor mag de hele opslag kopiëren.",
                  hint: "Ask one of them.", "Vraag het een van hen.")
        case .refreshNeedsCoordinator:
            Entry("Only a coordinator or an auditor may work out the whole store's figures again.",
                  "Alleen een coördinator of een auditor mag de cijfers van de hele opslag opnieuw afleiden.",
                  hint: "Ask one of them.", "Vraag het een van hen.")
        case .rotateKeyNeedsCoordinator:
            Entry("Only a coordinator or an auditor may replace the audit signing key.",
                  "Alleen een coördinator of een auditor mag de ondertekensleutel vervangen.",
                  hint: "Ask one of them.", "Vraag het een van hen.")
        case .purposeInvalid:
            Entry("A purpose must be a short text of at most 200 characters, without personal numbers.",
                  "Een doel is een korte tekst van hoogstens 200 tekens, zonder persoonsnummers.",
                  hint: "For example --purpose \"care\" or --purpose \"supervision\".",
                  "Bijvoorbeeld --purpose \"zorg\" of --purpose \"intervisie\".")

        // The workspace and its rules.
        case .workspaceNotInFolder:
            Entry("There is no regie.yaml in {folder}.", "Er staat geen regie.yaml in {folder}.",
                  hint: "Create a workspace there with `regie init`.", "Maak daar een werkomgeving met `regie init`.")
        case .workspaceNotFound:
            Entry("No workspace found: there is no regie.yaml here or in any folder above.",
                  "Geen werkomgeving gevonden: hier en erboven staat geen regie.yaml.",
                  hint: "Run `regie init` to create one, or pass --workspace.",
                  "Maak er een met `regie init`, of geef --workspace mee.")
        case .workspaceUnreadable:
            Entry("{path} cannot be read.", "{path} kan niet gelezen worden.",
                  hint: "Check that the file exists and is readable.", "Controleer of het bestand bestaat en leesbaar is.")
        case .workspaceInvalid:
            Entry("The workspace file is wrong: {detail}.", "Het werkomgevingsbestand klopt niet: {detail}.",
                  hint: "Correct regie.yaml and try again.", "Verbeter regie.yaml en probeer het opnieuw.")
        case .workspaceExists:
            Entry("{path} already exists.", "{path} bestaat al.",
                  hint: "Use that workspace, or choose another folder.", "Gebruik die werkomgeving, of kies een andere map.")
        case .workspaceUnwritable:
            Entry("The workspace could not be written in {folder}.", "De werkomgeving kon niet worden geschreven in {folder}.",
                  hint: "Check that the folder is writable.", "Controleer of de map beschrijfbaar is.")
        case .workflowInvalid:
            Entry("The workflow file is wrong: {detail}.", "Het workflowbestand klopt niet: {detail}.",
                  hint: "Correct the file; `regie workflow check FILE` shows every problem.",
                  "Verbeter het bestand; `regie workflow check BESTAND` toont elk probleem.")
        case .derivedExpressionInvalid:
            Entry("The workflow file is wrong: {source}: the expression of `{item}` does not compile ({detail}).",
                  "Het workflowbestand klopt niet: {source}: de expressie van `{item}` compileert niet ({detail}).",
                  hint: "Correct the `derived:` expression.", "Verbeter de `derived:`-expressie.")
        case .workflowUnreadable:
            Entry("workflows/{name}.yaml cannot be read.", "workflows/{name}.yaml kan niet gelezen worden.")
        case .workflowUnknown:
            Entry("There is no workflow called {name}.", "Er is geen workflow met de naam {name}.",
                  hint: "Add workflows/{name}.yaml to the workspace or correct the team in regie.yaml.",
                  "Zet workflows/{name}.yaml in de werkomgeving of verbeter het team in regie.yaml.")
        case .pluginUnreadable:
            Entry("plugins/{name}.lua cannot be read.", "plugins/{name}.lua kan niet gelezen worden.")
        case .pluginUnknown:
            Entry("There is no plugin called {name}.", "Er is geen plugin met de naam {name}.",
                  hint: "Add plugins/{name}.lua to the workspace or correct the team in regie.yaml; `regie plugin list` shows what there is.",
                  "Zet plugins/{name}.lua in de werkomgeving of verbeter het team in regie.yaml; `regie plugin list` toont wat er is.")
        case .pluginNameMismatch:
            Entry("{file} calls itself `{plugin}`, but team {team} lists it as `{listed_as}`.",
                  "{file} noemt zichzelf `{plugin}`, maar team {team} noemt hem `{listed_as}`.",
                  hint: "Make the plugin's name and the name in regie.yaml the same.",
                  "Maak de naam in de plugin en in regie.yaml gelijk.")
        case .ruleNameInvalid:
            Entry("`{name}` cannot be the name of a {kind}: use letters, digits, `_`, `-` and `.` only.",
                  "`{name}` kan geen naam van een {kind} zijn: gebruik alleen letters, cijfers, `_`, `-` en `.`.",
                  hint: "Correct the name in regie.yaml.", "Verbeter de naam in regie.yaml.")
        case .pluginFailed:
            Entry("Plugin `{plugin}` ({location}) {problem}: {detail}.",
                  "Plugin `{plugin}` ({location}) {problem}: {detail}.",
                  hint: "Correct the plugin; `regie plugin check {file}` shows what is wrong.",
                  "Verbeter de plugin; `regie plugin check {file}` toont wat er mis is.")
        case .pluginHookFailed:
            Entry("Plugin `{plugin}` ({location}) {problem} in `{hook}`: {detail}.",
                  "Plugin `{plugin}` ({location}) {problem} in `{hook}`: {detail}.",
                  hint: "Correct the plugin; `regie plugin check {file}` shows what is wrong.",
                  "Verbeter de plugin; `regie plugin check {file}` toont wat er mis is.")
        case .teamRulesUnchecked:
            Entry("This team's rules could not be checked.", "De regels van dit team konden niet worden gecontroleerd.",
                  hint: "Tell your application manager, and mention plugin {plugin}.",
                  "Meld het bij je applicatiebeheerder en noem plugin {plugin}.")
        case .pluginTestsMissing:
            Entry("{file} has no tests.", "{file} bevat geen tests.",
                  hint: "Write tests with describe/it/expect; see docs/plugins.md.",
                  "Schrijf tests met describe/it/expect; zie docs/plugins.md.")
        case .luaUnavailable:
            Entry("The Lua sandbox could not start ({detail}).", "De Lua-sandbox kon niet starten ({detail}).")
        case .clockOutOfRange:
            Entry("The clock says {now}, outside the years Regie records (2000 to 8999).",
                  "De klok zegt {now}, buiten de jaren die Regie vastlegt (2000 tot 8999).",
                  hint: "Correct the computer's clock (or REGIE_NOW) and try again.",
                  "Zet de klok van de computer (of REGIE_NOW) goed en probeer het opnieuw.")
        case .fixedClockOnRealDatabase:
            Entry("REGIE_NOW may fix the clock only on a demo or test database, and this one is real.",
                  "REGIE_NOW mag de klok alleen vastzetten op een demo- of testdatabase, en deze is echt.",
                  hint: "Unset REGIE_NOW; for tests, create a database with `regie init --fixed-clock`.",
                  "Verwijder REGIE_NOW; maak voor tests een database met `regie init --fixed-clock`.")

        // The store.
        case .conflict:
            Entry("Case {case} was changed by someone else while this command ran (version {expected_version} became {actual_version}); nothing was saved.",
                  "Casus {case} is intussen door iemand anders gewijzigd (versie {expected_version} werd {actual_version}); er is niets opgeslagen.",
                  hint: "Look at the case again with `regie case show {case}` and repeat the command.",
                  "Bekijk de casus opnieuw met `regie case show {case}` en herhaal de opdracht.")
        case .changedMeanwhile:
            Entry("Case {case} was changed by someone else while this command ran; nothing was saved.",
                  "Casus {case} is intussen door iemand anders gewijzigd; er is niets opgeslagen.",
                  hint: "Look at the case again with `regie case show {case}` and repeat the command.",
                  "Bekijk de casus opnieuw met `regie case show {case}` en herhaal de opdracht.")
        case .notARegieDatabase:
            Entry("{location} is not a Regie database.", "{location} is geen Regie-database.",
                  hint: "Point `database:` in regie.yaml at a Regie database, or at a new file.",
                  "Laat `database:` in regie.yaml naar een Regie-database of een nieuw bestand wijzen.")
        case .newerSchema:
            Entry("{location} was written by a newer version of Regie.", "{location} is geschreven door een nieuwere versie van Regie.",
                  hint: "Upgrade Regie.", "Werk Regie bij.")
        case .databaseMissing:
            Entry("The database {location} does not exist.", "De database {location} bestaat niet.",
                  hint: "Create it with `regie init`, or correct `database:` in regie.yaml.",
                  "Maak hem met `regie init`, of verbeter `database:` in regie.yaml.")
        case .databaseLocked:
            Entry("The database {location} is locked by another program.", "De database {location} is vergrendeld door een ander programma.",
                  hint: "Wait a moment and try again.", "Wacht even en probeer het opnieuw.")
        case .databaseReadOnly:
            Entry("The database {location} cannot be written.", "In de database {location} kan niet geschreven worden.",
                  hint: "Check the permissions of the file and its folder.", "Controleer de rechten van het bestand en de map.")
        case .databaseUnreachable:
            Entry("The database at {location} cannot be reached: {detail}.", "De database op {location} is niet bereikbaar: {detail}.",
                  hint: "Check that the server runs, the address in `database:` or REGIE_DATABASE_URL, and the password.",
                  "Controleer of de server draait, het adres in `database:` of REGIE_DATABASE_URL, en het wachtwoord.")
        case .databaseFailed:
            Entry("The database failed ({detail}).", "De database gaf een fout ({detail}).",
                  hint: "Try again; if it keeps failing, tell the application manager.",
                  "Probeer het opnieuw; blijft het misgaan, meld het dan bij de applicatiebeheerder.")
        case .sqliteFailed:
            Entry("The database failed (SQLite {sqlite_code}: {detail}).", "De database gaf een fout (SQLite {sqlite_code}: {detail}).",
                  hint: "Check the disk and the file, then try again.", "Controleer de schijf en het bestand en probeer het opnieuw.")
        case .databaseURLInvalid:
            Entry("The database URL is not one Regie can use.", "De database-URL is er geen die Regie kan gebruiken.",
                  hint: "Write it as postgres://user@host:port/database, optionally with ?sslmode=require.",
                  "Schrijf hem als postgres://gebruiker@host:poort/database, eventueel met ?sslmode=require.")
        case .databaseOptionInvalid:
            Entry("--database must be a PostgreSQL URL without a password, such as postgres://regie@db.example.org/regie.",
                  "--database moet een PostgreSQL-URL zonder wachtwoord zijn, zoals postgres://regie@db.example.org/regie.",
                  hint: "Give the password in REGIE_DATABASE_PASSWORD.", "Geef het wachtwoord in REGIE_DATABASE_PASSWORD.")
        case .passwordFileUnreadable:
            Entry("The database password file {path} cannot be read.",
                  "Het wachtwoordbestand van de database, {path}, kan niet gelezen worden.",
                  hint: "Check `database_password_file` in regie.yaml and the file's permissions.",
                  "Controleer `database_password_file` in regie.yaml en de rechten van het bestand.")
        case .caseCorrupt:
            Entry("Case {case} cannot be read back at version {version}: {detail}.",
                  "Casus {case} kan bij versie {version} niet worden teruggelezen: {detail}.",
                  hint: "Restore the database from a backup.", "Zet de database terug uit een back-up.")
        case .caseUnreplayable:
            Entry("Case {case} cannot be read back: version {version}: {detail}.",
                  "Casus {case} kan niet worden teruggelezen: versie {version}: {detail}.",
                  hint: "Run `regie audit log {case}` and restore from a backup if needed.",
                  "Bekijk `regie audit log {case}` en zet zo nodig een back-up terug.")
        case .rulesAltered:
            Entry("The stored rules {hash}… were changed behind Regie's back; nothing was decided.",
                  "De opgeslagen regels {hash}… zijn buiten Regie om veranderd; er is niets besloten.",
                  hint: "Run `regie audit verify` and restore the database from a backup.",
                  "Voer `regie audit verify` uit en zet de database terug uit een back-up.")
        case .unreadableValue:
            Entry("The database holds a value Regie did not write (column {column}); it was changed behind Regie's back.",
                  "De database bevat een waarde die Regie niet schreef (kolom {column}); hij is buiten Regie om veranderd.",
                  hint: "Run `regie audit verify` and restore the database from a backup.",
                  "Voer `regie audit verify` uit en zet de database terug uit een back-up.")
        case .pinnedWorkflowMissing:
            Entry("The workflow this case is pinned to is missing from the database.",
                  "De workflow waar deze casus aan vastzit ontbreekt in de database.",
                  hint: "Restore the database from a backup.", "Zet de database terug uit een back-up.")
        case .pinnedPluginMissing:
            Entry("The plugin `{plugin}` this case is pinned to is missing from the database.",
                  "De plugin `{plugin}` waar deze casus aan vastzit ontbreekt in de database.",
                  hint: "Restore the database from a backup.", "Zet de database terug uit een back-up.")
        case .pinnedPluginNotIntact:
            Entry("The plugin `{plugin}` this case is pinned to is not among the intact stored rules.",
                  "De plugin `{plugin}` waar deze casus aan vastzit staat niet tussen de intacte opgeslagen regels.",
                  hint: "Run `regie audit verify` and restore the database from a backup.",
                  "Voer `regie audit verify` uit en zet de database terug uit een back-up.")
        case .targetNotEmpty:
            Entry("{location} already holds a store; a copy goes only into an empty one, and nothing was copied.",
                  "{location} bevat al een opslag; een kopie gaat alleen naar een lege, en er is niets gekopieerd.",
                  hint: "Give a new file or an empty database.", "Geef een nieuw bestand of een lege database.")

        // The audit trail, its keys and witnesses.
        case .recordDoesNotVerify:
            Entry("The record does not verify, so it was not copied.", "Het dossier klopt niet, dus het is niet gekopieerd.",
                  hint: "Run `regie audit verify` to see where it broke.", "Voer `regie audit verify` uit om te zien waar het brak.")
        case .copyDoesNotVerify:
            Entry("The copy does not verify against the original; do not use it.",
                  "De kopie klopt niet met het origineel; gebruik hem niet.",
                  hint: "Remove the copy and try again; if it happens again, tell the application manager.",
                  "Verwijder de kopie en probeer het opnieuw; gebeurt het weer, meld het dan bij de applicatiebeheerder.")
        case .signingKeyMissing:
            Entry("The audit signing key {path} is missing, so no checkpoint can be signed; Regie never makes a new one by itself.",
                  "De ondertekensleutel van het auditspoor {path} ontbreekt, dus er kan geen controlepunt worden ondertekend; Regie maakt er nooit zelf een nieuwe.",
                  hint: "Restore it from a backup; if it is lost for good, `regie audit rotate-key --reason TEXT` records a new one.",
                  "Zet hem terug uit een back-up; is hij echt kwijt, dan legt `regie audit rotate-key --reason TEKST` een nieuwe vast.")
        case .signingKeyUnreadable:
            Entry("The audit signing key {path} cannot be read.", "De ondertekensleutel van het auditspoor {path} kan niet worden gelezen.",
                  hint: "Restore it from a backup; never replace it with a new one without a note in the record.",
                  "Zet hem terug uit een back-up; vervang hem nooit zonder aantekening door een nieuwe.")
        case .signingKeyUnwritable:
            Entry("The audit signing key could not be written to {path}.",
                  "De ondertekensleutel van het auditspoor kon niet worden geschreven naar {path}.",
                  hint: "Check that the workspace folder is writable.", "Controleer of de werkomgevingsmap beschrijfbaar is.")
        case .publicKeyMissing:
            Entry("The workspace's public key ({path}) is missing, so the log's signatures cannot be told from anyone else's.",
                  "De publieke sleutel van de werkomgeving ({path}) ontbreekt, dus de handtekeningen van het logboek zijn niet van andere te onderscheiden.",
                  hint: "Restore it from a backup, or ask the key holder for it.",
                  "Zet hem terug uit een back-up, of vraag hem aan de sleutelhouder.")
        case .publicKeyUnreadable:
            Entry("The public key {path} cannot be read.", "De publieke sleutel {path} kan niet worden gelezen.",
                  hint: "Restore it from a backup.", "Zet hem terug uit een back-up.")
        case .reasonInvalid:
            Entry("Give a short reason of at most 200 characters.", "Geef een korte reden van hoogstens 200 tekens.")
        case .noSignedCheckpoint:
            Entry("There is no signed checkpoint to cosign yet.", "Er is nog geen ondertekend controlepunt om mede te ondertekenen.",
                  hint: "Ask for one with `regie audit checkpoint`.", "Vraag er een met `regie audit checkpoint`.")
        case .checkpointSignatureInvalid:
            Entry("The latest checkpoint's signature does not hold under the workspace's key; nothing was cosigned.",
                  "De handtekening van het laatste controlepunt klopt niet onder de sleutel van de werkomgeving; er is niets medeondertekend.",
                  hint: "Run `regie audit verify`.", "Voer `regie audit verify` uit.")
        case .checkpointNotExtending:
            Entry("The latest checkpoint ({events} events) does not extend the one you cosigned ({cosigned_events} events): the record was rewritten or cut back. Nothing was cosigned.",
                  "Het laatste controlepunt ({events} gebeurtenissen) bouwt niet voort op het controlepunt dat u medeondertekende ({cosigned_events}): het dossier is herschreven of ingekort. Er is niets medeondertekend.",
                  hint: "Keep your state file as evidence and tell the organisation's privacy officer.",
                  "Bewaar uw statusbestand als bewijs en meld het bij de functionaris gegevensbescherming.")
        case .checkpointFileUnreadable:
            Entry("The checkpoint file {path} cannot be read.", "Het controlepuntbestand {path} kan niet worden gelezen.",
                  hint: "Give the path of a file written by `regie audit checkpoint --export`.",
                  "Geef het pad van een bestand van `regie audit checkpoint --export`.")
        case .checkpointFileInvalid:
            Entry("{path} is not an exported checkpoint: {detail}.", "{path} is geen geëxporteerd controlepunt: {detail}.",
                  hint: "Give the file exactly as `regie audit checkpoint --export` wrote it.",
                  "Geef het bestand precies zoals `regie audit checkpoint --export` het schreef.")
        case .checkpointExportExists:
            Entry("{path} already exists; an exported checkpoint is never overwritten.",
                  "{path} bestaat al; een geëxporteerd controlepunt wordt nooit overschreven.",
                  hint: "Choose a new file name, for example with the date in it.",
                  "Kies een nieuwe bestandsnaam, bijvoorbeeld met de datum erin.")
        case .checkpointExportUnwritable:
            Entry("The checkpoint was signed and stored, but could not be written to {path}.",
                  "Het controlepunt is ondertekend en bewaard, maar kon niet naar {path} worden geschreven.",
                  hint: "Check the folder and run `regie audit checkpoint --export` again.",
                  "Controleer de map en voer `regie audit checkpoint --export` opnieuw uit.")
        case .witnessKeyUnusable:
            Entry("The witness signer key cannot be used.", "De ondertekensleutel van de getuige is onbruikbaar.")
        case .witnessSignerKeyInvalid:
            Entry("{path} is not a witness signer key.", "{path} is geen ondertekensleutel van een getuige.",
                  hint: "Make one with `regie audit witness-key --name NAME --out FILE`.",
                  "Maak er een met `regie audit witness-key --name NAAM --out BESTAND`.")
        case .witnessVerifierKeyInvalid:
            Entry("`{key}` is not a witness verifier key (NAME+KEYID+BASE64).",
                  "`{key}` is geen verificatiesleutel van een getuige (NAAM+SLEUTELID+BASE64).",
                  hint: "Give the line `regie audit witness-key` printed.", "Geef de regel die `regie audit witness-key` toonde.")
        case .witnessStateInvalid:
            Entry("{path} is not a witness state file.", "{path} is geen statusbestand van een getuige.",
                  hint: "Give the file this command wrote the last time.", "Geef het bestand dat deze opdracht de vorige keer schreef.")
        case .witnessStateUnwritable:
            Entry("The cosignature was stored, but {path} could not be written.",
                  "De medeondertekening is bewaard, maar {path} kon niet worden geschreven.",
                  hint: "Check the file; write `size N` and `root HEX` of the checkpoint you cosigned into it.",
                  "Controleer het bestand; zet er `size N` en `root HEX` van het medeondertekende controlepunt in.")
        case .keyNameInvalid:
            Entry("`{name}` cannot be a key name: no spaces or `+`.", "`{name}` kan geen sleutelnaam zijn: geen spaties of `+`.",
                  hint: "For example privacy-officer.example.org/regie.", "Bijvoorbeeld fg.voorbeeld.nl/regie.")
        case .keyFileExists:
            Entry("{path} already exists or cannot be made; a key file is never overwritten.",
                  "{path} bestaat al of kan niet worden gemaakt; een sleutelbestand wordt nooit overschreven.",
                  hint: "Choose another file.", "Kies een ander bestand.")
        case .keyFileUnwritable:
            Entry("{path} could not be written.", "{path} kon niet worden geschreven.")

        // The command line's own input.
        case .invalidArguments:
            Entry("{detail}", "{detail}")
        case .unknownSubcommand:
            Entry("`{command}` has no command `{word}`. Did you mean `{suggestion}`?",
                  "`{command}` kent geen opdracht `{word}`. Bedoelde je `{suggestion}`?",
                  hint: "See `{command} --help`.", "Zie `{command} --help`.")
        case .fileUnreadable:
            Entry("{path} cannot be read.", "{path} kan niet gelezen worden.", hint: "Check the path.", "Controleer het pad.")
        case .teamOptionMissing:
            Entry("Name a team with --team.", "Noem een team met --team.")
        case .durationInvalid:
            Entry("“{text}” is not a duration.", "‘{text}’ is geen tijdsduur.",
                  hint: "Write it as 1h30m, 90m or 1.5h.", "Schrijf hem als 1h30m, 90m of 1.5h.")
        case .daysOutOfRange:
            Entry("--days must be a number of days from 0 to 3650.", "--days moet een aantal dagen van 0 tot 3650 zijn.")
        case .attendeesInvalid:
            Entry("--attendees takes resource numbers separated by commas, such as 1,2,4.",
                  "--attendees verwacht resourcenummers met komma's ertussen, zoals 1,2,4.")
        case .negativeArgument:
            Entry("`{argument}` cannot be used: a number, duration or date cannot be negative.",
                  "`{argument}` kan niet: een aantal, duur of datum kan niet negatief zijn.",
                  hint: "A text that starts with a dash goes after `--`, such as: regie goal add 1 --term short --by client -- \"-5 kg\".",
                  "Een tekst die met een streepje begint komt na `--`, zoals: regie goal add 1 --term short --by client -- \"-5 kg\".")
        case .busyTimeoutInvalid:
            Entry("REGIE_BUSY_TIMEOUT must be a number of seconds from 0 to 3600.",
                  "REGIE_BUSY_TIMEOUT moet een aantal seconden van 0 tot 3600 zijn.",
                  hint: "Correct or unset it.", "Verbeter of verwijder de variabele.")
        case .regieNowInvalid:
            Entry("REGIE_NOW is not an ISO 8601 time such as 2026-11-23T09:00:00Z.",
                  "REGIE_NOW is geen ISO 8601-tijd zoals 2026-11-23T09:00:00Z.",
                  hint: "Correct or unset it.", "Verbeter of verwijder de variabele.")
        case .demoFolderTaken:
            Entry("{path} exists and is not an earlier demo.", "{path} bestaat al en is geen eerdere demo.",
                  hint: "Choose another folder with --dir.", "Kies een andere map met --dir.")
        case .demoNotRemoved:
            Entry("The earlier demo in {path} could not be removed.", "De eerdere demo in {path} kon niet worden verwijderd.")
        case .demoStepFailed:
            Entry("The demo went wrong at `regie {command}` (exit {exit_status}).",
                  "De demo ging mis bij `regie {command}` (exit {exit_status}).")

        // The server.
        case .notSignedIn:
            Entry("This request does not say who is asking.", "Dit verzoek zegt niet wie het vraagt.",
                  hint: "Send an API token as `Authorization: Bearer TOKEN`; make one with `regie token create`.",
                  "Stuur een API-token mee als `Authorization: Bearer TOKEN`; maak er een met `regie token create`.")
        case .tokenInvalid:
            Entry("This token is not valid: it is unknown, has expired or was revoked.",
                  "Dit token is niet geldig: het is onbekend, verlopen of ingetrokken.",
                  hint: "Make a new one with `regie token create`, or ask your application manager.",
                  "Maak een nieuw token met `regie token create`, of vraag het je applicatiebeheerder.")
        case .tokenNameInvalid:
            Entry("A token needs a name of 1 to 60 characters, such as “laptop”.",
                  "Een token heeft een naam van 1 tot 60 tekens nodig, zoals ‘laptop’.")
        case .tokenLifetimeInvalid:
            Entry("A token can last from 1 to {max} days.", "Een token kan 1 tot {max} dagen geldig zijn.")
        case .tokenNotFound:
            Entry("You have no token {token} that is still valid.", "Je hebt geen geldig token {token}.",
                  hint: "See `regie token list`.", "Zie `regie token list`.")
        case .versionRequired:
            Entry("A change to case {case} must say which version of the case it was made on.",
                  "Een wijziging van casus {case} moet zeggen op welke versie van de casus ze is gemaakt.",
                  hint: "Send the case's ETag in an If-Match header, such as `If-Match: \"7\"`.",
                  "Stuur de ETag van de casus mee in een If-Match-header, zoals `If-Match: \"7\"`.")
        case .versionMismatch:
            Entry("Case {case} has changed since version {expected} (it is at version {actual}); nothing was saved.",
                  "Casus {case} is veranderd sinds versie {expected} (hij is nu bij versie {actual}); er is niets opgeslagen.",
                  hint: "Read the case again and repeat the change if it still applies.",
                  "Lees de casus opnieuw en herhaal de wijziging als die nog klopt.")
        case .routeNotFound:
            Entry("There is nothing at this address.", "Op dit adres is niets.",
                  hint: "See /api/v1/openapi.json for what the server offers.",
                  "Zie /api/v1/openapi.json voor wat de server biedt.")
        case .methodNotAllowed:
            Entry("This address does not take {method}.", "Dit adres neemt geen {method} aan.",
                  hint: "The Allow header lists what it takes.", "De Allow-header noemt wat het wel aanneemt.")
        case .requestBodyInvalid:
            Entry("The request body is not what this operation expects: {detail}.",
                  "De inhoud van het verzoek is niet wat deze bewerking verwacht: {detail}.",
                  hint: "See /api/v1/openapi.json for the fields it takes.",
                  "Zie /api/v1/openapi.json voor de velden die ze kent.")
        case .requestTooLarge:
            Entry("The request is larger than this server accepts ({limit} KB).",
                  "Het verzoek is groter dan deze server aanneemt ({limit} kB).")
        case .queryInvalid:
            Entry("The query parameter {parameter} is not valid: {detail}.",
                  "De parameter {parameter} is niet geldig: {detail}.")
        case .listenInvalid:
            Entry("--listen must be a host and port such as 127.0.0.1:8080.", "--listen moet een host en poort zijn, zoals 127.0.0.1:8080.")
        case .loginFailed:
            Entry("The name, password or code is not right.", "De naam, het wachtwoord of de code klopt niet.",
                  hint: "Try again; after a few wrong attempts the account is locked for a while.",
                  "Probeer het opnieuw; na een paar foute pogingen gaat het account een tijdje op slot.")
        case .accountLocked:
            Entry("This account is locked after too many wrong attempts, until {until}.",
                  "Dit account is op slot na te veel foute pogingen, tot {until}.",
                  hint: "Wait until then, or ask your application manager for a new enrolment link.",
                  "Wacht tot dan, of vraag je applicatiebeheerder om een nieuwe inschrijflink.")
        case .sessionEnded:
            Entry("Your session has ended.", "Je sessie is afgelopen.", hint: "Log in again.", "Log opnieuw in.")
        case .csrfInvalid:
            Entry("This change was not sent from Regie's own page.", "Deze wijziging komt niet van Regies eigen pagina.",
                  hint: "Reload the page and try again.", "Laad de pagina opnieuw en probeer het nog eens.")
        case .purposeNeedsSession:
            Entry("Only a login session keeps a purpose; a token's requests state theirs each time.",
                  "Alleen een inlogsessie onthoudt een doel; verzoeken met een token geven het elke keer op.",
                  hint: "Send the purpose in the Regie-Purpose header.", "Stuur het doel mee in de kop Regie-Purpose.")
        case .serverAddressInvalid:
            Entry("{address} is not a server address.", "{address} is geen serveradres.",
                  hint: "Give it as https://regie.example.org (http only for this machine).",
                  "Geef het als https://regie.example.org (http alleen voor deze computer).")
        case .serverUnreachable:
            Entry("The server at {server} could not be reached.", "De server op {server} is niet bereikbaar.",
                  hint: "Check the address and your network, or ask who runs it.",
                  "Controleer het adres en je netwerk, of vraag het wie de server beheert.")
        case .serverAnswerInvalid:
            Entry("The server at {server} gave an answer Regie cannot read.", "De server op {server} gaf een antwoord dat Regie niet kan lezen.",
                  hint: "Check that it is a Regie server of the same version.", "Controleer of het een Regie-server van dezelfde versie is.")
        case .notLoggedIn:
            Entry("You are not logged in to {server}.", "Je bent niet ingelogd op {server}.",
                  hint: "Log in with `regie login {server}`.", "Log in met `regie login {server}`.")
        case .notOnServer:
            Entry("This command does not work against a server yet.", "Deze opdracht werkt nog niet met een server.",
                  hint: "Run it without --server (and without REGIE_SERVER) on a machine with the workspace.",
                  "Voer hem uit zonder --server (en zonder REGIE_SERVER) op een computer met de werkomgeving.")
        case .credentialsUnsafe:
            Entry("{path} can be read by others, and it holds your login.", "{path} is leesbaar voor anderen, en bevat je inlog.",
                  hint: "Make it yours alone with `chmod 600 {path}`, or log in again.",
                  "Maak het alleen van jou met `chmod 600 {path}`, of log opnieuw in.")
        case .credentialsUnreadable:
            Entry("{path} cannot be read: {detail}.", "{path} is niet te lezen: {detail}.",
                  hint: "Remove it and log in again with `regie login`.", "Verwijder het en log opnieuw in met `regie login`.")
        case .handoverInvalid:
            Entry("This address for giving the command line a token is incomplete or not valid.",
                  "Dit adres om de opdrachtregel een token te geven is onvolledig of ongeldig.",
                  hint: "Run `regie login --browser` again and open the address it shows.",
                  "Voer `regie login --browser` opnieuw uit en open het adres dat het toont.")
        case .handoverTimedOut:
            Entry("No browser came back within {minutes} minutes; nothing was kept.",
                  "Er kwam binnen {minutes} minuten geen browser terug; er is niets bewaard.",
                  hint: "Run `regie login --browser` again, or paste a token with `regie login`.",
                  "Voer `regie login --browser` opnieuw uit, of plak een token met `regie login`.")
        case .handoverRefused:
            Entry("The browser came back with an answer that was not for this login; nothing was kept.",
                  "De browser kwam terug met een antwoord dat niet bij deze login hoort; er is niets bewaard.",
                  hint: "Run `regie login --browser` again and use only the address it shows.",
                  "Voer `regie login --browser` opnieuw uit en gebruik alleen het adres dat het toont.")
        case .tokenNotGiven:
            Entry("No token was given.", "Er is geen token gegeven.",
                  hint: "Make one on the server's account page and paste it, or pipe it in with --token-stdin.",
                  "Maak er een op de accountpagina van de server en plak het, of geef het via --token-stdin.")
        case .originRefused:
            Entry("This request comes from another site.", "Dit verzoek komt van een andere site.",
                  hint: "Open Regie at its own address.", "Open Regie op zijn eigen adres.")
        case .enrolmentInvalid:
            Entry("This enrolment link is unknown, used or expired.", "Deze inschrijflink is onbekend, al gebruikt of verlopen.",
                  hint: "Ask your application manager for a new one.", "Vraag je applicatiebeheerder om een nieuwe.")
        case .codeInvalid:
            Entry("The code from the authenticator app is not right.", "De code uit de authenticator-app klopt niet.",
                  hint: "Type the six digits the app shows now.", "Typ de zes cijfers die de app nu toont.")
        case .passwordsDiffer:
            Entry("The two passwords are not the same.", "De twee wachtwoorden zijn niet gelijk.")
        case .passwordTooShort:
            Entry("The password is too short: use at least {minimum} characters (a sentence works well).",
                  "Het wachtwoord is te kort: gebruik minstens {minimum} tekens (een zin werkt goed).")
        case .passwordTooLong:
            Entry("The password is too long: use at most {maximum} characters.", "Het wachtwoord is te lang: gebruik hoogstens {maximum} tekens.")
        case .passwordCommon:
            Entry("This password is too easy to guess.", "Dit wachtwoord is te makkelijk te raden.",
                  hint: "Choose a few words that belong together for you only.", "Kies een paar woorden die alleen voor jou bij elkaar horen.")
        case .passwordPersonal:
            Entry("The password may not be made of your name or the organisation's.",
                  "Het wachtwoord mag niet bestaan uit je naam of die van de organisatie.")
        case .inviteNeedsCoordinator:
            Entry("Only a coordinator of one of {person}'s teams can make an enrolment link for them.",
                  "Alleen een coördinator van een van de teams van {person} kan een inschrijflink voor die persoon maken.")
        case .oidcNotConfigured:
            Entry("This server has no identity provider to log in with.", "Deze server heeft geen identity provider om mee in te loggen.",
                  hint: "Log in with your Regie account instead.", "Log in met je Regie-account.")
        case .oidcFailed:
            Entry("The identity provider's answer could not be used ({reason}).", "Het antwoord van de identity provider was niet bruikbaar ({reason}).",
                  hint: "Try again; if it keeps happening, tell your application manager.",
                  "Probeer het opnieuw; blijft het misgaan, vertel het je applicatiebeheerder.")
        case .oidcNoSecondFactor:
            Entry("You logged in without a second factor, which Regie requires.", "Je logde in zonder tweede factor, en die vraagt Regie.",
                  hint: "Log in again using your authenticator app, key or phone.", "Log opnieuw in met je authenticator-app, sleutel of telefoon.")
        case .oidcUnknownPerson:
            Entry("Your login is not linked to a person of this workspace.", "Je login is niet gekoppeld aan een persoon in deze werkomgeving.",
                  hint: "Ask your application manager to add you.", "Vraag je applicatiebeheerder je toe te voegen.")
        case .loginStateInvalid:
            Entry("This login took too long, was used already or was started elsewhere.",
                  "Deze aanmelding duurde te lang, is al gebruikt of is ergens anders begonnen.",
                  hint: "Start again from the login page.", "Begin opnieuw op de inlogpagina.")
        case .configurationNotRecorded:
            Entry("The people, teams and roles in regie.yaml are not the ones recorded in the store (version {version}); the server does not trust them.",
                  "De personen, teams en rollen in regie.yaml zijn niet die in de opslag zijn vastgelegd (versie {version}); de server vertrouwt ze niet.",
                  hint: "See what differs with `regie config status`; a coordinator records it with `regie config apply`.",
                  "Zie wat verschilt met `regie config status`; een coördinator legt het vast met `regie config apply`.")
        case .configurationChangedMeanwhile:
            Entry("Someone else applied a configuration meanwhile; nothing was recorded.",
                  "Iemand anders heeft intussen een configuratie vastgelegd; er is niets vastgelegd.",
                  hint: "Look again with `regie config status` and apply once more.", "Kijk opnieuw met `regie config status` en leg nog eens vast.")
        case .configurationUnreadable:
            Entry("The recorded configuration (version {version}) cannot be read.", "De vastgelegde configuratie (versie {version}) is niet te lezen.",
                  hint: "Restore the store from a backup; see docs/operations.md.", "Zet de opslag terug uit een back-up; zie docs/operations.md.")
        case .configNeedsCoordinator:
            Entry("Only a coordinator of the recorded configuration can apply a new one.",
                  "Alleen een coördinator uit de vastgelegde configuratie kan een nieuwe vastleggen.")
        case .publicURLRequired:
            Entry("A server that logs in through an identity provider needs `server: public_url:` unless it listens on this machine only.",
                  "Een server die via een identity provider laat inloggen heeft `server: public_url:` nodig, tenzij hij alleen op deze machine luistert.",
                  hint: "Set public_url to the https address people reach it at.", "Zet public_url op het https-adres waarop mensen hem bereiken.")
        case .serverFault:
            Entry("Something went wrong on the server; nothing was saved.", "Er ging iets mis op de server; er is niets opgeslagen.",
                  hint: "Try again; if it keeps happening, tell your application manager when it happened.",
                  "Probeer het opnieuw; blijft het misgaan, vertel je applicatiebeheerder dan wanneer het gebeurde.")

        // Regie's own faults.
        case .auditTrailNotRead:
            Entry("The audit trail was not read.", "Het auditspoor is niet gelezen.")
        case .eventNotApplicable:
            Entry("A decided event could not be applied.", "Een besloten gebeurtenis kon niet worden verwerkt.")
        case .noOpeningEvent:
            Entry("Opening a case gave no opening event.", "Het openen gaf geen openingsgebeurtenis.")
        case .cosignatureFailed:
            Entry("The cosignature could not be made.", "De medeondertekening kon niet worden gemaakt.")
        case .jsonFailed:
            Entry("The output could not be written as JSON.", "De uitvoer kon niet als JSON worden geschreven.")
        case .sealFailed:
            Entry("The token could not be sealed for the command line; no token was made.",
                  "Het token kon niet voor de opdrachtregel worden verzegeld; er is geen token gemaakt.")
        }
    }
}
