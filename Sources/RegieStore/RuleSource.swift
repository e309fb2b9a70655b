/// A workflow or plugin source to store with an append, for a migration to rules the
/// database does not hold yet.
public struct RuleSource: Sendable {
    public var hash: String
    public var kind: String
    public var name: String
    public var source: String

    public init(hash: String, kind: String, name: String, source: String) {
        self.hash = hash
        self.kind = kind
        self.name = name
        self.source = source
    }
}

