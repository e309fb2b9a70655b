import Foundation
import Hummingbird
import RegieApp
import RegieReports

/// A case's version as its ETag, and the `If-Match` a change must carry.
enum CaseVersionTag {
    static func etag(_ version: Int) -> String { "\"\(version)\"" }

    /// The version `If-Match` names; nil for `*` (any version). A change without it, or with
    /// something else in it, is refused before anything is read.
    static func expected(_ request: Request, caseID: Int) throws(RegieError) -> Int? {
        guard let header = request.headers[.ifMatch]?.trimmingCharacters(in: .whitespaces) else {
            throw RegieError(.usage, .versionRequired, ["case": .number(caseID)])
        }
        if header == "*" { return nil }
        guard header.count >= 3, header.hasPrefix("\""), header.hasSuffix("\""),
              let version = Int(header.dropFirst().dropLast()), version >= 1 else {
            throw RegieError(.usage, .versionRequired, ["case": .number(caseID)])
        }
        return version
    }
}
