import Foundation

/// One applied version of the people, teams and roles a server trusts: the whole of it, and
/// what changed from the version before, in words a reader can check. Kept append-only.
public struct StoredConfiguration: Sendable, Equatable {
    public var version: Int
    public var appliedAt: Date
    public var appliedBy: String
    /// The configuration as canonical JSON.
    public var document: String
    /// What changed from the version before, as JSON lines.
    public var changes: String

    public init(version: Int, appliedAt: Date, appliedBy: String, document: String, changes: String) {
        self.version = version
        self.appliedAt = appliedAt
        self.appliedBy = appliedBy
        self.document = document
        self.changes = changes
    }
}

/// Where the recorded configuration is kept.
public protocol ConfigurationStore: AnyObject, Sendable {
    /// The newest applied version, nil before the first.
    func latestConfiguration() async throws(StoreError) -> StoredConfiguration?

    /// Every applied version, oldest first.
    func configurations() async throws(StoreError) -> [StoredConfiguration]

    /// Records a new version if the newest is still `expectedVersion` (0: none yet), and ends
    /// the sessions and revokes the tokens of `cutOff` (people removed or moved), in one
    /// transaction. - Throws: ``StoreError/conflict(caseID:expected:actual:)`` with case 0 when
    ///   someone applied another version meanwhile.
    func recordConfiguration(_ configuration: StoredConfiguration, expectedVersion: Int, cutOff: [String]) async throws(StoreError)
}
