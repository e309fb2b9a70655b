import Foundation
import RegieStore

/// Opens the store a workspace names in `database:`.
package enum StoreOpener {
    /// - Parameter readOnlyFallback: a store that cannot be written is opened read-only
    ///   instead of refused (for `audit verify` on a copy).
    package static func open(_ workspace: Workspace, busyTimeout: TimeInterval, readOnlyFallback: Bool) async throws(RegieError)
        -> any EventStore
    {
        let path = workspace.databasePath
        do {
            return try await BlockingWork.run { () throws(StoreError) in
                do throws(StoreError) {
                    return try SQLiteEventStore(path: path, busyTimeout: busyTimeout)
                } catch .readOnly where readOnlyFallback {
                    return try SQLiteEventStore(path: path, readOnly: true, busyTimeout: busyTimeout)
                }
            }
        } catch {
            throw RegieError.from(error)
        }
    }
}
