import RegieCore

/// What `case migrate --team T` (or `--all`) found and did: the plan of every running case,
/// whether they were applied, and where applying stopped if a case could not be migrated.
package struct TeamMigration: Sendable, Codable {
    /// The case where applying stopped: nothing of it was written; the cases before it were
    /// migrated, the cases after it were not tried.
    package struct Stop: Sendable, Codable {
        package var caseID: Int
        package var code: String
        package var exitStatus: Int32
        package var message: LocalizedText

        enum CodingKeys: String, CodingKey {
            case caseID = "caseId"
            case code, exitStatus, message
        }
    }

    package var teams: [String]
    /// How many running cases there were when the run began.
    package var running: Int
    package var plans: [CaseSession.MigrationPlan]
    package var applied: Bool
    package var stopped: Stop?

    /// The cases that follow the team's rules already, and those that were or would be moved.
    package var unchanged: [Int] { plans.filter(\.unchanged).map(\.caseID) }
    package var changing: [Int] { plans.filter { !$0.unchanged }.map(\.caseID) }

    /// The plans of the cases that change, then one summary.
    package func lines(l: L10n) -> [String] {
        let teamNames = teams.joined(separator: ", ")
        var out = [l("Running cases of \(teamNames): \(l.integer(running)).", "Lopende casussen van \(teamNames): \(l.integer(running)).")]
        for plan in plans where !plan.unchanged { out += plan.lines(l: l, closing: false) }
        let numbers = { (ids: [Int]) in ids.map(String.init).joined(separator: ", ") }
        if !unchanged.isEmpty {
            out.append(l("Already on the current rules: \(numbers(unchanged)).", "Volgen de huidige regels al: \(numbers(unchanged))."))
        }
        let count = l.count(changing.count, ("case", "cases"), ("casus", "casussen"))
        if changing.isEmpty {
            out.append(l("Nothing to migrate.", "Niets over te zetten."))
        } else if applied {
            out.append(l("Migrated \(count): \(numbers(changing)); the record keeps the rules they left.",
                         "\(count) overgezet: \(numbers(changing)); het dossier bewaart de regels die ze verlieten."))
        } else {
            out.append(l("Nothing was changed. Run again with --yes to migrate \(count): \(numbers(changing)).",
                         "Er is niets veranderd. Herhaal met --yes om \(count) over te zetten: \(numbers(changing))."))
        }
        if let stopped {
            out.append(l("Stopped at case \(stopped.caseID), which was not migrated: \(stopped.message.en) Later cases were not tried; run again to continue.",
                         "Gestopt bij casus \(stopped.caseID), die niet is overgezet: \(stopped.message.nl) Latere casussen zijn niet geprobeerd; herhaal om door te gaan."))
        }
        return out
    }
}
