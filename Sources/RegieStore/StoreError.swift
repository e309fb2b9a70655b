/// A storage failure, described without any case data or SQL arguments.
public enum StoreError: Error, Sendable, Equatable {
    /// Someone else appended to the case after it was read.
    case conflict(caseID: Int, expected: Int, actual: Int)
    case caseNotFound(Int)
    /// The file exists but is not a Regie database.
    case notARegieDatabase(path: String)
    /// The database was made by a newer Regie.
    case newerSchema(path: String)
    case missingDatabase(path: String)
    /// Another program holds the lock for longer than the busy timeout.
    case locked(path: String)
    case readOnly(path: String)
    /// A stored event cannot be read back.
    case corrupt(caseID: Int, version: Int, problem: String)
    /// A stored value is not of the kind Regie writes there (text in a number column, a blob
    /// for a text, NULL, a number out of range): the database was changed behind Regie's back.
    case unreadableValue(column: String)
    /// A stored workflow or plugin source does not match the content hash it is stored under.
    case ruleAltered(hash: String)
    /// A copy was asked into a store that already holds something.
    case targetNotEmpty(location: String)
    /// The database server cannot be reached or refused the login (`location` holds no password).
    case unreachable(location: String, reason: String)
    /// Any other database failure; `code` is SQLite's result code (0 for PostgreSQL, whose
    /// SQLSTATE is then in the message).
    case database(code: Int32, message: String)
}
