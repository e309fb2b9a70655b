import Foundation
import RegieCore

/// A folder with `regie.yaml`: the organisation, its teams and people, the locale and the database.
struct Workspace: Sendable {
    static let fileName = "regie.yaml"

    var root: URL
    var organisation: String
    var locale: Language
    /// As written in the file; relative paths are relative to `root`.
    var database: String
    var teams: [Team]
    var people: [Person]
    /// `audit:` in regie.yaml.
    var audit = AuditSettings()

    struct AuditSettings: Sendable, Equatable {
        /// A checkpoint is signed every so many events (and whenever a case closes).
        var checkpointEvery = 1000
        /// The purpose recorded with a read when no `--purpose` is given.
        var purpose = "care"
        /// The Ed25519 signing key, relative to the workspace folder.
        var signingKey = ".regie/audit-signing-key"
        /// False (`signing: separate`) when the people who write cases do not hold the key: their
        /// automatic checkpoints are stored unsigned until the key holder's `regie audit checkpoint`
        /// signs them. True (`inline`, the default): every write signs, and needs the key.
        var signsInline = true
    }

    struct Team: Sendable, Equatable {
        var id: String
        var name: String
        var workflow: String
        /// The team's plugins, in the order their items and prompts are shown.
        var plugins: [PluginUse] = []
    }

    /// A plugin a team uses, with the team's settings for it.
    struct PluginUse: Sendable, Equatable {
        var name: String
        var settings: [String: PluginSetting]
    }

    struct Person: Sendable, Equatable {
        var id: String
        var name: String
        var role: Role
        var teams: [String]
    }

    var databasePath: String {
        database.hasPrefix("/") ? database : root.appendingPathComponent(database).path
    }

    var signingKeyPath: String {
        audit.signingKey.hasPrefix("/") ? audit.signingKey : root.appendingPathComponent(audit.signingKey).path
    }

    /// Ids are compared in one normal form (``Identifier/normalised(_:)``), as typed or as listed.
    func team(_ id: String) -> Team? {
        let id = Identifier.normalised(id)
        return teams.first { $0.id == id }
    }

    func person(_ id: String) -> Person? {
        let id = Identifier.normalised(id)
        return people.first { $0.id == id }
    }
}
