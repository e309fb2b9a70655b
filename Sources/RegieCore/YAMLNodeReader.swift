import Yams

/// Typed access to a parsed YAML mapping that reports every mistake with the file and line.
/// Unknown keys are errors, so that a typo in a file never passes silently.
package struct YAMLNodeReader {
    package let file: String
    package let node: Node
    package let mapping: Node.Mapping

    /// Parses a whole document whose root must be a mapping.
    package static func document(_ text: String, file: String) throws(FileFormatError) -> YAMLNodeReader {
        let root: Node?
        do {
            // The basic resolver skips the regular expressions Yams uses to guess scalar types;
            // Regie reads every scalar as text and converts it itself.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw FileFormatError(file: file, line: Self.line(of: error), problem: Self.problem(of: error))
        } catch {
            throw FileFormatError(file: file, line: 0, problem: "the file is not valid YAML")
        }
        guard let root else { throw FileFormatError(file: file, line: 0, problem: "the file is empty") }
        return try YAMLNodeReader(root, file: file, what: "the document")
    }

    package init(_ node: Node, file: String, what: String) throws(FileFormatError) {
        guard case .mapping(let mapping) = node else {
            throw FileFormatError(file: file, line: node.mark?.line ?? 0, problem: "expected a mapping (key: value) for \(what)")
        }
        self.file = file
        self.node = node
        self.mapping = mapping
    }

    package var line: Int { node.mark?.line ?? 0 }

    /// Refuses keys that are not in `allowed`.
    package func allowOnly(_ allowed: [String]) throws(FileFormatError) {
        for key in mapping.keys {
            guard let name = key.string, allowed.contains(name) else {
                throw FileFormatError(
                    file: file, line: key.mark?.line ?? line,
                    problem: "unknown key `\(key.string ?? "?")`; expected one of: \(allowed.joined(separator: ", "))")
            }
        }
    }

    package func has(_ key: String) -> Bool { mapping[key] != nil }

    package func string(_ key: String) throws(FileFormatError) -> String {
        guard let value = try optionalString(key) else {
            throw FileFormatError(file: file, line: line, problem: "missing `\(key)`")
        }
        return value
    }

    package func optionalString(_ key: String) throws(FileFormatError) -> String? {
        guard let value = mapping[key] else { return nil }
        guard case .scalar(let scalar) = value else {
            throw FileFormatError(file: file, line: value.mark?.line ?? line, problem: "expected text for `\(key)`")
        }
        let text = scalar.string.trimmingCharactersInWhitespace()
        guard !text.isEmpty else {
            throw FileFormatError(file: file, line: value.mark?.line ?? line, problem: "`\(key)` is empty")
        }
        return text
    }

    package func bool(_ key: String, default defaultValue: Bool) throws(FileFormatError) -> Bool {
        guard let value = mapping[key] else { return defaultValue }
        guard let bool = value.bool, case .scalar = value else {
            throw FileFormatError(file: file, line: value.mark?.line ?? line, problem: "expected `true` or `false` for `\(key)`")
        }
        return bool
    }

    /// The items of a sequence under `key`; empty when the key is absent.
    package func sequence(_ key: String) throws(FileFormatError) -> [Node] {
        guard let value = mapping[key] else { return [] }
        guard case .sequence(let sequence) = value else {
            throw FileFormatError(file: file, line: value.mark?.line ?? line, problem: "expected a list for `\(key)`")
        }
        return Array(sequence)
    }

    package func child(_ key: String) throws(FileFormatError) -> YAMLNodeReader? {
        guard let value = mapping[key] else { return nil }
        return try YAMLNodeReader(value, file: file, what: "`\(key)`")
    }

    /// The mapping's keys in file order, with their nodes.
    package var entries: [(key: String, line: Int, value: Node)] {
        mapping.map { (key: $0.key.string ?? "", line: $0.key.mark?.line ?? line, value: $0.value) }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: 0
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            "the file is not valid YAML (\(problem))"
        default: "the file is not valid YAML"
        }
    }
}
