import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

/// `regie agenda`: what is due on the cases of your teams, worked out from their records.
struct AgendaCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "agenda",
            abstract: H("What is due on your teams' cases: meetings to plan or record, questions, talks, long pauses, goals to review.",
                        "Wat er op de casussen van je teams te doen is: bijeenkomsten plannen of vastleggen, vragen, gesprekken, lange pauzes, doelen bekijken."),
            discussion: H(
                "Worked out from the record each time, never stored apart from it. Overdue tasks are always shown. "
                + "`--format ics` gives a calendar file that names case numbers only, never clients or their network.",
                "Elke keer uit het dossier afgeleid, nooit los ervan opgeslagen. Taken over de datum worden altijd "
                + "getoond. `--format ics` geeft een agendabestand dat alleen casusnummers noemt, nooit cliënten of hun "
                + "netwerk."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, ics
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(help: H("Only this team (default: all your teams).", "Alleen dit team (standaard: al je teams)."), completion: .teamIDs) var team: String?
    @Flag(help: H("Only the cases you hold.", "Alleen de casussen die jij draagt.")) var mine = false
    @Option(help: H("How many days ahead (0 to 3650).", "Hoeveel dagen vooruit (0 tot 3650).")) var days: Int = 14
    @Option(help: H("text, json or ics (iCalendar).", "text, json of ics (iCalendar).")) var format: Format = .text

    func run() async throws {
        guard (0...3650).contains(days) else { throw RegieError(.usage, .daysOutOfRange) }
        if let server = try ServerClient.connect(global) {
            let query = "/agenda?days=\(days)" + (team.map { "&team=\(ServerClient.pathPart($0))" } ?? "") + (mine ? "&mine=true" : "")
            switch output.json ? .json : format {
            case .json: return try JSONOutput.printUntyped(try await server.send(.get, query).body)
            case .text: return Console.current.write(try await server.text(query))
            case .ics: return Console.current.write(try await server.send(.get, query + "&format=ics", accept: "text/calendar").text)
            }
        }
        let session = try await CaseSession(global)
        let cases = try await session.agenda(CaseSession.CaseSelection(team: team, mine: mine), withinDays: days)
        let offers = try await session.agendaOffers(team: team)
        let l = session.l
        switch output.json ? .json : format {
        case .json:
            try JSONOutput.print(AgendaItemJSON.items(cases, today: session.today, l: l, offers: offers))
        case .ics:
            let calendar = AgendaCalendar(l, organisation: session.workspace.organisation, stamp: session.now)
            Console.current.write(calendar.render(cases))
        case .text:
            for line in AgendaText(l).lines(cases, today: session.today, offers: offers) { Console.current.line(line) }
        }
    }
}
