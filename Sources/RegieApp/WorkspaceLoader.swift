import RegieReports
import Foundation
import RegieCore
import RegieStorePostgres
import Yams

/// Finds and reads a workspace: `--workspace`, else `REGIE_WORKSPACE`, else the nearest folder
/// with a `regie.yaml` from the current folder upward.
package enum WorkspaceLoader {
    package static func locate(explicit: String?, environment: [String: String], currentDirectory: URL) throws(RegieError) -> URL {
        if let given = explicit ?? environment["REGIE_WORKSPACE"], !given.isEmpty {
            let url = URL(fileURLWithPath: given, relativeTo: currentDirectory).standardizedFileURL
            let file = url.lastPathComponent == Workspace.fileName ? url : url.appendingPathComponent(Workspace.fileName)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw RegieError(.configuration, .workspaceNotInFolder, ["folder": "\(given)"])
            }
            return file.deletingLastPathComponent()
        }
        var folder = currentDirectory.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Workspace.fileName).path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        throw RegieError(.configuration, .workspaceNotFound)
    }

    package static func load(from root: URL) throws(RegieError) -> Workspace {
        let url = root.appendingPathComponent(Workspace.fileName)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RegieError(.configuration, .workspaceUnreadable, ["path": "\(url.path)"])
        }
        do {
            return try parse(text, file: url.path, root: root)
        } catch {
            throw RegieError(.configuration, .workspaceInvalid, ["detail": "\(error)"])
        }
    }

    package static func parse(_ text: String, file: String, root: URL) throws(FileFormatError) -> Workspace {
        let doc = try YAMLNodeReader.document(text, file: file)
        try doc.allowOnly(["organisation", "locale", "database", "database_password_file", "time_zone", "teams", "people", "audit", "server"])
        let localeText = try doc.optionalString("locale") ?? "nl"
        guard let locale = Language(rawValue: localeText) else {
            throw FileFormatError(file: file, line: doc.line, problem: "`locale` must be `nl` or `en`")
        }
        var teams: [Workspace.Team] = []
        for node in try doc.sequence("teams") {
            let team = try YAMLNodeReader(node, file: file, what: "a team")
            try team.allowOnly(["id", "name", "workflow", "plugins"])
            let id = Identifier.normalised(try team.string("id"))
            guard !id.isEmpty else { throw FileFormatError(file: file, line: team.line, problem: "a team has an empty `id`") }
            guard !teams.contains(where: { $0.id == id }) else {
                throw FileFormatError(file: file, line: team.line, problem: "team `\(id)` is listed twice")
            }
            let workflow = try team.optionalString("workflow") ?? DefaultWorkflow.name
            guard Identifier.isFileName(workflow) else {
                throw FileFormatError(file: file, line: team.line(of: "workflow"),
                                      problem: "team `\(id)` names workflow `\(workflow)`: a workflow is named by its file in workflows/, letters, digits, `_`, `-` and `.` only")
            }
            teams.append(.init(id: id, name: try team.optionalString("name") ?? id,
                               workflow: workflow,
                               plugins: try pluginUses(team.sequence("plugins"), team: id, file: file)))
        }
        guard !teams.isEmpty else { throw FileFormatError(file: file, line: doc.line, problem: "expected at least one team under `teams`") }
        var people: [Workspace.Person] = []
        for node in try doc.sequence("people") {
            let person = try YAMLNodeReader(node, file: file, what: "a person")
            try person.allowOnly(["id", "name", "role", "teams", "phone", "email", "oidc_subject"])
            let id = Identifier.normalised(try person.string("id"))
            guard !id.isEmpty else { throw FileFormatError(file: file, line: person.line, problem: "a person has an empty `id`") }
            let roleText = try person.optionalString("role") ?? "worker"
            guard let role = Role(rawValue: roleText) else {
                throw FileFormatError(file: file, line: person.line, problem: "role must be `worker`, `coordinator` or `auditor`, not `\(roleText)`")
            }
            var memberOf: [String] = []
            for teamNode in try person.sequence("teams") {
                guard let teamID = teamNode.string.map(Identifier.normalised), teams.contains(where: { $0.id == teamID }) else {
                    throw FileFormatError(file: file, line: teamNode.mark?.line ?? person.line,
                                          problem: "person `\(id)` names team `\(teamNode.string ?? "?")`, which is not under `teams`")
                }
                memberOf.append(teamID)
            }
            guard !people.contains(where: { $0.id == id }) else {
                throw FileFormatError(file: file, line: person.line, problem: "person `\(id)` is listed twice")
            }
            // How a client reaches their worker, printed on the plan: a phone number of digits,
            // spaces and `+ - ( )`, an address with one `@`.
            let phone = try person.optionalString("phone")
            if let phone, phone.count > 30 || !phone.allSatisfy({ $0.isASCII && ($0.isNumber || " +-()".contains($0)) }) {
                throw FileFormatError(file: file, line: person.line, problem: "`phone` of `\(id)` may hold only digits, spaces and + - ( )")
            }
            let email = try person.optionalString("email")
            if let email, email.count > 120 || email.split(separator: "@", omittingEmptySubsequences: false).count != 2
                || email.contains(where: \.isWhitespace) {
                throw FileFormatError(file: file, line: person.line, problem: "`email` of `\(id)` is not an e-mail address")
            }
            var entry = Workspace.Person(id: id, name: try person.optionalString("name") ?? id, role: role, teams: memberOf, phone: phone, email: email)
            entry.oidcSubject = try person.optionalString("oidc_subject")
            if let subject = entry.oidcSubject, people.contains(where: { $0.oidcSubject == subject }) {
                throw FileFormatError(file: file, line: person.line, problem: "`oidc_subject` of `\(id)` is another person's too")
            }
            people.append(entry)
        }
        var workspace = Workspace(root: root, organisation: try doc.string("organisation"), locale: locale,
                                  database: try doc.optionalString("database") ?? "regie.sqlite", teams: teams, people: people)
        if let zone = try doc.optionalString("time_zone") {
            guard let timeZone = TimeZone(identifier: zone) else {
                throw FileFormatError(file: file, line: doc.line(of: "time_zone"),
                                      problem: "`time_zone` must be a time zone such as Europe/Amsterdam (is the tzdata package installed?)")
            }
            workspace.timeZone = timeZone
        }
        if PostgresLocation.isURL(workspace.database) {
            guard let location = PostgresLocation(url: workspace.database) else {
                throw FileFormatError(file: file, line: doc.line(of: "database"),
                                      problem: "`database` must be a URL such as postgres://regie@db.example.org:5432/regie")
            }
            guard location.urlPassword == nil else {
                throw FileFormatError(file: file, line: doc.line(of: "database"),
                                      problem: "`database` must not hold the password: put it in a file named by `database_password_file`, or in REGIE_DATABASE_PASSWORD")
            }
        }
        workspace.databasePasswordFile = try doc.optionalString("database_password_file")
        if let audit = try doc.child("audit") {
            try audit.allowOnly(["checkpoint_every", "purpose", "signing_key", "signing"])
            switch try audit.optionalString("signing") ?? "inline" {
            case "inline": workspace.audit.signsInline = true
            case "separate": workspace.audit.signsInline = false
            default: throw FileFormatError(file: file, line: audit.line(of: "signing"), problem: "`signing` must be `inline` or `separate`")
            }
            if let every = try audit.optionalString("checkpoint_every") {
                guard let value = Int(every), value >= 1 else {
                    throw FileFormatError(file: file, line: audit.line, problem: "`checkpoint_every` must be a whole number of at least 1")
                }
                workspace.audit.checkpointEvery = value
            }
            workspace.audit.purpose = try audit.optionalString("purpose") ?? workspace.audit.purpose
            workspace.audit.signingKey = try audit.optionalString("signing_key") ?? workspace.audit.signingKey
        }
        if let server = try doc.child("server") {
            workspace.server = try serverSettings(server, file: file)
        }
        return workspace
    }

    /// A team's plugins: each a name, or a mapping with `name` and `settings` (plain values:
    /// text, whole numbers, true/false, or a list of texts).
    private static func pluginUses(_ nodes: [Node], team: String, file: String) throws(FileFormatError) -> [Workspace.PluginUse] {
        var uses: [Workspace.PluginUse] = []
        for node in nodes {
            let line = node.mark?.line ?? 0
            var use: Workspace.PluginUse
            if case .scalar(let scalar) = node {
                use = .init(name: scalar.string.trimmingCharacters(in: .whitespacesAndNewlines), settings: [:])
            } else {
                let entry = try YAMLNodeReader(node, file: file, what: "a plugin of team `\(team)`")
                try entry.allowOnly(["name", "settings"])
                use = .init(name: try entry.string("name"), settings: [:])
                if let settings = try entry.child("settings") {
                    for (key, keyLine, value) in settings.entries {
                        use.settings[key] = try setting(value, key: key, line: keyLine, file: file)
                    }
                }
            }
            guard !use.name.isEmpty else { throw FileFormatError(file: file, line: line, problem: "a plugin of team `\(team)` has no name") }
            guard Identifier.isFileName(use.name) else {
                throw FileFormatError(file: file, line: line,
                                      problem: "plugin `\(use.name)` of team `\(team)`: a plugin is named by its file in plugins/, letters, digits, `_`, `-` and `.` only")
            }
            guard !uses.contains(where: { $0.name == use.name }) else {
                throw FileFormatError(file: file, line: line, problem: "plugin `\(use.name)` is listed twice for team `\(team)`")
            }
            uses.append(use)
        }
        return uses
    }

    private static func setting(_ node: Node, key: String, line: Int, file: String) throws(FileFormatError) -> PluginSetting {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if scalar.style == .plain {
                if text == "true" { return .bool(true) }
                if text == "false" { return .bool(false) }
                if let number = Int(text) { return .integer(number) }
            }
            return .string(text)
        case .sequence(let items):
            var texts: [String] = []
            for item in items {
                guard case .scalar(let scalar) = item else {
                    throw FileFormatError(file: file, line: line, problem: "setting `\(key)` must be a list of texts")
                }
                texts.append(scalar.string)
            }
            return .list(texts)
        default:
            throw FileFormatError(file: file, line: line, problem: "setting `\(key)` must be a text, a number, true/false or a list of texts")
        }
    }
}
