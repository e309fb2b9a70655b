import RegieReports
import Foundation
import RegieCore

/// A folder with `regie.yaml`: the organisation, its teams and people, the locale and the database.
package struct Workspace: Sendable, Equatable {
    package static let fileName = "regie.yaml"
    package static let defaultTimeZoneName = "Europe/Amsterdam"
    /// Amsterdam's zone, or UTC+1 where the system has no time zone data.
    package static let defaultTimeZone = TimeZone(identifier: defaultTimeZoneName) ?? TimeZone(secondsFromGMT: 3600) ?? .gmt

    package var root: URL
    package var organisation: String
    package var locale: Language
    /// `time_zone:` (default Europe/Amsterdam): which day it is for the teams, for the date rules
    /// and the days of time entries.
    package var timeZone: TimeZone = Workspace.defaultTimeZone
    /// As written in the file: a SQLite file (relative paths are relative to `root`) or a
    /// PostgreSQL URL without a password (`postgres://user@host:port/db`).
    package var database: String
    /// `database_password_file:`, a file holding the PostgreSQL password (relative to `root`).
    package var databasePasswordFile: String?
    package var teams: [Team]
    package var people: [Person]
    /// `audit:` in regie.yaml.
    package var audit = AuditSettings()
    /// `server:` in regie.yaml, for `regie serve`.
    package var server = ServerSettings()

    package init(root: URL, organisation: String, locale: Language, database: String, teams: [Team], people: [Person]) {
        self.root = root
        self.organisation = organisation
        self.locale = locale
        self.database = database
        self.teams = teams
        self.people = people
    }

    package struct AuditSettings: Sendable, Equatable {
        /// A checkpoint is signed every so many events (and whenever a case closes).
        package var checkpointEvery = 1000
        /// The purpose recorded with a read when no `--purpose` is given.
        package var purpose = "care"
        /// The Ed25519 signing key, relative to the workspace folder.
        package var signingKey = ".regie/audit-signing-key"
        /// False (`signing: separate`) when the people who write cases do not hold the key: their
        /// automatic checkpoints are stored unsigned until the key holder's `regie audit checkpoint`
        /// signs them. True (`inline`, the default): every write signs, and needs the key.
        package var signsInline = true
    }

    package struct Team: Sendable, Equatable {
        package var id: String
        package var name: String
        package var workflow: String
        /// The team's plugins, in the order their items and prompts are shown.
        package var plugins: [PluginUse] = []
    }

    /// A plugin a team uses, with the team's settings for it.
    package struct PluginUse: Sendable, Equatable {
        package var name: String
        package var settings: [String: PluginSetting]
    }

    package struct Person: Sendable, Equatable {
        package var id: String
        package var name: String
        package var role: Role
        package var teams: [String]
        /// How a client reaches this person, printed on their plan; both optional.
        package var phone: String?
        package var email: String?
        /// The value of the identity provider's claim that names this person (`server: oidc: claim:`).
        package var oidcSubject: String?

        package init(id: String, name: String, role: Role, teams: [String], phone: String? = nil, email: String? = nil) {
            self.id = id
            self.name = name
            self.role = role
            self.teams = teams
            self.phone = phone
            self.email = email
        }
    }

    package var databasePath: String {
        database.hasPrefix("/") ? database : root.appendingPathComponent(database).path
    }

    package var databasePasswordPath: String? {
        databasePasswordFile.map { $0.hasPrefix("/") ? $0 : root.appendingPathComponent($0).path }
    }

    package var signingKeyPath: String {
        audit.signingKey.hasPrefix("/") ? audit.signingKey : root.appendingPathComponent(audit.signingKey).path
    }

    /// Ids are compared in one normal form (``Identifier/normalised(_:)``), as typed or as listed.
    package func team(_ id: String) -> Team? {
        let id = Identifier.normalised(id)
        return teams.first { $0.id == id }
    }

    package func person(_ id: String) -> Person? {
        let id = Identifier.normalised(id)
        return people.first { $0.id == id }
    }
}
