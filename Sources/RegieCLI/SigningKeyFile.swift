import Crypto
import Foundation

/// The workspace's Ed25519 key that signs checkpoints. It lives beside regie.yaml, readable by
/// its owner only, and never in the database: whoever can change the database must not also
/// be able to sign a new history. Keep a copy of an exported checkpoint elsewhere as well.
enum SigningKeyFile {
    /// Reads the key, or creates it (mode 0600, its folder 0700) when there is none. Two
    /// processes creating it at once agree on one key: the file is created exclusively.
    static func loadOrCreate(at path: String) throws(RegieError) -> Curve25519.Signing.PrivateKey {
        if let key = try load(at: path) { return key }
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
        return key
    }

    /// - Returns: nil when there is no key file yet.
    static func load(at path: String) throws(RegieError) -> Curve25519.Signing.PrivateKey? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else {
            throw RegieError(.configuration, en: "The audit signing key \(path) cannot be read.",
                             nl: "De ondertekensleutel van het auditspoor \(path) kan niet worden gelezen.",
                             hintEN: "Restore it from a backup; never replace it with a new one without a note in the record.",
                             hintNL: "Zet hem terug uit een back-up; vervang hem nooit zonder aantekening door een nieuwe.")
        }
        return key
    }

    private static func unwritable(_ path: String) -> RegieError {
        RegieError(.storage, en: "The audit signing key could not be written to \(path).",
                   nl: "De ondertekensleutel van het auditspoor kon niet worden geschreven naar \(path).",
                   hintEN: "Check that the workspace folder is writable.", hintNL: "Controleer of de werkomgevingsmap beschrijfbaar is.")
    }
}
