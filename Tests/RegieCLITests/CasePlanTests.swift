import Foundation
import Testing
@testable import RegieApp
@testable import RegieCLI
import RegieReports
import RegieCore

/// `regie report case`: the client's plan goes through the access rules of `case show`,
/// holds no ids and nothing of other clients, and keeps user text literal in every format.
@Suite("Client plan")
struct CasePlanTests {
    /// Case 1 (west) for client "Z<b>", with a member whose label holds Markdown and HTML;
    /// case 2 (west) for another client, whose people must not appear in case 1's plan.
    static func bench() async throws -> Workbench {
        let bench = try await Workbench()
        for line in ["@2090-01-15", "case open --team west --client Z<b>", "goal add 1 \"Zelf *koken* | leren\" --term long --by client",
                     "resource add 1 \"Oom <script>x</script>\" --relation \"oom & tante\" --kind informal",
                     "resource update 1 1 --contact willing --tension noted", "resource choose 1 1 --client-chose",
                     "resource update 1 1 --can \"Rijden\" --cannot \"Geld\"",
                     "question add 1 \"Vervoer regelen\" --owner 1 --due 2090-03-01", "meeting plan 1 --on 2090-02-01",
                     "case open --team west --client Y.", "resource add 2 Buurman --relation buurman --kind informal"] {
            await ReportTests.run(bench, line)
        }
        return bench
    }

    @Test("a member of the case's team may read it; the read is logged; others are refused")
    func access() async throws {
        let bench = try await Self.bench()
        let refused = await bench.run(["report", "case", "1"], as: "bob")
        #expect(refused.status == .notPermitted)
        #expect(refused.out.isEmpty)
        #expect(await bench.run(["report", "case", "9"]).status == .notFound)
        #expect(await bench.run(["report", "case", "1", "--format", "pdf"]).status == .usage)
        #expect(await bench.run(["report", "case", "1"]).status == .success)
        let log = await bench.run(["audit", "access", "--case", "1", "--json"], as: "karim").out
        #expect(log.contains("report case"))
        #expect(log.contains("anna"))
    }

    @Test("the plan shows the goals, the group, questions and the next meeting, without ids or other clients", arguments: ["md", "html", "dot"])
    func content(_ format: String) async throws {
        let bench = try await Self.bench()
        let plan = await bench.run(["report", "case", "1", "--format", format])
        #expect(plan.status == .success)
        #expect(!plan.out.contains("Buurman") && !plan.out.contains("Y."), "another client's case")
        #expect(!plan.out.localizedCaseInsensitiveContains("case 1") && !plan.out.contains("#1"), "an internal id")
        // DOT strings are literal text (a `<` only matters in an HTML-like label, which is not used).
        #expect(format == "dot" || !plan.out.contains("<script>"), "user text must stay literal")
        switch format {
        case "md":
            #expect(plan.out.contains("# The plan of Z\\<b\\>"))
            #expect(plan.out.contains("Long term: Zelf \\*koken\\* \\| leren"))
            #expect(plan.out.contains("| Oom \\<script\\>x\\</script\\> | oom & tante | Rijden | Geld |"))
            #expect(plan.out.contains("| Vervoer regelen | Oom \\<script\\>x\\</script\\> | 1 March 2090 |"))
            #expect(plan.out.contains("## Next meeting\n\n1 February 2090"))
        case "html":
            #expect(plan.out.contains("<h1>The plan of Z&lt;b&gt;</h1>"))
            #expect(plan.out.contains("Oom &lt;script&gt;x&lt;/script&gt;"))
            #expect(plan.out.contains("oom &amp; tante"))
            #expect(plan.out.contains("Content-Security-Policy"))
            #expect(!plan.out.contains("<script"))
        default:
            #expect(plan.out.hasPrefix("graph ecomap {"))
            #expect(plan.out.contains("label=\"Oom <script>x</script>\\noom & tante\", penwidth=3"))
            #expect(plan.out.contains("client -- p1 [style=bold, penwidth=3, label=\"tension noted\"]"))
        }
    }

    @Test("the plan is in the workspace language unless --lang says otherwise")
    func language() async throws {
        let bench = try await Self.bench()
        #expect(await bench.run(["report", "case", "1", "--lang", "nl"]).out.contains("## Volgende bijeenkomst\n\n1 februari 2090"))
        #expect(await bench.run(["report", "case", "1"]).out.contains("## Next meeting"))
    }

    @Test("by default the plan shows the group only; --all-people shows everyone mapped, declined people too", arguments: ["md", "html", "dot", "json"])
    func peopleShown(_ format: String) async throws {
        let bench = try await Self.bench()
        for line in ["resource add 1 Tante --relation tante --kind informal", "resource update 1 2 --contact declined"] {
            await ReportTests.run(bench, line)
        }
        let arguments = format == "json" ? ["report", "case", "1", "--json"] : ["report", "case", "1", "--format", format]
        let group = await bench.run(arguments)
        let all = await bench.run(arguments + ["--all-people"])
        #expect(group.status == .success && all.status == .success)
        #expect(group.out.contains("Oom") && all.out.contains("Oom"))
        #expect(!group.out.contains("Tante"), "a person the client did not choose is on the group's plan")
        #expect(all.out.contains("Tante"), "--all-people leaves someone out")
        if format == "json" {
            let squeeze = { (text: String) in text.filter { !$0.isWhitespace } }
            #expect(squeeze(group.out).contains("\"people\":\"group\"") && squeeze(all.out).contains("\"people\":\"all\""))
        }
    }

    @Test("a question past its day is marked, and a planned day that passed unheld is not the next meeting")
    func pastDays() async throws {
        let bench = try await Self.bench()
        // The bench's clock moves to after the question's day and the planned meeting.
        await ReportTests.run(bench, "@2090-03-05")
        let plan = await bench.run(["report", "case", "1", "--format", "md"])
        #expect(plan.out.contains("| Vervoer regelen | Oom \\<script\\>x\\</script\\> | 1 March 2090 (past due) |"))
        #expect(plan.out.contains("## Next meeting\n\n_No next meeting planned yet._"))
        #expect(plan.out.contains("- Meeting planned for 1 February 2090, not recorded as held"))
        let json = await bench.run(["report", "case", "1", "--json"])
        #expect(json.out.filter { !$0.isWhitespace }.contains("\"past_due\":true"))
    }

    @Test("the chronology is in date order, with pauses, meetings, the close and the reopening in their place")
    func chronology() async throws {
        let bench = try await Self.bench()
        for line in ["@2090-01-20", "case pause 1 --kind crisis --reason Opname", "@2090-01-25", "case resume 1",
                     "@2090-02-01", "meeting held 1 1 --on 2090-02-01 --attendees 1 --led-by client",
                     "@2090-02-10", "case close 1 --outcome other --reason Verhuisd", "@2090-02-20", "case reopen 1 --reason Terug"] {
            await ReportTests.run(bench, line)
        }
        let plan = await bench.run(["report", "case", "1", "--format", "md"])
        let chronology = plan.out.components(separatedBy: "## How it went\n\n").last?.split(separator: "\n").map(String.init) ?? []
        #expect(chronology == [
            "- Goals: 15 January 2090 to 10 February 2090",
            "- Pause (crisis): 20 January 2090 to 25 January 2090",
            "- Meeting held on 1 February 2090",
            "- Closed on 10 February 2090 (other)",
            "- Reopened on 20 February 2090",
            "- Goals: since 20 February 2090",
        ], "\(chronology)")
    }
}
