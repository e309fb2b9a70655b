import RegieReports
import Foundation
import RegieCore
import RegieStore

extension CaseSession {
    /// Makes an API token for the acting person. The secret is returned once and never stored.
    /// - Parameter days: how long it lasts (nil: the server's default).
    package func createToken(name: String, days: Int?) async throws(RegieError) -> (token: StoredToken, secret: String) {
        let person = try person()
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...60).contains(name.count), !NationalIdentifier.appears(in: name), !name.contains(where: \.isNewline) else {
            throw RegieError(.usage, .tokenNameInvalid)
        }
        let settings = workspace.server
        let days = days ?? settings.tokenDefaultDays
        guard (1...settings.tokenMaxDays).contains(days) else {
            throw RegieError(.usage, .tokenLifetimeInvalid, ["max": .number(settings.tokenMaxDays)])
        }
        let (secret, hash, id) = APITokenSecret.generate()
        let token = StoredToken(id: id, secretHash: hash, person: person.id, name: name, createdAt: now, createdBy: person.id,
                                expiresAt: now.addingTimeInterval(Double(days) * 86_400))
        do {
            try await store.addToken(token)
        } catch {
            throw RegieError.from(error)
        }
        return (token, secret)
    }

    /// The acting person's tokens, newest first, expired and revoked ones included.
    package func tokens() async throws(RegieError) -> [StoredToken] {
        let person = try person()
        do {
            return try await store.tokens(of: person.id)
        } catch {
            throw RegieError.from(error)
        }
    }

    /// Revokes one of the acting person's tokens.
    package func revokeToken(id: String) async throws(RegieError) {
        let person = try person()
        let mine: [StoredToken]
        do {
            mine = try await store.tokens(of: person.id)
        } catch {
            throw RegieError.from(error)
        }
        guard mine.contains(where: { $0.id == id && $0.revokedAt == nil }) else {
            throw RegieError(.notFound, .tokenNotFound, ["token": .text(id)])
        }
        do {
            _ = try await store.revokeToken(id: id, by: person.id, at: now)
        } catch {
            throw RegieError.from(error)
        }
    }
}
