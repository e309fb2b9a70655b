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
}
