import Foundation

/// Ids that people type and files name: team and person ids, workflow and plugin names.
public enum Identifier {
    /// The one form an id is compared in: trimmed and in Unicode NFC, so that `é` typed as one
    /// character and as `e` with an accent are the same team.
    public static func normalised(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    /// True for a name that can be a file's name inside the workspace's `workflows/` or
    /// `plugins/` folder and nothing else: 1 to 64 ASCII letters, digits, `_`, `-` and `.`,
    /// starting with a letter or digit, with no `..`. So no name reaches outside the folder.
    public static func isFileName(_ name: String) -> Bool {
        guard (1...64).contains(name.utf8.count), !name.contains("..") else { return false }
        let bytes = Array(name.utf8)
        func allowed(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
        guard let first = bytes.first, allowed(first), first != UInt8(ascii: "."), first != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy(allowed)
    }
}
