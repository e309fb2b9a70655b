import Yams

/// Typed access to a parsed YAML mapping that reports every mistake with the file and line.
/// Unknown keys are errors, so that a typo in a file never passes silently.
package struct YAMLNodeReader {
    package let file: String
    package let node: Node
    package let mapping: Node.Mapping

    /// Bounds on every YAML file Regie reads. Aliases (`*name`) are shared, not copied, when
    /// parsed, but each one is a whole copy to whoever walks the tree, so a small file of
    /// aliases of aliases can stand for gigabytes: it is refused before anything walks it.
    package static let maximumBytes = 4 << 20
    package static let maximumNodes = 100_000
    package static let maximumDepth = 64

    /// Parses a whole document whose root must be a mapping.
    package static func document(_ text: String, file: String) throws(FileFormatError) -> YAMLNodeReader {
        guard text.utf8.count <= maximumBytes else {
            throw FileFormatError(file: file, line: 0, problem: "the file is larger than \(maximumBytes >> 20) MiB")
        }
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
        var budget = maximumNodes
        try checkSize(root, depth: 0, budget: &budget, file: file)
        return try YAMLNodeReader(root, file: file, what: "the document")
    }

    /// Counts the nodes as a reader would meet them (each alias in full) and stops at the bounds.
    private static func checkSize(_ node: Node, depth: Int, budget: inout Int, file: String) throws(FileFormatError) {
        budget -= 1
        guard budget >= 0 else {
            throw FileFormatError(file: file, line: node.mark?.line ?? 0,
                                  problem: "the file holds more than \(maximumNodes) values once its aliases are expanded")
        }
        guard depth <= maximumDepth else {
            throw FileFormatError(file: file, line: node.mark?.line ?? 0, problem: "values are nested more than \(maximumDepth) deep")
        }
        switch node {
        case .scalar, .alias: return
        case .mapping(let mapping):
            for (key, value) in mapping {
                try checkSize(key, depth: depth + 1, budget: &budget, file: file)
                try checkSize(value, depth: depth + 1, budget: &budget, file: file)
            }
        case .sequence(let sequence):
            for value in sequence { try checkSize(value, depth: depth + 1, budget: &budget, file: file) }
        }
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

    /// The line of a key's value, or of the mapping when the key is absent.
    package func line(of key: String) -> Int { mapping[key]?.mark?.line ?? line }

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

    /// A whole number under `key` within `range`, or `defaultValue` when the key is absent.
    package func int(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(FileFormatError) -> Int {
        guard let value = mapping[key] else { return defaultValue }
        guard case .scalar(let scalar) = value, let number = Int(scalar.string), range.contains(number) else {
            throw FileFormatError(file: file, line: value.mark?.line ?? line,
                                  problem: "expected a whole number from \(range.lowerBound) to \(range.upperBound) for `\(key)`")
        }
        return number
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
