import Foundation
import RegieCore
import Yams

extension WorkspaceLoader {
    /// `server:`: `listen` (host:port), `public_url`, `token_max_days`, `token_default_days`,
    /// `max_body_kb`, `request_timeout_seconds`, `session_idle_minutes`, `session_hours`,
    /// `enrolment_hours`, `lockout_attempts`, `lockout_minutes`, `trusted_proxies`, `case_cache`, `group_commit`, `oidc`.
    static func serverSettings(_ node: YAMLNodeReader, file: String) throws(FileFormatError) -> ServerSettings {
        try node.allowOnly(["listen", "public_url", "token_max_days", "token_default_days", "max_body_kb", "request_timeout_seconds",
                            "session_idle_minutes", "session_hours", "enrolment_hours", "lockout_attempts", "lockout_minutes", "trusted_proxies", "case_cache", "group_commit",
                            "oidc"])
        var settings = ServerSettings()
        if let listen = try node.optionalString("listen") {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (1...65535).contains(port),
                  colon > listen.startIndex
            else {
                throw FileFormatError(file: file, line: node.line(of: "listen"),
                                      problem: "`listen` must be a host and port such as 127.0.0.1:8080")
            }
            settings.host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            settings.port = port
        }
        if let text = try node.optionalString("public_url") {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                  url.query == nil, url.fragment == nil, url.user == nil
            else {
                throw FileFormatError(file: file, line: node.line(of: "public_url"),
                                      problem: "`public_url` must be an address such as https://regie.example.org")
            }
            settings.publicURL = url
        }
        func number(_ key: String, _ range: ClosedRange<Int>) throws(FileFormatError) -> Int? {
            guard let text = try node.optionalString(key) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw FileFormatError(file: file, line: node.line(of: key),
                                      problem: "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        settings.tokenMaxDays = try number("token_max_days", 1...3650) ?? settings.tokenMaxDays
        settings.tokenDefaultDays = try number("token_default_days", 1...3650) ?? min(settings.tokenDefaultDays, settings.tokenMaxDays)
        guard settings.tokenDefaultDays <= settings.tokenMaxDays else {
            throw FileFormatError(file: file, line: node.line(of: "token_default_days"),
                                  problem: "`token_default_days` must not be more than `token_max_days`")
        }
        settings.maxBodyBytes = (try number("max_body_kb", 1...65536)).map { $0 * 1024 } ?? settings.maxBodyBytes
        settings.requestTimeoutSeconds = try number("request_timeout_seconds", 1...600) ?? settings.requestTimeoutSeconds
        settings.sessionIdleMinutes = try number("session_idle_minutes", 1...240) ?? settings.sessionIdleMinutes
        settings.sessionHours = try number("session_hours", 1...24) ?? settings.sessionHours
        settings.enrolmentHours = try number("enrolment_hours", 1...336) ?? settings.enrolmentHours
        settings.lockoutAttempts = try number("lockout_attempts", 3...20) ?? settings.lockoutAttempts
        settings.lockoutMinutes = try number("lockout_minutes", 1...1440) ?? settings.lockoutMinutes
        settings.caseCache = try number("case_cache", 0...1_000_000) ?? settings.caseCache
        if let text = try node.optionalString("group_commit") {
            guard let value = ["true": true, "false": false][text] else {
                throw FileFormatError(file: file, line: node.line(of: "group_commit"), problem: "`group_commit` must be true or false")
            }
            settings.groupCommit = value
        }
        if node.has("trusted_proxies") {
            settings.trustedProxies = try node.sequence("trusted_proxies").map { item throws(FileFormatError) in
                guard let text = item.string, !text.isEmpty, text.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else {
                    throw FileFormatError(file: file, line: node.line(of: "trusted_proxies"),
                                          problem: "`trusted_proxies` must be a list of IP addresses such as 127.0.0.1")
                }
                return text
            }
        }
        if let oidc = try node.child("oidc") {
            settings.oidc = try oidcSettings(oidc, file: file)
        }
        return settings
    }

    /// `oidc:`: `issuer`, `client_id`, `client_secret_file`, `claim`, `require_amr`, `name`.
    private static func oidcSettings(_ node: YAMLNodeReader, file: String) throws(FileFormatError) -> ServerSettings.OIDCSettings {
        try node.allowOnly(["issuer", "client_id", "client_secret_file", "claim", "require_amr", "name"])
        let text = try node.string("issuer")
        // https, or http on this machine only (a provider for tests).
        guard let issuer = URL(string: text), let host = issuer.host, issuer.query == nil, issuer.fragment == nil,
              issuer.scheme == "https" || (issuer.scheme == "http" && ["127.0.0.1", "localhost", "::1"].contains(host))
        else {
            throw FileFormatError(file: file, line: node.line(of: "issuer"), problem: "`issuer` must be an https address such as https://login.example.org/realms/zorg")
        }
        let clientID = try node.string("client_id")
        guard !clientID.isEmpty else { throw FileFormatError(file: file, line: node.line(of: "client_id"), problem: "`client_id` is empty") }
        var settings = ServerSettings.OIDCSettings(issuer: issuer, clientID: clientID)
        settings.clientSecretFile = try node.optionalString("client_secret_file")
        let claim = try node.optionalString("claim") ?? "sub"
        guard ["sub", "preferred_username", "email", "upn", "oid"].contains(claim) else {
            throw FileFormatError(file: file, line: node.line(of: "claim"), problem: "`claim` must be sub, preferred_username, email, upn or oid")
        }
        settings.claim = claim
        if node.entries.contains(where: { $0.key == "require_amr" }) {
            settings.requiredMethods = try node.sequence("require_amr").map { item throws(FileFormatError) in
                guard let text = item.string, !text.isEmpty else {
                    throw FileFormatError(file: file, line: node.line(of: "require_amr"), problem: "`require_amr` must be a list of method names such as mfa")
                }
                return text
            }
        }
        settings.name = try node.optionalString("name") ?? settings.name
        return settings
    }
}
