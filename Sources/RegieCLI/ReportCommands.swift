import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct ReportGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report", abstract: H("Reports: the team's figures and the client's plan (see docs/reports.md).",
                                               "Rapporten: de cijfers van het team en het plan van de cliënt (zie docs/reports.md)."),
            subcommands: [ReportTeamCommand.self, ReportCaseCommand.self])
    }
}

struct ReportTeamCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "team",
            abstract: H("The pilot's measures for your teams' cases: network involved, group formed, questions picked up, hours to form a group.",
                        "De maten van de pilot voor de casussen van je teams: netwerk betrokken, groep gevormd, vragen opgepakt, uren tot een groep."),
            discussion: H(
                "Counts cases opened in the period; the shares leave out cases still in the goals phase unless --all. "
                + "The charts mark the Amsterdam pilot's figures. Definitions: docs/reports.md.",
                "Telt casussen die in de periode zijn geopend; de aandelen laten casussen in de doelenfase weg, "
                + "behalve met --all. De grafieken tonen de cijfers van de Amsterdamse pilot. Definities: docs/reports.md."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, html, json
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: H("Only this team (default: all your teams).", "Alleen dit team (standaard: al je teams)."), completion: .teamIDs) var team: String?
    @Option(help: H("Only cases opened on or after this day (YYYY-MM-DD).",
                    "Alleen casussen geopend op of na deze dag (JJJJ-MM-DD).")) var since: LocalDate?
    @Option(help: H("Only cases opened on or before this day (YYYY-MM-DD).",
                    "Alleen casussen geopend op of vóór deze dag (JJJJ-MM-DD).")) var until: LocalDate?
    @Flag(help: H("Count cases still in the goals phase in the shares too.",
                  "Tel ook casussen die nog in de doelenfase zitten mee in de aandelen.")) var all = false
    @Option(help: H("text, md, html (with charts, ready to print) or json.",
                    "text, md, html (met grafieken, klaar om te printen) of json.")) var format: Format = .text
    @OptionGroup var output: JSONOption

    func run() async throws {
        if let server = try ServerClient.connect(global) {
            var query = ["format=\(output.json ? "json" : format.rawValue)"]
            if let team { query.append("team=\(ServerClient.pathPart(team))") }
            if let since { query.append("since=\(since)") }
            if let until { query.append("until=\(until)") }
            if all { query.append("all=true") }
            let answer = try await server.send(.get, "/reports/team?" + query.joined(separator: "&"), accept: "*/*")
            return try Self.print(answer, json: output.json || format == .json)
        }
        let session = try await CaseSession(global)
        let (report, scope) = try await session.teamReport(team: team, selection: .init(since: since, until: until, all: all))
        switch output.json ? .json : format {
        case .json: try JSONOutput.print(TeamReportJSON(report, scope: scope))
        case .text: for line in TeamReportText(l: session.l).render(report, scope: scope) { Console.current.line(line) }
        case .md, .html:
            let document = TeamReportDocument(l: session.l).document(report, scope: scope)
            Console.current.write(format == .md ? document.markdown() : document.html(language: session.l.language.rawValue))
        }
    }
}

extension ReportTeamCommand {
    /// A report the server made, printed as this command prints its own: JSON as one value
    /// followed by a newline, a document as it is.
    static func print(_ answer: ServerClient.Answer, json: Bool) throws(RegieError) {
        if json { return try JSONOutput.printUntyped(answer.body) }
        Console.current.write(answer.text)
    }
}

struct ReportCaseCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "case",
            abstract: H("The client's plan on one page: goals, the group, open questions, the next meeting, the network and the course so far.",
                        "Het plan van de cliënt op één pagina: doelen, de groep, open vragen, de volgende bijeenkomst, het netwerk en het verloop tot nu."),
            discussion: H(
                "md and html are for the client and their group (html with an ecomap and a timeline, ready to print); "
                + "dot is the ecomap for Graphviz (`| dot -Tsvg > ecomap.svg`). Reading the plan is logged like `case "
                + "show`.",
                "md en html zijn voor de cliënt en de groep (html met een ecomap en een tijdlijn, klaar om te "
                + "printen); dot is de ecomap voor Graphviz (`| dot -Tsvg > ecomap.svg`). Het inzien van het plan wordt "
                + "gelogd zoals `case show`."))
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, dot
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Option(help: H("md, html or dot.", "md, html of dot.")) var format: Format = .md
    @Flag(help: H("Show everyone mapped, declined people and those not in the group included (the worker's full ecomap); "
                  + "by default the plan shows the group.",
                  "Toon iedereen die in kaart is gebracht, ook wie niet in de groep zit of nee zei (de volledige ecomap "
                  + "van de hulpverlener); standaard toont het plan de groep.")) var allPeople = false
    @OptionGroup var output: JSONOption

    func run() async throws {
        let people: CasePlan.People = allPeople ? .all : .group
        if let server = try ServerClient.connect(global) {
            let answer = try await server.send(
                .get, "/cases/\(caseID)/plan?format=\(output.json ? "json" : format.rawValue)&people=\(people.rawValue)", accept: "*/*")
            return try ReportTeamCommand.print(answer, json: output.json)
        }
        let session = try await CaseSession(global)
        let plan = try await session.plan(caseID, action: "report case", people: people)
        if output.json { return try JSONOutput.print(CasePlanJSON(plan)) }
        switch format {
        case .md: Console.current.write(CasePlanReport(l: session.l).document(plan).markdown())
        case .html: Console.current.write(CasePlanReport(l: session.l).document(plan).html(language: session.l.language.rawValue))
        case .dot: Console.current.write(EcomapDot(l: session.l).render(plan))
        }
    }
}
