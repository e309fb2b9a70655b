import Foundation
import JWTKit
import RegieApp
import RegieReports

/// The claims of an OpenID Connect ID token that Regie reads.
struct IDTokenClaims: JWTPayload {
    var iss: String
    var sub: String
    var aud: AudienceClaim
    var exp: Double
    var iat: Double?
    var nonce: String?
    var amr: [String]?
    var azp: String?
    var preferredUsername: String?
    var email: String?
    var upn: String?
    var oid: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, nonce, amr, azp, email, upn, oid
        case preferredUsername = "preferred_username"
    }

    /// The time checks are made by ``IDTokenCheck`` against the request's clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// The value of one of the claims a person can be found by.
    func value(of claim: String) -> String? {
        switch claim {
        case "sub": sub
        case "preferred_username": preferredUsername
        case "email": email
        case "upn": upn
        case "oid": oid
        default: nil
        }
    }
}

/// Checks an ID token as OpenID Connect Core 1.0 §3.1.3.7 asks: the signature by one of the
/// provider's keys (never `none`, never a key the token brings), the issuer exactly, this client
/// in the audience (and as `azp` when there are others), not expired and not issued in the
/// future beyond a minute's drift, the nonce of this login, and a second factor in `amr`.
struct IDTokenCheck {
    let issuer: String
    let clientID: String
    let requiredMethods: [String]
    /// Clocks may differ this much between Regie and the provider.
    static let leeway: TimeInterval = 60

    /// - Returns: the verified claims. - Throws: ``RegieError`` with what was wrong, in words
    ///   that hold nothing of the token.
    func verify(_ token: String, keys: JWTKeyCollection, nonce: String, now: Date) async throws(RegieError) -> IDTokenClaims {
        let claims: IDTokenClaims
        do {
            claims = try await keys.verify(token, as: IDTokenClaims.self)
        } catch {
            throw Self.failed("the signature is not the provider's")
        }
        guard claims.iss == issuer else { throw Self.failed("another issuer") }
        guard claims.aud.value.contains(clientID) else { throw Self.failed("meant for another client") }
        if claims.aud.value.count > 1, claims.azp != clientID { throw Self.failed("meant for another client") }
        let time = now.timeIntervalSince1970
        guard claims.exp + Self.leeway > time else { throw Self.failed("expired") }
        if let issued = claims.iat, issued - Self.leeway > time { throw Self.failed("issued in the future") }
        guard let sent = claims.nonce, RandomSecret.equal(sent, nonce) else { throw Self.failed("not for this login") }
        if !requiredMethods.isEmpty, Set(claims.amr ?? []).isDisjoint(with: requiredMethods) {
            throw RegieError(.notPermitted, .oidcNoSecondFactor)
        }
        return claims
    }

    static func failed(_ reason: String) -> RegieError { RegieError(.notPermitted, .oidcFailed, ["reason": .text(reason)]) }
}
