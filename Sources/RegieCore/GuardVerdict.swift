/// What one plugin's guard said about a move. Every transition records the verdicts that
/// decided it; a move needs every guard to agree.
public struct GuardVerdict: Codable, Sendable, Equatable {
    public var plugin: String
    public var allowed: Bool
    /// Why the guard refused (or the plugin's failure, when it could not answer).
    public var reason: LocalizedText?

    public init(plugin: String, allowed: Bool, reason: LocalizedText? = nil) {
        self.plugin = plugin
        self.allowed = allowed
        self.reason = reason
    }
}
