import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct InitCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "init", abstract: H("Create a workspace: regie.yaml, the default workflow and an empty database.",
                                             "Maak een werkomgeving: regie.yaml, de standaardwerkwijze en een lege database."))
    }

    @Argument(help: H("The folder (default: the current folder).",
                      "De map (standaard: de huidige map).")) var folder: String = "."
    @Option(help: H("The organisation's name.", "De naam van de organisatie.")) var organisation: String = "Mijn organisatie"
    @Option(help: H("The first team's id.", "Het id van het eerste team.")) var team: String = "buurtteam"
    @Option(help: H("Your id as the first person, a coordinator (default: REGIE_USER, else the OS user).",
                    "Jouw id als eerste persoon, een coördinator (standaard: REGIE_USER, anders de gebruiker van het systeem).")) var person: String?
    @Option(help: H("The workspace language: nl or en.", "De taal van de werkomgeving: nl of en.")) var lang: Language = .nl
    @Flag(help: H("Make a demo or test database, on which REGIE_NOW may fix the clock (never on a real one).",
                  "Maak een demo- of testdatabase, waarop REGIE_NOW de klok mag vastzetten (nooit op een echte)."))
    var fixedClock = false
    @Option(help: H("A shared PostgreSQL database (postgres://user@host:port/db, empty; password in REGIE_DATABASE_PASSWORD) instead of a SQLite file.",
                    "Een gedeelde PostgreSQL-database (postgres://gebruiker@host:poort/db, leeg; wachtwoord in REGIE_DATABASE_PASSWORD) in plaats van een SQLite-bestand."))
    var database: String?

    func run() async throws {
        let environment = ProcessEnvironment.current
        let id = person ?? environment["REGIE_USER"] ?? environment["USER"] ?? "coordinator"
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        let yaml = Self.yaml(organisation: organisation, team: team, person: id, lang: lang, database: database)
        if let database {
            // The shared store is made first: if the server cannot be reached, nothing is written here.
            try StoreOpener.checkWorkspaceURL(database)
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(Workspace.fileName).path) {
                try Self.create(at: root, yaml: yaml)  // refuses, saying why
            }
            let workspace = Workspace(root: root, organisation: organisation, locale: lang, database: database, teams: [], people: [])
            let store = try await StoreOpener.open(workspace, access: CaseSession.storeAccess(environment), busyTimeout: 5,
                                                   readOnlyFallback: false, create: true, fixedClock: fixedClock)
            await store.close()
        }
        try Self.create(at: root, yaml: yaml, fixedClock: fixedClock, makeDatabase: database == nil)
        let l = L10n(language: lang)
        Console.current.line(l("Created a workspace in \(root.path) with team \(team) and \(id) as coordinator.",
                               "Werkomgeving gemaakt in \(root.path) met team \(team) en \(id) als coördinator."))
        Console.current.line(l("Next: regie case open --team \(team) --client INITIALS", "Volgende stap: regie case open --team \(team) --client INITIALEN"))
    }

    /// Writes regie.yaml, workflows/resourcegroep.yaml, plugins/ and the database; on any failure it
    /// removes what it wrote, so a failed init leaves the folder as it was.
    /// - Parameter fixedClock: marks the database as a demo or test store (REGIE_NOW allowed).
    /// - Parameter makeDatabase: false when the store is a PostgreSQL database, made beforehand.
    static func create(at root: URL, yaml: String, fixedClock: Bool = false, makeDatabase: Bool = true) throws(RegieError) {
        let fm = FileManager.default
        let config = root.appendingPathComponent(Workspace.fileName)
        if fm.fileExists(atPath: config.path) {
            throw RegieError(.usage, .workspaceExists, ["path": "\(config.path)"])
        }
        var created: [URL] = []
        do {
            if !fm.fileExists(atPath: root.path) {
                try fm.createDirectory(at: root, withIntermediateDirectories: true)
                created.append(root)
            }
            let workflows = root.appendingPathComponent("workflows")
            if !fm.fileExists(atPath: workflows.path) {
                try fm.createDirectory(at: workflows, withIntermediateDirectories: true)
                created.append(workflows)
            }
            let workflow = workflows.appendingPathComponent(DefaultWorkflow.fileName)
            if !fm.fileExists(atPath: workflow.path) {
                try DefaultWorkflow.source.write(to: workflow, atomically: true, encoding: .utf8)
                created.append(workflow)
            }
            // The shipped plugins, their tests and the LuaCATS annotations, for teams to use and adapt.
            let plugins = root.appendingPathComponent("plugins")
            if !fm.fileExists(atPath: plugins.path) {
                try fm.createDirectory(at: plugins.appendingPathComponent("tests"), withIntermediateDirectories: true)
                created.append(plugins)
                try fm.createDirectory(at: plugins.appendingPathComponent("types"), withIntermediateDirectories: true)
                for (name, source) in ShippedPlugins.sources {
                    try source.write(to: plugins.appendingPathComponent(name + ".lua"), atomically: true, encoding: .utf8)
                }
                for (name, source) in ShippedPlugins.tests {
                    try source.write(to: plugins.appendingPathComponent("tests/\(name).lua"), atomically: true, encoding: .utf8)
                }
                try ShippedPlugins.types.write(to: plugins.appendingPathComponent("types/regie.lua"), atomically: true, encoding: .utf8)
            }
            try yaml.write(to: config, atomically: true, encoding: .utf8)
            created.append(config)
            let workspace = try WorkspaceLoader.load(from: root)
            if makeDatabase {
                if !fm.fileExists(atPath: workspace.databasePath) {
                    created.append(URL(fileURLWithPath: workspace.databasePath))
                }
                do {
                    _ = try SQLiteEventStore(path: workspace.databasePath, create: true, fixedClock: fixedClock)
                } catch {
                    throw RegieError.from(error)
                }
            }
            let keyFolder = URL(fileURLWithPath: workspace.signingKeyPath).deletingLastPathComponent()
            if !fm.fileExists(atPath: keyFolder.path) { created.append(keyFolder) }
            if !fm.fileExists(atPath: workspace.signingKeyPath) { created.append(URL(fileURLWithPath: workspace.signingKeyPath)) }
            if !fm.fileExists(atPath: workspace.signingKeyPath + ".pub") {
                created.append(URL(fileURLWithPath: workspace.signingKeyPath + ".pub"))
            }
            _ = try SigningKeyFile.loadOrCreate(at: workspace.signingKeyPath)
        } catch {
            for url in created.reversed() {
                try? fm.removeItem(at: url)
                try? fm.removeItem(atPath: url.path + "-wal")
                try? fm.removeItem(atPath: url.path + "-shm")
            }
            if let error = error as? RegieError { throw error }
            throw RegieError(.storage, .workspaceUnwritable, ["folder": "\(root.path)"])
        }
    }

    static func yaml(organisation: String, team: String, person: String, lang: Language, database: String? = nil) -> String {
        """
        # Regie workspace. See README.md, "Where data lives" and "The workspace file".
        organisation: \(quoted(organisation))
        locale: \(lang.rawValue)          # nl or en: the language of Regie's output
        database: \(database.map(quoted) ?? "regie.sqlite            # relative to this folder, or postgres://user@host:port/db")
        teams:
          - id: \(quoted(team))
            name: \(quoted(team))
            workflow: resourcegroep       # workflows/resourcegroep.yaml in this folder
            plugins: []                   # e.g. [neighbourhood, quarterly]: see plugins/ and `regie plugin list`
        people:                           # everyone who may act; roles: worker or coordinator
          - id: \(quoted(person))
            role: coordinator
            teams: [\(quoted(team))]
        audit:
          checkpoint_every: 1000          # sign a checkpoint every so many events, and when a case closes
          purpose: care                   # recorded with every read unless --purpose says otherwise

        """
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
