import Foundation

/// One use of an API token to record: when, from which network address, for which request.
public struct TokenUse: Sendable, Equatable {
    public var tokenID: String
    public var at: Date
    public var address: String
    public var request: String

    public init(tokenID: String, at: Date, address: String, request: String) {
        self.tokenID = tokenID
        self.at = at
        self.address = address
        self.request = request
    }

    /// Each token's latest use among these, by token id in order.
    public static func lastUses(_ uses: [TokenUse]) -> [(id: String, at: Date)] {
        var latest: [String: Date] = [:]
        for use in uses { latest[use.tokenID] = max(latest[use.tokenID] ?? use.at, use.at) }
        return latest.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
