import RegieReports
import Crypto
import Foundation

/// The workspace's Ed25519 key that signs checkpoints. It lives beside regie.yaml, readable by
/// its owner only, and never in the database: whoever can change the database must not also
/// be able to sign a new history. Keep a copy of an exported checkpoint elsewhere as well.
///
/// Only `regie init` (``loadOrCreate(at:)``) and a recorded rotation (`regie audit rotate-key`)
/// make a key: a key that has gone missing is a loud error, never silently replaced, since a new
/// key would make every older checkpoint read as signed by another. Beside it, `NAME.pub` holds
/// the public key, which is all that verifying needs; retired public keys are kept in
/// `NAME.retired`, one per line, so that checkpoints they signed still verify.
package enum SigningKeyFile {
    /// Reads the key, or creates it (mode 0600, its folder 0700) when there is none, with its
    /// public key beside it. Two processes creating it at once agree on one key: the file is
    /// created exclusively. For `regie init` only.
    package static func loadOrCreate(at path: String) throws(RegieError) -> Curve25519.Signing.PrivateKey {
        if let key = try load(at: path) {
            try writePublicKey(key, for: path)
            return key
        }
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let key = Curve25519.Signing.PrivateKey()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            if errno == EEXIST, let existing = try load(at: path) { return existing }
            throw unwritable(path)
        }
        let text = Array((key.rawRepresentation.base64EncodedString() + "\n").utf8)
        let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == text.count, synced == 0 else {
            unlink(path)
            throw unwritable(path)
        }
        try writePublicKey(key, for: path)
        return key
    }

    /// The key for signing, which must exist: a missing key is an error, never a new key.
    package static func required(at path: String) throws(RegieError) -> Curve25519.Signing.PrivateKey {
        guard let key = try load(at: path) else {
            throw RegieError(.configuration, .signingKeyMissing, ["path": "\(path)"])
        }
        return key
    }

    /// The public key that checkpoints must be signed with: `NAME.pub`, else the one of the
    /// private key (workspaces made before the public key was kept apart); nil when neither exists.
    package static func publicKey(_ workspace: Workspace) throws(RegieError) -> [UInt8]? {
        let path = workspace.signingKeyPath + ".pub"
        if FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), raw.count == 32
            else {
                throw RegieError(.configuration, .publicKeyUnreadable, ["path": "\(path)"])
            }
            return Array(raw)
        }
        return try? load(at: workspace.signingKeyPath).map { Array($0.publicKey.rawRepresentation) }
    }

    /// Public keys retired by `regie audit rotate-key`: checkpoints they signed still verify.
    package static func retiredKeys(_ workspace: Workspace) -> [[UInt8]] {
        guard let text = try? String(contentsOfFile: workspace.signingKeyPath + ".retired", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            line.split(separator: " ").first.flatMap { Data(base64Encoded: String($0)) }.flatMap { $0.count == 32 ? Array($0) : nil }
        }
    }

    /// Replaces the key with a new one and retires the old public key (kept in `NAME.retired`
    /// with the time and reason), for `regie audit rotate-key`.
    package static func rotate(_ workspace: Workspace, at date: Date, reason: String) throws(RegieError) -> Curve25519.Signing.PrivateKey {
        let path = workspace.signingKeyPath
        if let old = try publicKey(workspace) {
            let line = Data(old).base64EncodedString() + " " + ISO8601DateFormatter().string(from: date) + " "
                + reason.replacingOccurrences(of: "\n", with: " ") + "\n"
            let retired = (try? String(contentsOfFile: path + ".retired", encoding: .utf8)) ?? ""
            do {
                try Data((retired + line).utf8).write(to: URL(fileURLWithPath: path + ".retired"), options: .atomic)
            } catch {
                throw unwritable(path + ".retired")
            }
        }
        unlink(path)
        unlink(path + ".pub")
        return try loadOrCreate(at: path)
    }

    private static func writePublicKey(_ key: Curve25519.Signing.PrivateKey, for path: String) throws(RegieError) {
        let pub = path + ".pub"
        let text = key.publicKey.rawRepresentation.base64EncodedString() + "\n"
        if (try? String(contentsOfFile: pub, encoding: .utf8)) == text { return }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: pub), options: .atomic)
        } catch {
            throw unwritable(pub)
        }
    }

    /// - Returns: nil when there is no key file yet.
    package static func load(at path: String) throws(RegieError) -> Curve25519.Signing.PrivateKey? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else {
            throw RegieError(.configuration, .signingKeyUnreadable, ["path": "\(path)"])
        }
        return key
    }

    private static func unwritable(_ path: String) -> RegieError {
        RegieError(.storage, .signingKeyUnwritable, ["path": "\(path)"])
    }
}
