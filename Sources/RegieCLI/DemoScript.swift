import RegieApp
import RegieCore
import RegieReports

/// The sample case the demo walks through: R., a client of a neighbourhood team, with their
/// mother, a neighbour, an experience expert and a district nurse. The neighbourhood team uses
/// the neighbourhood, group-chat and quarterly plugins; a second case shows the FACT team's.
///
/// The case runs over about seven months that end on the day the demo runs: each step has its
/// day, counted back from that one, and the dates in its arguments are counted the same way,
/// so that meetings are held on or before the day they are recorded and nothing lies ahead of
/// the day the demo is run.
enum DemoScript {
    struct Step {
        var say: LocalizedText?
        var args: [String]
        var actor = "sanne"
        var expect = ExitStatus.success
        /// The day this step runs on, in days before the demo's last day; nil: the previous step's.
        var day: Int?
    }

    static func say(_ en: String, _ nl: String) -> LocalizedText { LocalizedText(nl: nl, en: en) }

    /// The token for a date `offset` days from the demo's last day, resolved when the demo runs.
    static func date(_ offset: Int) -> String { datePrefix + String(offset) }
    static let datePrefix = "@day"

    /// A step's arguments with its date tokens as dates.
    static func arguments(_ args: [String], lastDay: LocalDate) -> [String] {
        args.map { arg in
            guard arg.hasPrefix(datePrefix), let offset = Int(arg.dropFirst(datePrefix.count)) else { return arg }
            return LocalDate(daysSinceEpoch: lastDay.daysSinceEpoch + offset).description
        }
    }

    /// The demo's data in the other language: the client's own goals are Dutch in both runs (their
    /// words), the rest of what the worker types follows the run's language.
    static let dutchData: [String: String] = [
        "mother": "moeder", "neighbour": "buurvrouw", "peer with lived experience": "ervaringsdeskundige, lotgenoot",
        "district nurse": "wijkverpleegkundige", "Sunday dinner together": "Zondag samen eten",
        "Daily care": "Dagelijkse zorg", "Shopping on Saturdays": "Boodschappen op zaterdag",
        "Help with paperwork": "Hulp bij papierwerk", "Come along to a day-centre intake": "Mee naar een intake bij de dagbesteding",
        "Being on call": "Altijd bereikbaar zijn", "Medication check weekly": "Wekelijks medicatie nakijken",
        "Evening visits": "Bezoek in de avond", "Groceries on Saturday": "Boodschappen op zaterdag",
        "Find a day centre": "Een plek voor dagbesteding vinden", "Sort out the debts": "De schulden regelen",
        "Short admission after a crisis; the network stays involved.": "Korte opname na een crisis; het netwerk blijft betrokken.",
        "Call the housing association": "Bel de woningcorporatie",
    ]

    /// Value names as a Dutch worker types them (Regie takes both), after the option they belong to.
    static let dutchValues: [String: [String: String]] = [
        "--kind": ["informal": "informeel", "experience-expert": "ervaringsdeskundige", "crisis": "crisis"],
        "--contact": ["contacted": "benaderd", "willing": "doet-mee"],
        "--tension": ["noted": "opgemerkt", "discussed": "besproken"],
        "--led-by": ["client": "cliënt", "together": "samen"],
        "--by": ["client": "cliënt"],
        "--term": ["long": "lang", "short": "kort"],
        "--activity": ["meeting": "bijeenkomst"],
    ]
    static let dutchStatuses = ["accepted": "opgepakt", "done": "gedaan", "parked": "geparkeerd"]

    /// A step's data in the run's language.
    static func data(_ args: [String], _ language: Language) -> [String] {
        guard language == .nl else { return args }
        var result: [String] = []
        for (index, arg) in args.enumerated() {
            if index > 0, let values = dutchValues[args[index - 1]], let dutch = values[arg] {
                result.append(dutch)
            } else if args.starts(with: ["question", "status"]), index == args.count - 1, let dutch = dutchStatuses[arg] {
                result.append(dutch)
            } else {
                result.append(dutchData[arg] ?? arg)
            }
        }
        return result
    }

