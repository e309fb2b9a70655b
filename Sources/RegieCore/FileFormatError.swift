/// A problem in a YAML file Regie reads (a workflow, a workspace), with where it is.
public struct FileFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is not tied to a line.
    public var line: Int
    /// What was wrong or expected, as one clause: "expected `true` or `false` for `required`".
    public var problem: String

    public init(file: String, line: Int, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String { line > 0 ? "\(file):\(line): \(problem)" : "\(file): \(problem)" }
}
