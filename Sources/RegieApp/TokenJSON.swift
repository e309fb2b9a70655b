import Foundation
import RegieStore

/// A token as `--json` and the API show it: never the stored hash; the secret only when made.
package struct TokenJSON: Encodable {
    package var id: String, person: String, name: String, createdAt: Date, expiresAt: Date, revokedAt: Date?, lastUsedAt: Date?
    package var secret: String?

    package init(_ token: StoredToken, secret: String? = nil) {
        id = token.id
        person = token.person
        name = token.name
        createdAt = token.createdAt
        expiresAt = token.expiresAt
        revokedAt = token.revokedAt
        lastUsedAt = token.lastUsedAt
        self.secret = secret
    }
}
