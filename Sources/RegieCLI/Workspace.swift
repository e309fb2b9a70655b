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

    struct Team: Sendable, Equatable {
        var id: String
        var name: String
        var workflow: String
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

    func team(_ id: String) -> Team? { teams.first { $0.id == id } }
    func person(_ id: String) -> Person? { people.first { $0.id == id } }
}
