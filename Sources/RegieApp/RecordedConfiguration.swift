import Foundation
import RegieCore

/// The people, teams and roles a server trusts, as recorded in the store by `regie config
/// apply`. Only what decides who may see and do what; a server refuses a `regie.yaml` whose
/// part of this differs from what is recorded.
package struct RecordedConfiguration: Codable, Sendable, Equatable {
    package struct Team: Codable, Sendable, Equatable {
        package var id: String
        package var name: String
    }

    package struct Person: Codable, Sendable, Equatable {
        package var id: String
        package var name: String
        package var role: Role
        package var teams: [String]
        package var oidcSubject: String?
    }

    package var teams: [Team]
    package var people: [Person]

    package init(_ workspace: Workspace) {
        teams = workspace.teams.map { Team(id: $0.id, name: $0.name) }.sorted { $0.id < $1.id }
        people = workspace.people.map { Person(id: $0.id, name: $0.name, role: $0.role, teams: $0.teams.sorted(), oidcSubject: $0.oidcSubject) }
            .sorted { $0.id < $1.id }
    }

    /// The canonical JSON that is stored: sorted keys, no spaces.
    package var document: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    package init?(document: String) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let value = try? decoder.decode(Self.self, from: Data(document.utf8)) else { return nil }
        self = value
    }

    /// One difference between two versions, as it is recorded and shown.
    package struct Change: Codable, Sendable, Equatable {
        /// `team_added`, `team_removed`, `person_added`, `person_removed`, `role_changed`,
        /// `teams_granted`, `teams_withdrawn`, `name_changed`, `login_changed`.
        package var kind: String
        package var subject: String
        package var from: String?
        package var to: String?

        /// Whether the person loses access they had: their sessions and tokens end at once.
        var cutsOff: Bool { ["person_removed", "role_changed", "teams_withdrawn", "login_changed"].contains(kind) }
    }

    /// What changes from `old` (nil: nothing recorded yet) to this version.
    package func changes(from old: RecordedConfiguration?) -> [Change] {
        let before = old ?? RecordedConfiguration(teams: [], people: [])
        var changes: [Change] = []
        for team in teams where !before.teams.contains(where: { $0.id == team.id }) {
            changes.append(Change(kind: "team_added", subject: team.id, to: team.name))
        }
        for team in before.teams where !teams.contains(where: { $0.id == team.id }) {
            changes.append(Change(kind: "team_removed", subject: team.id, from: team.name))
        }
        for person in people {
            guard let earlier = before.people.first(where: { $0.id == person.id }) else {
                changes.append(Change(kind: "person_added", subject: person.id, to: "\(person.role.rawValue): \(person.teams.joined(separator: ", "))"))
                continue
            }
            if earlier.role != person.role {
                changes.append(Change(kind: "role_changed", subject: person.id, from: earlier.role.rawValue, to: person.role.rawValue))
            }
            let granted = person.teams.filter { !earlier.teams.contains($0) }, withdrawn = earlier.teams.filter { !person.teams.contains($0) }
            if !granted.isEmpty { changes.append(Change(kind: "teams_granted", subject: person.id, to: granted.joined(separator: ", "))) }
            if !withdrawn.isEmpty { changes.append(Change(kind: "teams_withdrawn", subject: person.id, from: withdrawn.joined(separator: ", "))) }
            if earlier.name != person.name { changes.append(Change(kind: "name_changed", subject: person.id, from: earlier.name, to: person.name)) }
            if earlier.oidcSubject != person.oidcSubject {
                changes.append(Change(kind: "login_changed", subject: person.id, from: earlier.oidcSubject, to: person.oidcSubject))
            }
        }
        for person in before.people where !people.contains(where: { $0.id == person.id }) {
            changes.append(Change(kind: "person_removed", subject: person.id, from: "\(person.role.rawValue): \(person.teams.joined(separator: ", "))"))
        }
        return changes
    }

    init(teams: [Team], people: [Person]) {
        self.teams = teams
        self.people = people
    }
}
