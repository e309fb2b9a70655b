import Foundation

/// A transition in a case's history, with who made it and when.
public struct TransitionRecord: Sendable, Equatable {
    public var version: Int
    public var actor: String
    public var at: Date
    public var transition: Transitioned
}
