import RegieReports
import Foundation
import RegieAudit

/// What a witness last cosigned: `size N` and `root HEX`, one per line.
package struct WitnessState {
    package var size: Int
    package var root: ChainHash

    package init(size: Int, root: ChainHash) {
        self.size = size
        self.root = root
    }

    /// - Returns: nil when the file does not exist yet (the first cosignature).
    package static func read(_ path: String) throws(RegieError) -> WitnessState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw unreadable(path) }
        let lines = text.split(separator: "\n")
        guard lines.count == 2, lines[0].hasPrefix("size "), let size = Int(lines[0].dropFirst(5)), size >= 0,
              lines[1].hasPrefix("root "), let root = ChainHash(hex: lines[1].dropFirst(5))
        else { throw unreadable(path) }
        return WitnessState(size: size, root: root)
    }

    package static func write(_ state: WitnessState, to path: String) throws(RegieError) {
        do {
            try Data("size \(state.size)\nroot \(state.root.hex)\n".utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RegieError(.storage, .witnessStateUnwritable, ["path": "\(path)"])
        }
    }

    private static func unreadable(_ path: String) -> RegieError {
        RegieError(.usage, .witnessStateInvalid, ["path": "\(path)"])
    }
}
