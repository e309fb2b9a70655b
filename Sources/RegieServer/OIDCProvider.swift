import AsyncHTTPClient
import Foundation
import JWTKit
import NIOCore
import NIOHTTP1
import RegieApp
import RegieReports

/// The organisation's identity provider, as Regie talks to it: its discovery document and keys
/// (fetched and kept for a while; the keys again when a token names one Regie lacks), the
/// authorization code flow's two legs, and the check of the ID token.
actor OIDCProvider {
    let settings: ServerSettings.OIDCSettings
    let clientSecret: String?
    private let client: HTTPClient

    private struct Discovery: Decodable {
        var issuer: String
        var authorizationEndpoint: String
        var tokenEndpoint: String
        var jwksUri: String
    }

    private var discovery: (value: Discovery, at: Date)?
    private var keys: (value: JWTKeyCollection, at: Date)?
    /// How long discovery and keys are kept before they are fetched again.
    static let keep: TimeInterval = 3600

    init(settings: ServerSettings.OIDCSettings, clientSecret: String?, client: HTTPClient = .shared) {
        self.settings = settings
        self.clientSecret = clientSecret
        self.client = client
    }

    /// Where to send the browser: the provider's authorization endpoint with this login's
    /// state, nonce and PKCE challenge (S256).
    func authorizationURL(state: String, nonce: String, verifier: String, redirect: String) async throws(RegieError) -> String {
        let endpoint = try await discovered().authorizationEndpoint
        let challenge = RandomSecret.base64url(RandomSecret.hash(verifier))
        guard var components = URLComponents(string: endpoint) else { throw IDTokenCheck.failed("its authorization address is not usable") }
        components.queryItems = (components.queryItems ?? []) + [
            URLQueryItem(name: "response_type", value: "code"), URLQueryItem(name: "client_id", value: settings.clientID),
            URLQueryItem(name: "redirect_uri", value: redirect), URLQueryItem(name: "scope", value: "openid profile email"),
            URLQueryItem(name: "state", value: state), URLQueryItem(name: "nonce", value: nonce),
            URLQueryItem(name: "code_challenge", value: challenge), URLQueryItem(name: "code_challenge_method", value: "S256"),
        ]
        guard let url = components.string else { throw IDTokenCheck.failed("its authorization address is not usable") }
        return url
    }

    /// Trades the code for tokens at the token endpoint and checks the ID token.
    func logIn(code: String, verifier: String, redirect: String, nonce: String, now: Date) async throws(RegieError) -> IDTokenClaims {
        let endpoint = try await discovered().tokenEndpoint
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        var form = ["grant_type": "authorization_code", "code": code, "redirect_uri": redirect, "code_verifier": verifier]
        if let clientSecret {
            let basic = Data("\(Self.formEncoded(settings.clientID)):\(Self.formEncoded(clientSecret))".utf8).base64EncodedString()
            request.headers.add(name: "Authorization", value: "Basic \(basic)")
        } else {
            form["client_id"] = settings.clientID
        }
        request.body = .bytes(ByteBuffer(string: form.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.formEncoded($0.value))" }.joined(separator: "&")))
        struct Tokens: Decodable { var idToken: String? }
        let tokens: Tokens = try await fetch(request, what: "its token answer")
        guard let idToken = tokens.idToken else { throw IDTokenCheck.failed("no ID token") }
        let check = IDTokenCheck(issuer: settings.issuer.absoluteString.trimmingSlash, clientID: settings.clientID,
                                 requiredMethods: settings.requiredMethods)
        do {
            return try await check.verify(idToken, keys: try await signingKeys(refresh: false), nonce: nonce, now: now)
        } catch where error.code == .oidcFailed {
            // The provider may have rolled its keys over since they were fetched: once more with fresh ones.
            return try await check.verify(idToken, keys: try await signingKeys(refresh: true), nonce: nonce, now: now)
        }
    }

    private func discovered() async throws(RegieError) -> Discovery {
        if let discovery, Date().timeIntervalSince(discovery.at) < Self.keep { return discovery.value }
        let address = settings.issuer.absoluteString.trimmingSlash + "/.well-known/openid-configuration"
        let found: Discovery = try await fetch(HTTPClientRequest(url: address), what: "its discovery document")
        guard found.issuer.trimmingSlash == settings.issuer.absoluteString.trimmingSlash else {
            throw IDTokenCheck.failed("its discovery document names another issuer")
        }
        discovery = (found, Date())
        return found
    }

    private func signingKeys(refresh: Bool) async throws(RegieError) -> JWTKeyCollection {
        if !refresh, let keys, Date().timeIntervalSince(keys.at) < Self.keep { return keys.value }
        if refresh, let keys, Date().timeIntervalSince(keys.at) < 60 { return keys.value }
        let address = try await discovered().jwksUri
        let jwks: JWKS = try await fetch(HTTPClientRequest(url: address), what: "its keys")
        let collection = JWTKeyCollection()
        do {
            try await collection.add(jwks: jwks)
        } catch {
            throw IDTokenCheck.failed("its keys are not usable")
        }
        keys = (collection, Date())
        return collection
    }

    /// One request to the provider: a JSON answer within 1 MB and 10 seconds.
    private func fetch<T: Decodable>(_ request: HTTPClientRequest, what: String) async throws(RegieError) -> T {
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 1 << 20)
            guard response.status == .ok else { throw IDTokenCheck.failed("\(what) came back with \(response.status.code)") }
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(T.self, from: Data(body.readableBytesView))
        } catch let error as RegieError {
            throw error
        } catch is DecodingError {
            throw IDTokenCheck.failed("\(what) is not what OpenID Connect describes")
        } catch {
            throw IDTokenCheck.failed("it could not be reached")
        }
    }

    static func formEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

extension String {
    var trimmingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