    static let steps: [Step] = [
        Step(say: say("Phase 1, goals: open a case and write the client's goals in their own words.",
                      "Fase 1, doelen: open een casus en schrijf de doelen op in de woorden van de cliënt."),
             args: ["case", "open", "--team", "buurtteam-west", "--client", "R."], day: -200),
        Step(args: ["goal", "add", "1", "Ik wil weer zelf boodschappen kunnen doen.", "--term", "short", "--by", "client"]),
        Step(args: ["goal", "add", "1", "Over een jaar heb ik een plek waar ik overdag graag naartoe ga.", "--term", "long", "--by", "client"]),
        Step(args: ["check", "tick", "1", "goals.own_story"]),
        Step(args: ["case", "advance", "1"]),
        Step(say: say("Phase 2, mapping: who could help? The client names four people.",
                      "Fase 2, in kaart brengen: wie kan helpen? De cliënt noemt vier mensen."),
             args: ["resource", "add", "1", "Moeder", "--relation", "mother", "--kind", "informal"], day: -193),
        Step(args: ["resource", "add", "1", "Buurvrouw Ans", "--relation", "neighbour", "--kind", "informal"]),
        Step(args: ["resource", "add", "1", "Peter", "--relation", "peer with lived experience", "--kind", "experience-expert"]),
        Step(args: ["resource", "add", "1", "Wijkverpleegkundige", "--relation", "district nurse", "--kind", "professional"]),
        Step(say: say("Advancing now is refused: the client has not chosen a group yet.",
                      "Nu doorgaan wordt geweigerd: de cliënt heeft nog geen groep gekozen."),
             args: ["case", "advance", "1"], expect: .refused),
        Step(say: say("The client chooses who joins the group; Regie records it as their choice.",
                      "De cliënt kiest wie er in de groep komen; Regie legt dat vast als haar keuze."),
             args: ["resource", "choose", "1", "1", "--client-chose"]),
        Step(args: ["resource", "choose", "1", "2", "--client-chose"]),
        Step(args: ["resource", "choose", "1", "3", "--client-chose"]),
        Step(args: ["resource", "choose", "1", "4", "--client-chose"]),
        Step(args: ["check", "tick", "1", "mapping.all_kinds"]),
        Step(args: ["case", "advance", "1"]),
        Step(say: say("Phase 3, activation: contacts and one-to-one talks; the mother feels strain.",
                      "Fase 3, activeren: contact en persoonlijke gesprekken; moeder ervaart spanning."),
             args: ["resource", "update", "1", "1", "--contact", "willing", "--one-to-one", "--tension", "noted"], day: -186),
        Step(say: say("A crisis: the case pauses, and the network keeps supporting R.",
                      "Een crisis: de casus pauzeert, het netwerk blijft R. steunen."),
             args: ["case", "pause", "1", "--kind", "crisis", "--reason", "Short admission after a crisis; the network stays involved."],
             day: -179),
        Step(args: ["case", "resume", "1"], day: -158),
        Step(say: say("Back in activation, where the case was. The tension is talked through.",
                      "Terug in activeren, waar de casus was. De spanning wordt besproken."),
             args: ["resource", "update", "1", "1", "--tension", "discussed"], day: -151),
        Step(args: ["resource", "update", "1", "2", "--contact", "willing", "--one-to-one"]),
        Step(args: ["resource", "update", "1", "3", "--contact", "willing", "--one-to-one"]),
        Step(args: ["resource", "update", "1", "4", "--contact", "contacted", "--one-to-one"]),
        Step(args: ["meeting", "plan", "1", "--on", date(-91)]),
        Step(args: ["case", "advance", "1"]),
        Step(say: say("Phase 4, the meeting: everyone says what they can and cannot do; questions get an owner.",
                      "Fase 4, de bijeenkomst: iedereen zegt wat hij wel en niet kan; vragen krijgen een eigenaar."),
             args: ["meeting", "held", "1", "1", "--on", date(-91), "--attendees", "1,2,3,4", "--led-by", "together"], day: -91),
        Step(args: ["resource", "update", "1", "1", "--can", "Sunday dinner together", "--cannot", "Daily care"]),
        Step(args: ["resource", "update", "1", "2", "--can", "Shopping on Saturdays", "--cannot", "Help with paperwork"]),
        Step(args: ["resource", "update", "1", "3", "--can", "Come along to a day-centre intake", "--cannot", "Being on call"]),
        Step(args: ["resource", "update", "1", "4", "--can", "Medication check weekly", "--cannot", "Evening visits"]),
        Step(args: ["question", "add", "1", "Groceries on Saturday", "--owner", "2", "--due", date(-70)]),
        Step(args: ["question", "add", "1", "Find a day centre", "--owner", "3", "--due", date(-40)]),
        Step(args: ["question", "add", "1", "Sort out the debts"]),
        Step(args: ["question", "status", "1", "1", "accepted"]),
        Step(args: ["check", "tick", "1", "meeting.questions_discussed"]),
        Step(args: ["check", "tick", "1", "meeting.chat_agreement"]),
        Step(say: say("The team's group-chat plugin adds its own item: what does and does not belong in the chat.",
                      "De groepsapp-plugin van het team voegt een eigen punt toe: wat wel en niet in de app hoort."),
             args: ["check", "tick", "1", "group_chat.topics"]),
        Step(args: ["time", "log", "1", "2h30m", "--activity", "meeting", "--on", date(-91)]),
        Step(args: ["case", "advance", "1"]),
        Step(say: say("Phase 5, follow-up: the debts question is parked for formal care; the next meeting is planned.",
                      "Fase 5, vervolg: de schuldenvraag wordt geparkeerd voor formele zorg; de volgende bijeenkomst wordt gepland."),
             args: ["question", "status", "1", "3", "parked"], day: -70),
        Step(args: ["check", "tick", "1", "follow_up.evaluated"]),
        Step(say: say("The quarterly plugin holds the next meeting to within about three months of the last.",
                      "De kwartaalplugin houdt de volgende bijeenkomst binnen ongeveer drie maanden na de vorige."),
             args: ["meeting", "plan", "1", "--on", date(0)]),
        Step(args: ["case", "next-round", "1"]),
        Step(say: say("Round 2: the group meets again, then a second follow-up.",
                      "Ronde 2: de groep komt weer bij elkaar, daarna een tweede vervolg."),
             args: ["meeting", "held", "1", "2", "--on", date(0), "--attendees", "1,2,3", "--led-by", "client"], day: 0),
        Step(args: ["check", "tick", "1", "meeting.questions_discussed"]),
        Step(args: ["check", "tick", "1", "group_chat.topics"]),
        Step(args: ["question", "status", "1", "1", "done"]),
        Step(args: ["case", "advance", "1"]),
        Step(say: say("A question typed into the wrong case is taken back at once; the record keeps both.",
                      "Een vraag in de verkeerde casus wordt meteen teruggenomen; het dossier houdt beide."),
             args: ["question", "add", "1", "Call the housing association"]),
        Step(args: ["undo", "1"]),
        Step(say: say("The next meeting is planned, then moved: a correction that keeps the first date on record.",
                      "De volgende bijeenkomst wordt gepland en dan verzet: een correctie die de eerste datum bewaart."),
             args: ["meeting", "plan", "1", "--on", date(28)]),
        Step(args: ["meeting", "move", "1", "3", "--to", date(35)]),
        Step(say: say("The plugins' reminders stay on the agenda until someone closes them.",
                      "De herinneringen van de plugins blijven op de agenda tot iemand ze afhandelt."),
             args: ["reminder", "done", "1", "1"]),
        Step(args: ["reminder", "done", "1", "2"]),
        Step(args: ["reminder", "done", "1", "3"]),
        Step(say: say("What is due on the team's cases in the coming weeks:", "Wat er de komende weken op de casussen van het team te doen is:"),
             args: ["agenda", "--days", "60"]),
        Step(say: say("Where the case stands now:", "Waar de casus nu staat:"), args: ["case", "show", "1"]),
        Step(say: say("Another team, other rules: FACT Oost uses the fact plugin. Its checklist for activation:",
                      "Een ander team, andere regels: FACT Oost gebruikt de fact-plugin. Zijn checklist voor activeren:"),
             args: ["workflow", "show", "--team", "fact-oost", "--phase", "activation"]),
        Step(args: ["case", "open", "--team", "fact-oost", "--client", "M.", "--complex"]),
        Step(args: ["case", "show", "2"]),
        Step(say: say("The client's plan, one page to share with R. and the group (`--format html` adds the ecomap and the timeline):",
                      "Het plan van de cliënt, één pagina om met R. en de groep te delen (`--format html` voegt de ecomap en de tijdlijn toe):"),
             args: ["report", "case", "1"]),
        Step(say: say("And how it got there:", "En hoe hij daar kwam:"), args: ["audit", "log", "1"]),
        Step(say: say("Every read is logged too. What the client sees when they ask who looked at their record:",
                      "Ook elke inzage wordt gelogd. Wat de cliënt ziet als die vraagt wie het dossier bekeek:"),
             args: ["audit", "access", "--case", "1", "--for-client"]),
        Step(say: say("The coordinator signs a checkpoint and verifies the whole record: hashes, links, checkpoints, and every transition replayed.",
                      "De coördinator ondertekent een controlepunt en controleert het hele dossier: hashes, schakels, controlepunten en elke overgang opnieuw."),
             args: ["audit", "checkpoint"], actor: "karim"),
        Step(args: ["audit", "verify"], actor: "karim"),
    ]
}
