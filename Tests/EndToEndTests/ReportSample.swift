import Foundation

/// A fixed sample workspace for the reports' golden files, built through the binary with a
/// fixed clock per step (REGIE_NOW), so that every date in the reports is known.
///
/// Four cases. R. (west) went through the meeting into follow-up, with a crisis pause, and
/// has a next meeting planned and a question past its day; M. (west, complex) was closed in mapping; S. (oost) is still
/// setting goals; J. (oost, complex) held a meeting and is paused for an admission.
enum ReportSample {
    static let today = "2026-11-20"

    static let yaml = """
        organisation: "Voorbeeld"
        locale: nl
        database: regie.sqlite
        teams:
          - id: west
            name: "Buurtteam West"
            workflow: resourcegroep
            plugins: [group-chat]
          - id: oost
            name: "FACT Oost"
            workflow: resourcegroep
        people:
          - id: anna
            name: "Anna de Vries"
            role: worker
            teams: [west, oost]
            phone: "020 123 45 67"
            email: "anna.devries@example.org"
          - id: karim
            role: coordinator
            teams: [west, oost]

        """

    /// Day, who, and the command line (words in double quotes stay together).
    static let steps: [(day: String, actor: String, line: String)] = [
        ("2026-09-01", "anna", "case open --team west --client R."),
        ("2026-09-01", "anna", "goal add 1 \"Ik wil weer zelf boodschappen doen.\" --term short --by client"),
        ("2026-09-01", "anna", "goal add 1 \"Over een jaar heb ik een plek waar ik overdag graag naartoe ga.\" --term long --by client"),
        ("2026-09-01", "anna", "time log 1 1h --activity conversation"),
        ("2026-09-01", "anna", "check tick 1 goals.own_story"),
        ("2026-09-03", "anna", "case advance 1"),
        ("2026-09-03", "anna", "resource add 1 Moeder --relation moeder --kind informal"),
        ("2026-09-03", "anna", "resource add 1 \"Buurvrouw Ans\" --relation buurvrouw --kind informal"),
        ("2026-09-03", "anna", "resource add 1 Tom --relation broer --kind informal"),
        ("2026-09-03", "anna", "resource add 1 Peter --relation ervaringsdeskundige --kind experience-expert"),
        ("2026-09-03", "anna", "resource add 1 Kees --relation maatje --kind volunteer"),
        ("2026-09-03", "anna", "resource add 1 Wijkverpleegkundige --relation \"wijkverpleging\" --kind professional"),
        ("2026-09-10", "anna", "resource choose 1 1 --client-chose"),
        ("2026-09-10", "anna", "resource choose 1 2 --client-chose"),
        ("2026-09-10", "anna", "resource choose 1 4 --client-chose"),
        ("2026-09-10", "anna", "resource choose 1 6 --client-chose"),
        ("2026-09-10", "anna", "resource update 1 3 --contact declined"),
        ("2026-09-10", "anna", "time log 1 1h30m --activity contact"),
        ("2026-09-10", "anna", "check tick 1 mapping.all_kinds"),
        ("2026-09-10", "anna", "case advance 1"),
        ("2026-09-15", "anna", "resource update 1 1 --contact willing --one-to-one --tension noted"),
        ("2026-09-18", "anna", "case pause 1 --kind crisis --reason \"Korte opname na een crisis.\""),
        ("2026-09-29", "anna", "case resume 1"),
        ("2026-10-01", "anna", "resource update 1 1 --tension discussed"),
        ("2026-10-01", "anna", "resource update 1 2 --contact willing --one-to-one"),
        ("2026-10-01", "anna", "resource update 1 4 --contact willing --one-to-one"),
        ("2026-10-01", "anna", "resource update 1 6 --contact contacted --one-to-one"),
        ("2026-10-01", "anna", "meeting plan 1 --on 2026-10-15"),
        ("2026-10-01", "anna", "time log 1 2h --activity preparation"),
        ("2026-10-02", "anna", "case advance 1"),
        ("2026-10-15", "anna", "meeting held 1 1 --on 2026-10-15 --attendees 1,2,4,6 --led-by together"),
        ("2026-10-15", "anna", "time log 1 2h30m --activity meeting"),
        ("2026-10-15", "anna", "resource update 1 1 --can \"Zondag samen eten\" --cannot \"Dagelijkse zorg\""),
        ("2026-10-15", "anna", "resource update 1 2 --can \"Boodschappen op zaterdag\" --cannot \"Hulp bij papieren\""),
        ("2026-10-15", "anna", "resource update 1 4 --can \"Mee naar een intake\" --cannot \"Altijd bereikbaar zijn\""),
        ("2026-10-15", "anna", "resource update 1 6 --can \"Wekelijks de medicijnen nakijken\" --cannot \"Avondbezoek\""),
        ("2026-10-15", "anna", "question add 1 \"Boodschappen op zaterdag\" --owner 2 --due 2026-12-01"),
        ("2026-10-15", "anna", "question status 1 1 accepted"),
        ("2026-10-15", "anna", "question add 1 \"Een dagbesteding vinden\" --owner 4 --due 2027-01-15"),
        ("2026-10-15", "anna", "question add 1 \"De schulden op een rij\""),
        ("2026-10-15", "anna", "question add 1 \"Een afspraak bij de huisarts maken\" --owner 1 --due 2026-11-10"),
        ("2026-10-15", "anna", "check tick 1 meeting.questions_discussed"),
        ("2026-10-15", "anna", "check tick 1 meeting.chat_agreement"),
        ("2026-10-15", "anna", "check tick 1 group_chat.topics"),
        ("2026-10-15", "anna", "check tick 1 group_chat.client_decides"),
        ("2026-10-16", "anna", "case advance 1"),
        ("2026-11-05", "anna", "meeting plan 1 --on 2027-01-12"),

        ("2026-09-20", "anna", "case open --team west --client M. --complex"),
        ("2026-09-20", "anna", "goal add 2 \"Rust in mijn hoofd.\" --term long --by worker"),
        ("2026-09-20", "anna", "check tick 2 goals.own_story"),
        ("2026-09-22", "karim", "case advance 2 --override --reason \"De cliënt wil eerst weten wie er is.\""),
        ("2026-09-22", "anna", "resource add 2 Zus --relation zus --kind informal"),
        ("2026-09-25", "anna", "resource update 2 1 --contact contacted"),
        ("2026-10-20", "anna", "case close 2 --outcome client-stopped --reason \"Wil nu geen hulp.\""),

        ("2026-11-02", "anna", "case open --team oost --client S."),
        ("2026-11-02", "anna", "goal add 3 \"Weer naar school.\" --term long --by client"),

        ("2026-09-05", "anna", "case open --team oost --client J. --complex"),
        ("2026-09-05", "anna", "goal add 4 \"Een eigen kamer.\" --term long --by client"),
        ("2026-09-05", "anna", "goal add 4 \"Elke week sporten.\" --term short --by client"),
        ("2026-09-05", "anna", "time log 4 2h --activity conversation"),
        ("2026-09-05", "anna", "check tick 4 goals.own_story"),
        ("2026-09-08", "anna", "case advance 4"),
        ("2026-09-08", "anna", "resource add 4 Ali --relation vriend --kind informal"),
        ("2026-09-08", "anna", "resource add 4 Buurtcoach --relation buurtcoach --kind volunteer"),
        ("2026-09-12", "anna", "resource choose 4 1 --client-chose"),
        ("2026-09-12", "anna", "resource choose 4 2 --client-chose"),
        ("2026-09-12", "anna", "check tick 4 mapping.all_kinds"),
        ("2026-09-12", "anna", "case advance 4"),
        ("2026-09-20", "anna", "resource update 4 1 --contact willing --one-to-one --tension noted"),
        ("2026-09-20", "anna", "resource update 4 2 --contact willing --one-to-one"),
        ("2026-09-20", "anna", "meeting plan 4 --on 2026-10-01"),
        ("2026-09-20", "anna", "time log 4 4h30m --activity contact"),
        ("2026-09-22", "karim", "case advance 4 --override --reason \"Spanning wordt in de bijeenkomst besproken.\""),
        ("2026-10-01", "anna", "meeting held 4 1 --on 2026-10-01 --attendees 1,2 --led-by client"),
        ("2026-10-01", "anna", "time log 4 2h --activity meeting"),
        ("2026-10-01", "anna", "resource update 4 1 --can \"Samen sporten\" --cannot \"Geld lenen\""),
        ("2026-10-01", "anna", "question add 4 \"Verhuisdozen regelen\" --owner 1 --due 2026-10-20"),
        ("2026-10-01", "anna", "question status 4 1 done"),
        ("2026-11-10", "anna", "case pause 4 --kind admission --reason \"Opname.\""),
    ]

