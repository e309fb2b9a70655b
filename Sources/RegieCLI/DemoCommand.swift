import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

struct DemoCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "demo",
            abstract: H("Walk a sample case through all five phases, on a new workspace with its own SQLite file.",
                        "Loop een voorbeeldcasus door alle vijf fasen, in een nieuwe werkomgeving met een eigen SQLite-bestand."))
    }

    @Option(help: H("The folder for the demo workspace; an earlier demo there is replaced.",
                    "De map voor de demo-werkomgeving; een eerdere demo daar wordt vervangen.")) var dir: String = "regie-demo"
    @Option(help: H("The language: nl or en.", "De taal: nl of en.")) var lang: Language = .en

    static let marker = ".regie-demo"

    func run() async throws {
        let l = L10n(language: lang)
        let root = URL(fileURLWithPath: dir).standardizedFileURL
        try prepare(root, l)
        try InitCommand.create(at: root, yaml: Self.yaml(lang), fixedClock: true)
        _ = FileManager.default.createFile(atPath: root.appendingPathComponent(Self.marker).path, contents: Data())
        let out = Console.current
        out.line(l("Demo workspace: \(root.path) (teams buurtteam-west and fact-oost, each with its own plugins; sanne is a support worker, karim a coordinator).",
                   "Demowerkomgeving: \(root.path) (team buurtteam-west; sanne is regie-ondersteuner, karim coördinator)."))
        out.line(l("Every command below runs there as sanne unless it says --as.", "Elke opdracht hieronder draait daar als sanne, tenzij er --as staat."))
        // The demo's days end today, in the demo workspace's time zone (REGIE_NOW, if set, is today).
        let environment = ProcessEnvironment.current
        let clock = environment["REGIE_NOW"].flatMap { ISO8601DateFormatter().date(from: $0) } ?? Date()
        var lastDay = LocalDate(dayOf: clock, in: Workspace.defaultTimeZone)
        // The steps are stamped from midnight UTC of their day. In the hour or two after midnight
        // in the Netherlands that is still ahead of the clock, and the user's own commands would
        // then be refused as earlier than the case's last change: the demo ends a day sooner.
        let lastStamp = Date(timeIntervalSince1970: Double(lastDay.startMillisUTC) / 1000 + Double(DemoScript.steps.count))
        if lastStamp > clock { lastDay = LocalDate(daysSinceEpoch: lastDay.daysSinceEpoch - 1) }
        var day = 0
        for (index, step) in DemoScript.steps.enumerated() {
            if let say = step.say {
                out.line("")
                out.line("# " + l(say))
            }
            day = step.day ?? day
            let args = DemoScript.data(DemoScript.arguments(step.args, lastDay: lastDay), lang)
            let shown = (step.actor == "sanne" ? [] : ["--as", step.actor]) + args
            out.line("$ regie " + shown.map(Self.shellQuoted).joined(separator: " "))
            let arguments = args + ["--workspace", root.path, "--as", step.actor, "--lang", lang.rawValue]
            // Each step a second after the one before, from midnight UTC of its day (the same day
            // in the Netherlands): the last day's steps are over before the user's own commands.
            let now = LocalDate(daysSinceEpoch: lastDay.daysSinceEpoch + day).description
                + String(format: "T00:%02d:%02dZ", index / 60, index % 60)
            let status = await ProcessEnvironment.$overrides.withValue(environment.merging(["REGIE_NOW": now]) { $1 }) {
                await RegieMain.execute(arguments, errors: { out.line($0) })
            }
            guard status == step.expect else {
                throw RegieError(.internalError, .demoStepFailed,
                                 ["command": .text(args.joined(separator: " ")), "exit_status": .number(Int(status.rawValue))])
            }
            if status != .success { out.line(l("(refused with exit code \(status.rawValue), as expected)", "(geweigerd met exitcode \(status.rawValue), zoals bedoeld)")) }
        }
        out.line("")
        // The binary as it was invoked, so the hint works whether or not regie is on the PATH.
        let invoked = CommandLine.arguments.first.map { $0.contains("/") ? $0 : "regie" } ?? "regie"
        let next = "\(invoked) case show 1 --workspace \(Self.shellQuoted(dir)) --as sanne"
        out.line(l("Done. Look around: \(next)", "Klaar. Kijk rond: \(next)"))
        let plan = "\(invoked) report case 1 --format html --workspace \(Self.shellQuoted(dir)) --as sanne > plan.html"
        out.line(l("The client's plan as a page to print: \(plan)", "Het plan van de cliënt als pagina om te printen: \(plan)"))
    }

    /// Refuses to touch a folder that holds anything but an earlier demo.
    private func prepare(_ root: URL, _ l: L10n) throws(RegieError) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.path) else { return }
        let contents = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
        if contents.isEmpty { return }
        guard contents.contains(Self.marker) else {
            throw RegieError(.usage, .demoFolderTaken, ["path": "\(root.path)"])
        }
        do {
            try fm.removeItem(at: root)
        } catch {
            throw RegieError(.storage, .demoNotRemoved, ["path": "\(root.path)"])
        }
    }

    static func shellQuoted(_ arg: String) -> String {
        arg.contains(where: { $0 == " " || $0 == "'" || $0 == "\"" || $0 == "#" }) ? "\"" + arg + "\"" : arg
    }

    static func yaml(_ lang: Language) -> String {
        """
        # The demo workspace made by `regie demo`. Safe to delete.
        organisation: "Demo buurtteams"
        locale: \(lang.rawValue)
        database: regie.sqlite
        audit:
          purpose: \(lang == .nl ? "zorg" : "care")
        teams:
          - id: buurtteam-west
            name: "Buurtteam West"
            workflow: resourcegroep
            plugins:
              - neighbourhood
              - group-chat
              - name: quarterly
                settings: { max_days: 92 }
          - id: fact-oost
            name: "FACT Oost"
            workflow: resourcegroep
            plugins: [fact, group-chat]
        people:
          - id: sanne
            name: "Sanne"
            role: worker
            phone: "020 555 01 23"
            teams: [buurtteam-west, fact-oost]
          - id: karim
            name: "Karim"
            role: coordinator
            teams: [buurtteam-west, fact-oost]

        """
    }
}
