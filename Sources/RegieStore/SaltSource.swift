import Crypto
import Foundation
import RegieAudit

/// Where the salts of payload commitments come from: random, always, in a real store. The
/// conformance suite derives them from a seed instead, so that the same commands give
/// byte-identical chains and Merkle roots on every backend and can be compared.
package enum SaltSource: Sendable, Equatable {
    case random
    case derived(seed: String)

    package func salt(caseID: Int, version: Int) -> [UInt8] {
        switch self {
        case .random:
            return PayloadCommitment.newSalt()
        case .derived(let seed):
            let digest = SHA256.hash(data: Data("\(seed)/\(caseID)/\(version)".utf8))
            return Array(digest.prefix(16))
        }
    }
}