    /// The words of a command line; double quotes group words.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
            } else if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The environment for a command on `day`, from 09:00 on, a minute per step, so that steps stay in order.
    static func environment(actor: String, day: String, step: Int) -> [String: String] {
        ["REGIE_USER": actor, "REGIE_NOW": String(format: "\(day)T%02d:%02d:00Z", 9 + step / 60, step % 60)]
    }

    /// Builds the workspace once per test run; every golden test reads it.
    static let built: Result<Regie, SampleError> = {
        do {
            let regie = try Regie.workspace()
            try yaml.write(to: regie.folder.appendingPathComponent("regie.yaml"), atomically: true, encoding: .utf8)
            for (index, step) in steps.enumerated() {
                let result = try regie.run(words(step.line), environment: environment(actor: step.actor, day: step.day, step: index))
                guard result.status == 0 else { return .failure(SampleError(description: "\(step.line): \(result.err)")) }
            }
            return .success(regie)
        } catch {
            return .failure(SampleError(description: "\(error)"))
        }
    }()

    struct SampleError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a report command in the sample workspace on the sample's today.
    static func report(_ arguments: [String]) throws -> Regie.Result {
        let regie = try built.get()
        return try regie.run(arguments, environment: environment(actor: "anna", day: today, step: 0))
    }
}
