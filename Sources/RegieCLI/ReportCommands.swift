import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct ReportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports: the team's figures and the client's plan (see docs/reports.md).",
        subcommands: [ReportTeamCommand.self, ReportCaseCommand.self])
}

struct ReportTeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "The pilot's measures for your teams' cases: network involved, group formed, questions picked up, hours to form a group.",
        discussion: "Counts cases opened in the period; the shares leave out cases still in the goals phase unless --all. Definitions: docs/reports.md.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, html, json
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this team (default: all your teams).") var team: String?
    @Option(help: "Only cases opened on or after this day (YYYY-MM-DD).") var since: LocalDate?
    @Option(help: "Only cases opened on or before this day (YYYY-MM-DD).") var until: LocalDate?
    @Flag(help: "Count cases still in the goals phase in the shares too.") var all = false
    @Option(help: "text, md, html (with charts, ready to print) or json.") var format: Format = .text
    @OptionGroup var output: JSONOption

    func run() async throws {
        let session = try await CaseSession(global)
        let (report, teams) = try await session.teamReport(team: team, selection: .init(since: since, until: until, all: all))
        switch output.json ? .json : format {
        case .json: try JSONOutput.print(TeamReportJSON(report, teams: teams, since: since, until: until, all: all))
        case .text: for line in TeamReportText(l: session.l).render(report, teams: teams) { Console.current.line(line) }
        case .md, .html:
            let document = TeamReportDocument(l: session.l).document(report, teams: teams, since: since, until: until, all: all)
            Console.current.write(format == .md ? document.markdown() : document.html(language: session.l.language.rawValue))
        }
    }
}

struct ReportCaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "The client's plan on one page: goals, the group, open questions, the next meeting, the network and the course so far.",
        discussion: """
            md and html are for the client and their group (html with an ecomap and a timeline, ready to print); \
            dot is the ecomap for Graphviz (`| dot -Tsvg > ecomap.svg`). Reading the plan is logged like `case show`.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, dot
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Option(help: "md, html or dot.") var format: Format = .md
    @OptionGroup var output: JSONOption

    func run() async throws {
        let session = try await CaseSession(global)
        let (state, workflow, _) = try await session.read(caseID, action: "report case")
        // Chat agreements are checklist items of the meeting phase (the group-chat plugin's, or
        // a team's own with an id starting with `group_chat.`) that hold in the current round.
        let chat = try session.checklist(.meeting, of: state, workflow: workflow)
            .filter { $0.holds && $0.item.id.hasPrefix("group_chat.") }.map(\.item.text)
        var plan = CasePlan(state, today: session.today, groupChat: chat)
        plan.contact = session.contact(for: state)
        if output.json { return try JSONOutput.print(CasePlanJSON(plan)) }
        switch format {
        case .md: Console.current.write(CasePlanReport(l: session.l).document(plan).markdown())
        case .html: Console.current.write(CasePlanReport(l: session.l).document(plan).html(language: session.l.language.rawValue))
        case .dot: Console.current.write(EcomapDot(l: session.l).render(plan))
        }
    }
}
