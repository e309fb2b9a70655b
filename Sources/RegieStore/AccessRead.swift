import Foundation

/// One read of case data to record in the access log: who, when, with which command, and
/// which cases it showed (one entry each; nil: a read across cases).
public struct AccessRead: Sendable, Equatable {
    public var reader: AccessReader
    public var at: Date
    public var caseIDs: [Int?]
    public var action: String

    public init(reader: AccessReader, at: Date, caseIDs: [Int?], action: String) {
        self.reader = reader
        self.at = at
        self.caseIDs = caseIDs
        self.action = action
    }
}
