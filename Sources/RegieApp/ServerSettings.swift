import Foundation

/// `server:` in regie.yaml: how `regie serve` listens and how long a login lasts.
package struct ServerSettings: Sendable, Equatable {
    /// The address to listen on. Loopback by default: put a TLS-terminating proxy in front
    /// (docs/server.md) rather than exposing plain HTTP.
    package var host = "127.0.0.1"
    package var port = 8080
    /// The address people reach the server at, such as https://regie.example.org; nil: the
    /// listen address over http. An https URL turns on HSTS.
    package var publicURL: URL?
    /// The addresses of the TLS-terminating proxies in front of the server. A request from one
    /// of them is recorded as coming from the address its `X-Forwarded-For` names; any other
    /// request's `X-Forwarded-For` is ignored, since anyone can send one.
    package var trustedProxies: [String] = []
    /// The longest an API token may be made for, in days, and the default.
    package var tokenMaxDays = 365
    package var tokenDefaultDays = 90
    /// The largest request body accepted, in bytes.
    package var maxBodyBytes = 256 * 1024
    /// How many seconds a request may take to arrive before the connection is dropped.
    package var requestTimeoutSeconds = 30
    /// A login session ends after this many minutes without a request, and after this many
    /// hours however active it is.
    package var sessionIdleMinutes = 15
    package var sessionHours = 12
    /// How long an enrolment link for a local account works, in hours.
    package var enrolmentHours = 72
    /// After this many failed logins in a row a local account is locked for `lockoutMinutes`.
    package var lockoutAttempts = 5
    package var lockoutMinutes = 15
    /// How many cases, as replayed from their events, a server keeps in memory for the agenda
    /// and the case list (a few kilobytes each); 0: none.
    package var caseCache = 10_000
    /// Whether the reads and token uses of requests that arrive together are written in one
    /// transaction (each request still waits until its own are stored); off: one each.
    package var groupCommit = true
    /// bcrypt's cost for local accounts' passwords (2^cost rounds).
    package var bcryptCost = 12

    /// `oidc:`: logging in through the organisation's identity provider; nil: local accounts only.
    package var oidc: OIDCSettings?

    package init() {}

    /// The identity provider (Entra ID, Keycloak, Dezi): where it is, who Regie is to it, which
    /// claim names the person, and which authentication methods count as multi-factor.
    package struct OIDCSettings: Sendable, Equatable {
        /// The issuer, exactly as the provider's ID tokens name it; discovery is read below it.
        package var issuer: URL
        package var clientID: String
        /// A file holding the client secret (relative to the workspace); or REGIE_OIDC_CLIENT_SECRET.
        package var clientSecretFile: String?
        /// Which claim of the ID token is matched against `oidc_subject` of the workspace's people.
        package var claim = "sub"
        /// The ID token's `amr` must hold one of these; empty: no second factor asked (not advised).
        package var requiredMethods = ["mfa"]
        /// What the login button says.
        package var name = "OpenID Connect"
    }

    /// The network address a request is recorded as coming from: the peer's, or behind a
    /// trusted proxy the last address in `X-Forwarded-For` that is not itself a trusted proxy.
    package func clientAddress(peer: String, forwardedFor: String?) -> String {
        guard trustedProxies.contains(peer), let forwardedFor else { return peer }
        var address = peer
        for hop in forwardedFor.split(separator: ",").reversed() {
            let hop = hop.trimmingCharacters(in: .whitespaces)
            // Garbage is not recorded as an address: the last trusted hop is, the proxy.
            guard !hop.isEmpty, hop.count <= 45, hop.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else { break }
            address = hop
            if !trustedProxies.contains(hop) { break }
        }
        return address
    }

    /// The public URL uses https: the server then sends HSTS and marks cookies `Secure`.
    package var isTLS: Bool { publicURL?.scheme == "https" }
}
