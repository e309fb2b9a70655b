import Crypto
import Foundation

/// Content hashes of workflow and plugin sources, which cases are pinned to.
public enum RuleHash {
    /// `sha256:` followed by the lowercase hex SHA-256 of the UTF-8 text.
    public static func of(_ source: String) -> String {
        let digest = SHA256.hash(data: Data(source.utf8))
        return "sha256:" + digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
