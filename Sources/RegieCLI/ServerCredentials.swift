import Foundation
import RegieApp
import RegieCore
import RegieReports

/// The tokens `regie login` keeps, one per server, in the user's config folder
/// (`$XDG_CONFIG_HOME/regie/credentials.json`, else `~/.config/regie/credentials.json`). The
/// file is the user's alone (0600, in a 0700 folder) and is refused if others can read it: a
/// token opens case data.
struct ServerCredentials {
    struct Login: Codable, Equatable {
        var server: String
        var token: String
        /// Who the token belongs to, as the server said at login.
        var person: String
    }

    let path: URL
    private(set) var logins: [Login] = []

    /// The file for this environment; nil when there is no home folder to keep it in.
    static func location(_ environment: [String: String]) -> URL? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("regie/credentials.json")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".config/regie/credentials.json")
    }

    /// The logins kept at `path` (none when the file does not exist).
    init(path: URL) throws(RegieError) {
        self.path = path
        let manager = FileManager.default
        guard manager.fileExists(atPath: path.path) else { return }
        let attributes = try? manager.attributesOfItem(atPath: path.path)
        if let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0 {
            throw RegieError(.configuration, .credentialsUnsafe, ["path": .text(path.path)])
        }
        do {
            let data = try Data(contentsOf: path)
            logins = try JSONDecoder().decode([Login].self, from: data)
        } catch {
            throw RegieError(.configuration, .credentialsUnreadable, ["path": .text(path.path), "detail": "it is not a list of logins"])
        }
    }

    func login(for server: String) -> Login? { logins.first { $0.server == server } }

    mutating func set(_ login: Login) {
        logins.removeAll { $0.server == login.server }
        logins.append(login)
    }

    mutating func remove(server: String) { logins.removeAll { $0.server == server } }

    /// Writes the file whole, readable by the user alone: a new file beside it, then renamed
    /// over it, so that a failure leaves the old one.
    func save() throws(RegieError) {
        let folder = path.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".credentials-\(UUID().uuidString).json")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard FileManager.default.createFile(atPath: temporary.path, contents: try encoder.encode(logins),
                                                 attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            guard rename(temporary.path, path.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw RegieError(.configuration, .credentialsUnreadable, ["path": .text(path.path), "detail": "it could not be written"])
        }
    }
}
