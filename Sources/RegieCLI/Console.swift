import RegieApp
import RegieCore
import Foundation

/// Where commands write. Standard output by default; tests and the demo swap it with
/// `Console.$current.withValue(...)`.
public final class Console: @unchecked Sendable {
    @TaskLocal public static var current = Console()

    private let lock = NSLock()
    private let capturesOutput: Bool
    private var buffer = ""

    /// A console that writes to standard output.
    public init() { capturesOutput = false }

    /// A console that collects what is written (see ``captured``).
    public static func capturing() -> Console { Console(capturesOutput: true) }

    private init(capturesOutput: Bool) { self.capturesOutput = capturesOutput }

    /// Everything written to a capturing console.
    public var captured: String { lock.withLock { buffer } }

    func line(_ text: String = "") { write(text + "\n") }

    /// Writes text as it is, without adding a line break.
    func write(_ text: String) {
        if !capturesOutput {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            lock.withLock { buffer += text }
        }
    }
}
