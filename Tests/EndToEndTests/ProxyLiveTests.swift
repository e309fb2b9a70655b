import Foundation
import Testing

/// docs/server.md's nginx example, as it stands, in front of `regie serve`: TLS at the proxy,
/// the redirect from http, metrics kept from the world, and the client's own address (never a
/// forged one) in the access log.
@Suite("regie serve behind the documented nginx")
struct ProxyLiveTests {
    /// The documentation's nginx configuration, put on free loopback ports with a certificate made
    /// for the test; nothing else of it is changed.
    static func documentedConfiguration(tls: Int, plain: Int, upstream: String, certificate: String, key: String) throws -> String {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let document = try String(contentsOf: repository.appendingPathComponent("docs/server.md"), encoding: .utf8)
        let start = try #require(document.range(of: "```nginx\n"))
        let end = try #require(document.range(of: "```", range: start.upperBound..<document.endIndex))
        var text = String(document[start.upperBound..<end.lowerBound])
        for (documented, here) in [
            ("listen 443 ssl http2;", "listen 127.0.0.2:\(tls) ssl http2;"), ("listen 80;", "listen 127.0.0.2:\(plain);"),
            ("/etc/letsencrypt/live/regie.example.org/fullchain.pem", certificate),
            ("/etc/letsencrypt/live/regie.example.org/privkey.pem", key), ("http://127.0.0.1:8080", upstream),
        ] {
            #expect(text.contains(documented), "docs/server.md's nginx example no longer has \(documented)")
            text = text.replacingOccurrences(of: documented, with: here)
        }
        return text
    }

    static func freePort() throws -> Int {
        let found = try Regie.tool(["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.2', 0)); print(s.getsockname()[1])"])
        return try #require(Int(found.out.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test("https through the proxy with HSTS, http redirected, /metrics refused, the client's address recorded and a forged one ignored")
    func documentedProxy() async throws {
        let regie = try Regie.workspace()
        let yaml = regie.folder.appendingPathComponent("regie.yaml")
        try (try String(contentsOf: yaml, encoding: .utf8) + """

            server:
              public_url: https://regie.example.org
              trusted_proxies: [127.0.0.1]

            """).write(to: yaml, atomically: true, encoding: .utf8)
        let token = try regie.token(for: "anna")
        let server = try RunningServer(regie)
        defer { server.stop() }
        #expect(try await server.call("POST", "/api/v1/cases", token: token, json: #"{"team": "west", "client_label": "J."}"#).status == 201)

        let folder = try Regie.temporaryFolder()
        // nginx's workers run as nobody when it is started as root: they must reach its folder.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        let certificate = folder.appendingPathComponent("cert.pem").path, key = folder.appendingPathComponent("key.pem").path
        let made = try Regie.tool(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=regie.example.org",
                                   "-addext", "subjectAltName=DNS:regie.example.org", "-keyout", key, "-out", certificate])
        try #require(made.status == 0, "\(made.err)")
        let tls = try Self.freePort(), plain = try Self.freePort()
        let site = try Self.documentedConfiguration(tls: tls, plain: plain, upstream: server.base, certificate: certificate, key: key)
        let temporary = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map { "\($0)_temp_path \(folder.path)/\($0);" }
        let configuration = """
            pid \(folder.path)/nginx.pid;
            error_log \(folder.path)/error.log;
            daemon off;
            worker_processes 1;
            events {}
            http {
                access_log off;
                \(temporary.joined(separator: "\n    "))
            \(site)
            }
            """
        let file = folder.appendingPathComponent("nginx.conf")
        try configuration.write(to: file, atomically: true, encoding: .utf8)
        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx") ? "/usr/sbin/nginx" : "/usr/bin/nginx")
        nginx.arguments = ["-p", folder.path, "-e", folder.path + "/error.log", "-c", file.path]
        nginx.standardOutput = FileHandle.nullDevice
        nginx.standardError = FileHandle.nullDevice
        try nginx.run()
        defer { nginx.terminate(); nginx.waitUntilExit() }

        // curl as a client on another loopback address than the proxy's, so that its address can be told apart.
        func curl(_ extra: [String]) throws -> (status: Int, headers: String) {
            var arguments = ["curl", "-sk", "--interface", "127.0.0.3", "--resolve", "regie.example.org:\(tls):127.0.0.2",
                             "-o", "/dev/null", "-D", "-", "-w", "##%{http_code}"]
            arguments += extra
            for _ in 0..<50 {
                let result = try Regie.tool(arguments)
                if let marker = result.out.range(of: "##"), let status = Int(result.out[marker.upperBound...]), status != 0 {
                    return (status, String(result.out[..<marker.lowerBound]))
                }
                Thread.sleep(forTimeInterval: 0.1)  // nginx is still starting
            }
            return (0, "")
        }
        let health = try curl(["https://regie.example.org:\(tls)/healthz"])
        #expect(health.status == 200)
        #expect(health.headers.lowercased().contains("strict-transport-security: max-age="), "\(health.headers)")
        let redirect = try curl(["http://127.0.0.2:\(plain)/healthz"])
        #expect(redirect.status == 301)
        #expect(try curl(["https://regie.example.org:\(tls)/metrics"]).status == 403)
        let read = try curl(["-H", "Authorization: Bearer \(token)", "-H", "X-Forwarded-For: 198.51.100.1",
                             "https://regie.example.org:\(tls)/api/v1/cases/1"])
        #expect(read.status == 200)

        let access = try regie.run(["audit", "access", "--case", "1", "--json"], environment: ["REGIE_USER": "anna"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(access.out.utf8)) as? [[String: Any]], "\(access.err)")
        #expect(entries.compactMap { $0["address"] as? String } == ["127.0.0.3"], "\(entries)")
    }
}
