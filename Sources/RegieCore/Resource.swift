/// What kind of help a resource is.
public enum ResourceKind: String, CaseIterable, Codable, Sendable {
    /// Family, friends, neighbours and others from the client's own life.
    case informal
    /// A peer with lived experience, of the problem or of being family.
    case experienceExpert = "experience_expert"
    case volunteer
    case professional
}

/// Where contact with a resource stands.
public enum ContactStatus: String, CaseIterable, Codable, Sendable {
    case notContacted = "not_contacted"
    case contacted
    /// Said yes to helping.
    case willing
    case declined
}

/// Strain in the relationship between the client and a resource.
public enum TensionState: String, CaseIterable, Codable, Sendable {
    case none
    /// Noticed, not yet talked through.
    case noted
    /// Talked through with the worker (expressed emotions).
    case discussed
}

/// A person who may help the client. Only what the work needs is kept: a label the client
/// uses, how they are related, and what they can and cannot be expected to do.
public struct Resource: Sendable, Equatable, Identifiable {
    public let id: Int
    public var label: String
    public var relation: String
    public var kind: ResourceKind
    public var contact: ContactStatus
    /// The one-to-one conversation the worker has with each prospective member before the first meeting.
    public var oneToOneHeld: Bool
    public var canDo: String?
    public var cannotDo: String?
    public var tension: TensionState
    /// In the resource group, by the client's choice.
    public var isMember: Bool
}
