import RegieReports
import Foundation
import RegieStore
import RegieStorePostgres

/// How the front end reaches the store beyond what `regie.yaml` says: a URL that overrides
/// `database:` (`REGIE_DATABASE_URL` on the command line) and the PostgreSQL password
/// (`REGIE_DATABASE_PASSWORD`). The core reads neither from the environment itself.
package struct StoreAccess: Sendable {
    package var databaseURL: String?
    package var password: String?

    package init(databaseURL: String? = nil, password: String? = nil) {
        self.databaseURL = databaseURL
        self.password = password
    }
}

/// Opens the store a workspace names in `database:`: a SQLite file, or PostgreSQL.
package enum StoreOpener {
    /// What `database:` (or the override) names.
    package enum Target: Sendable {
        case sqlite(path: String)
        case postgres(PostgresLocation)
    }

    package static func target(_ workspace: Workspace, access: StoreAccess) throws(RegieError) -> Target {
        let named = access.databaseURL.flatMap { $0.isEmpty ? nil : $0 } ?? workspace.database
        guard PostgresLocation.isURL(named) else {
            return .sqlite(path: access.databaseURL == nil ? workspace.databasePath : named)
        }
        guard let location = PostgresLocation(url: named) else {
            throw RegieError(.configuration, .databaseURLInvalid)
        }
        return .postgres(location)
    }

    /// A URL to write into `regie.yaml`: PostgreSQL, complete, and without a password.
    package static func checkWorkspaceURL(_ text: String) throws(RegieError) {
        guard PostgresLocation.isURL(text), let location = PostgresLocation(url: text), location.urlPassword == nil else {
            throw RegieError(.usage, .databaseOptionInvalid)
        }
    }

    /// - Parameter readOnlyFallback: a SQLite file that cannot be written is opened read-only
    ///   instead of refused (for `audit verify` on a copy).
    package static func open(_ workspace: Workspace, access: StoreAccess = StoreAccess(), busyTimeout: TimeInterval,
                             readOnlyFallback: Bool, create: Bool = false, fixedClock: Bool = false) async throws(RegieError)
        -> any EventStore
    {
        switch try target(workspace, access: access) {
        case .sqlite(let path):
            do {
                return try await BlockingWork.run { () throws(StoreError) in
                    do throws(StoreError) {
                        return try SQLiteEventStore(path: path, create: create, fixedClock: fixedClock, busyTimeout: busyTimeout)
                    } catch .readOnly where readOnlyFallback {
                        return try SQLiteEventStore(path: path, readOnly: true, busyTimeout: busyTimeout)
                    }
                }
            } catch {
                throw RegieError.from(error)
            }
        case .postgres(let location):
            let password: String?
            if let given = access.password { password = given } else { password = try passwordFromFile(workspace) }
            do {
                return try await PostgresEventStore.open(location, password: password, create: create, fixedClock: fixedClock)
            } catch {
                throw RegieError.from(error)
            }
        }
    }

    /// The password in `database_password_file`, without its final line break.
    private static func passwordFromFile(_ workspace: Workspace) throws(RegieError) -> String? {
        guard let path = workspace.databasePasswordPath else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw RegieError(.configuration, .passwordFileUnreadable, ["path": "\(path)"])
        }
        return text.trimmingCharacters(in: .newlines)
    }
}
