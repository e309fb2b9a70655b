public enum QuestionStatus: String, CaseIterable, Codable, Sendable {
    case open
    /// The owner said they will pick it up.
    case accepted
    case done
    /// Deliberately put aside for now.
    case parked
}

/// One of the client's questions, and who picks it up by when.
public struct Question: Sendable, Equatable, Identifiable {
    public let id: Int
    public var text: String
    /// The resource that picks it up.
    public var owner: Int?
    public var due: LocalDate?
    public var status: QuestionStatus
}
