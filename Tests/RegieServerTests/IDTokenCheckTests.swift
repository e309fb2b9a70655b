import Foundation
import JWTKit
import Testing
@testable import RegieServer
import RegieApp
import RegieReports

@Suite("Checking an ID token")
struct IDTokenCheckTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)
    static let check = IDTokenCheck(issuer: "https://login.example.org", clientID: "regie", requiredMethods: ["mfa"])

    static func claims(iss: String = "https://login.example.org", aud: [String] = ["regie"], exp: Double = 1_796_000_300,
                       nonce: String? = "n-1", amr: [String]? = ["pwd", "mfa"], azp: String? = nil) -> IDTokenClaims {
        IDTokenClaims(iss: iss, sub: "anna-sub", aud: AudienceClaim(value: aud), exp: exp, iat: 1_796_000_000, nonce: nonce, amr: amr, azp: azp)
    }

    /// The provider's keys as Regie holds them (public only), and a token signed by the private key.
    static func signed(_ claims: IDTokenClaims, by key: ES256PrivateKey = providerKey) async throws -> String {
        let signer = JWTKeyCollection()
        await signer.add(ecdsa: key, kid: "k1")
        return try await signer.sign(claims, kid: "k1")
    }

    static let providerKey = ES256PrivateKey()

    static func providerKeys() async -> JWTKeyCollection {
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: providerKey.publicKey, kid: "k1")
        return keys
    }

    func outcome(_ token: String) async -> ErrorCode? {
        do {
            _ = try await Self.check.verify(token, keys: await Self.providerKeys(), nonce: "n-1", now: Self.now)
            return nil
        } catch {
            return error.code
        }
    }

    @Test("A token signed by the provider, for this client and login, with a second factor, passes")
    func good() async throws {
        #expect(await outcome(try await Self.signed(Self.claims())) == nil)
        #expect(await outcome(try await Self.signed(Self.claims(aud: ["regie", "other"], azp: "regie"))) == nil)
    }

    @Test("Wrong audience, issuer, nonce, an expired token, another key or no signature are refused")
    func refused() async throws {
        #expect(await outcome(try await Self.signed(Self.claims(aud: ["someone-else"]))) == .oidcFailed)
        #expect(await outcome(try await Self.signed(Self.claims(aud: ["regie", "other"]))) == .oidcFailed, "several audiences need azp")
        #expect(await outcome(try await Self.signed(Self.claims(iss: "https://evil.example"))) == .oidcFailed)
        #expect(await outcome(try await Self.signed(Self.claims(nonce: "n-2"))) == .oidcFailed)
        #expect(await outcome(try await Self.signed(Self.claims(nonce: nil))) == .oidcFailed)
        #expect(await outcome(try await Self.signed(Self.claims(exp: 1_795_999_000))) == .oidcFailed)
        #expect(await outcome(try await Self.signed(Self.claims(), by: ES256PrivateKey())) == .oidcFailed)
        let good = try await Self.signed(Self.claims())
        let parts = good.split(separator: ".")
        let unsigned = RandomSecret.base64url(Array(#"{"alg":"none","typ":"JWT"}"#.utf8)) + "." + parts[1] + "."
        #expect(await outcome(unsigned) == .oidcFailed)
        let tampered = parts[0] + "." + RandomSecret.base64url(Array(#"{"iss":"https://login.example.org","sub":"root","aud":"regie","exp":1796000300,"nonce":"n-1","amr":["mfa"]}"#.utf8)) + "." + parts[2]
        #expect(await outcome(String(tampered)) == .oidcFailed)
    }

    @Test("Without a second factor in amr the login is refused for that reason")
    func noSecondFactor() async throws {
        #expect(await outcome(try await Self.signed(Self.claims(amr: ["pwd"]))) == .oidcNoSecondFactor)
        #expect(await outcome(try await Self.signed(Self.claims(amr: nil))) == .oidcNoSecondFactor)
        let lenient = IDTokenCheck(issuer: "https://login.example.org", clientID: "regie", requiredMethods: [])
        let token = try await Self.signed(Self.claims(amr: nil))
        #expect(try await lenient.verify(token, keys: await Self.providerKeys(), nonce: "n-1", now: Self.now).sub == "anna-sub")
    }
}
