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
    /// The longest an API token may be made for, in days, and the default.
    package var tokenMaxDays = 365
    package var tokenDefaultDays = 90
    /// The largest request body accepted, in bytes.
    package var maxBodyBytes = 256 * 1024
    /// How many seconds a request may take to arrive before the connection is dropped.
    package var requestTimeoutSeconds = 30

    package init() {}

    /// The public URL uses https: the server then sends HSTS and marks cookies `Secure`.
    package var isTLS: Bool { publicURL?.scheme == "https" }
}
