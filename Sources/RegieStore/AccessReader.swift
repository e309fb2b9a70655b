/// Who read case data, as the access log records it (NEN 7513's fields): the person, their
/// role, the purpose they stated, and for a read through the server the network address it
/// came from (nil on the command line).
public struct AccessReader: Sendable, Equatable {
    public var actor: String
    public var role: String
    public var purpose: String
    public var address: String?

    public init(actor: String, role: String, purpose: String, address: String? = nil) {
        self.actor = actor
        self.role = role
        self.purpose = purpose
        self.address = address
    }
}
