import Foundation
import RegieStore

/// Where a PostgreSQL store is: `postgres://user@host:port/database`, with `?sslmode=` as
/// libpq spells it (`disable`, the default; `prefer`; `require`, `verify-ca` and `verify-full`,
/// which all demand TLS with the server's certificate verified). The password is never part
/// of ``description``: it comes from the environment or a file (``PostgresPassword``).
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var tls: TLSMode
    /// A password written into the URL itself (only accepted from the environment).
    public var urlPassword: String?

    /// Whether a `database:` value names PostgreSQL rather than a SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// - Returns: nil for anything that is not a complete URL of this form.
    public init?(url text: String) {
        guard Self.isURL(text), let components = URLComponents(string: text), let host = components.host, !host.isEmpty,
              let user = components.user, !user.isEmpty
        else { return nil }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else { return nil }
        var tls = TLSMode.disable
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else { return nil }
            switch item.value {
            case "disable": tls = .disable
            case "prefer", "allow": tls = .prefer
            case "require", "verify-ca", "verify-full": tls = .require
            default: return nil
            }
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { return nil }
        self.host = host
        self.port = port
        self.user = user.removingPercentEncoding ?? user
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
        self.urlPassword = components.password.map { $0.removingPercentEncoding ?? $0 }
    }

    /// The URL without any password: safe for messages and logs.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (tls == .disable ? "" : "?sslmode=\(tls.rawValue)")
    }
}
