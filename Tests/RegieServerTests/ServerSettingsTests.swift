import Foundation
import Testing
@testable import RegieApp
import RegieCore

@Suite("server: in regie.yaml")
struct ServerSettingsTests {
    static func parse(_ server: String) throws -> Workspace {
        let yaml = """
            organisation: Test
            teams:
              - id: west
            people:
              - id: anna
                teams: [west]
                oidc_subject: anna-at-idp
            server:
            \(server)
            """
        return try WorkspaceLoader.parse(yaml, file: "regie.yaml", root: URL(fileURLWithPath: "/tmp"))
    }

    @Test("Defaults: loopback, 15 idle minutes, 12 hours, tokens 90 of at most 365 days, no identity provider")
    func defaults() throws {
        let settings = try Self.parse("  listen: 127.0.0.1:8080").server
        #expect(settings.host == "127.0.0.1" && settings.port == 8080)
        #expect(settings.sessionIdleMinutes == 15 && settings.sessionHours == 12)
        #expect(settings.tokenDefaultDays == 90 && settings.tokenMaxDays == 365)
        #expect(settings.oidc == nil)
        #expect(settings.groupCommit)
        #expect(!settings.isTLS)
    }

    @Test("Every setting is read, and an https public URL means TLS")
    func everything() throws {
        let workspace = try Self.parse("""
              listen: "[::1]:9000"
              public_url: https://regie.example.org
              session_idle_minutes: 30
              token_max_days: 30
              token_default_days: 7
              group_commit: false
              oidc:
                issuer: https://login.example.org/realms/zorg
                client_id: regie
                claim: preferred_username
                require_amr: [mfa, hwk]
            """)
        let settings = workspace.server
        #expect(settings.host == "::1" && settings.port == 9000)
        #expect(settings.isTLS)
        #expect(settings.sessionIdleMinutes == 30)
        #expect(settings.tokenDefaultDays == 7)
        #expect(settings.groupCommit == false)
        #expect(settings.oidc?.claim == "preferred_username")
        #expect(settings.oidc?.requiredMethods == ["mfa", "hwk"])
        #expect(workspace.people.first?.oidcSubject == "anna-at-idp")
    }

    @Test("Wrong settings are refused with the line they are on", arguments: [
        "  listen: 8080", "  listen: localhost:99999", "  public_url: ftp://regie.example.org", "  session_hours: 48",
        "  token_default_days: 400", "  colour: blue", "  trusted_proxies: [proxy.example.org]", "  group_commit: sometimes",
        "  oidc:\n    issuer: http://login.example.org\n    client_id: regie",
        "  oidc:\n    issuer: https://login.example.org\n    client_id: regie\n    claim: name",
    ])
    func refused(_ server: String) {
        #expect(throws: FileFormatError.self) { _ = try Self.parse(server) }
    }

    @Test("A read's address: the peer's; behind a trusted proxy the client's from X-Forwarded-For, never a claim from elsewhere")
    func clientAddress() throws {
        let settings = try Self.parse("  trusted_proxies: [10.0.0.2, 10.0.0.3]").server
        #expect(settings.trustedProxies == ["10.0.0.2", "10.0.0.3"])
        // Anyone may send X-Forwarded-For; only a trusted proxy's is believed.
        #expect(settings.clientAddress(peer: "198.51.100.4", forwardedFor: "203.0.113.9") == "198.51.100.4")
        #expect(settings.clientAddress(peer: "10.0.0.2", forwardedFor: nil) == "10.0.0.2")
        #expect(settings.clientAddress(peer: "10.0.0.2", forwardedFor: "203.0.113.9") == "203.0.113.9")
        // A client's own forged entry comes first; the proxies append what they saw.
        #expect(settings.clientAddress(peer: "10.0.0.2", forwardedFor: "192.0.2.66, 203.0.113.9, 10.0.0.3") == "203.0.113.9")
        #expect(settings.clientAddress(peer: "10.0.0.2", forwardedFor: "2001:db8::7") == "2001:db8::7")
        // Something that is no address is not recorded as one.
        #expect(settings.clientAddress(peer: "10.0.0.2", forwardedFor: "<script>, 10.0.0.3") == "10.0.0.3")
        #expect(settings.clientAddress(peer: "10.0.0.2", forwardedFor: "unknown") == "10.0.0.2")
    }
}
