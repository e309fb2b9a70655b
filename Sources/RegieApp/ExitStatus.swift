import RegieReports
/// Regie's exit codes; documented in the README. Never renumber one.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    /// A bug or an unexpected failure.
    case internalError = 1
    /// Bad arguments or input: an unknown option, an empty text, a malformed date.
    case usage = 2
    /// The rules refused: an illegal move, unmet checklist items, a closed case.
    case refused = 3
    /// No such case, team, person, goal, resource, question, meeting or item.
    case notFound = 4
    /// Someone else changed the case in the meantime.
    case conflict = 5
    /// The database is missing, locked, read-only, damaged or not Regie's.
    case storage = 6
    /// The workspace (`regie.yaml`) or a workflow file is missing or wrong.
    case configuration = 7
    /// The acting person is unknown, not in the case's team, or lacks the role.
    case notPermitted = 8
    /// `audit verify` found the record changed, cut short or out of order.
    case auditFailed = 9
}
