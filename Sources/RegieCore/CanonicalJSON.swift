/// Encodes `Encodable` values as canonical JSON: object keys sorted by their UTF-8 bytes, no
/// whitespace, slashes not escaped, absent optionals left out. The same value always gives the
/// same bytes; the stored event payloads use it. It does what Foundation's `JSONEncoder` with
/// `.sortedKeys` does for Regie's types, at a fraction of the cost (see docs/PERFORMANCE.md).
public enum CanonicalJSON {
    /// The canonical JSON bytes of a value.
    /// - Throws: `EncodingError` for a value JSON cannot hold (a non-finite number).
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try (encoder.root ?? JSONNode(.object([:]))).write(into: &out)
        return out
    }
}

/// A JSON value under construction. Containers are references so that nested containers
/// handed out by the encoder can fill them later.
final class JSONNode {
    enum Kind {
        case null, bool(Bool), integer(String), double(Double), string(String)
        case array([JSONNode]), object([String: JSONNode])
    }

    var kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    func write(into out: inout [UInt8]) throws {
        switch kind {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let digits): out.append(contentsOf: digits.utf8)
        case .double(let d):
            guard d.isFinite else {
                throw EncodingError.invalidValue(d, .init(codingPath: [], debugDescription: "JSON has no non-finite numbers"))
            }
            out.append(contentsOf: (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)).utf8)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                try item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                try members[key]!.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x08: out.append(contentsOf: "\\b".utf8)
            case 0x0C: out.append(contentsOf: "\\f".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    func set(_ key: String, _ node: JSONNode) {
        guard case .object(var members) = kind else { return }
        kind = .null  // release the dictionary's storage so the write below does not copy it
        members[key] = node
        kind = .object(members)
    }

    func append(_ node: JSONNode) {
        guard case .array(var items) = kind else { return }
        kind = .null
        items.append(node)
        kind = .array(items)
    }
}

final class TreeEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var root: JSONNode?

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if root == nil { root = JSONNode(.object([:])) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: root!))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if root == nil { root = JSONNode(.array([])) }
        return UnkeyedContainer(node: root!)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    static func node(for value: some Encodable) throws -> JSONNode {
        switch value {
        case let s as String: return JSONNode(.string(s))
        case let i as Int: return JSONNode(.integer(String(i)))
        case let b as Bool: return JSONNode(.bool(b))
        default:
            let encoder = TreeEncoder()
            try value.encode(to: encoder)
            return encoder.root ?? JSONNode(.object([:]))
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) { node.set(key.stringValue, JSONNode(.null)) }
    mutating func encode(_ value: Bool, forKey key: Key) { node.set(key.stringValue, JSONNode(.bool(value))) }
    mutating func encode(_ value: String, forKey key: Key) { node.set(key.stringValue, JSONNode(.string(value))) }
    mutating func encode(_ value: Double, forKey key: Key) { node.set(key.stringValue, JSONNode(.double(value))) }
    mutating func encode(_ value: Float, forKey key: Key) { node.set(key.stringValue, JSONNode(.double(Double(value)))) }
    mutating func encode(_ value: Int, forKey key: Key) { node.set(key.stringValue, JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: Int8, forKey key: Key) { node.set(key.stringValue, JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: Int16, forKey key: Key) { node.set(key.stringValue, JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: Int32, forKey key: Key) { node.set(key.stringValue, JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: Int64, forKey key: Key) { node.set(key.stringValue, JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: UInt, forKey key: Key) { node.set(key.stringValue, JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: UInt8, forKey key: Key) { node.set(key.stringValue, JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: UInt16, forKey key: Key) { node.set(key.stringValue, JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: UInt32, forKey key: Key) { node.set(key.stringValue, JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: UInt64, forKey key: Key) { node.set(key.stringValue, JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws { node.set(key.stringValue, try TreeEncoder.node(for: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode(.object([:]))
        node.set(key.stringValue, child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = JSONNode(.array([]))
        node.set(key.stringValue, child)
        return UnkeyedContainer(node: child)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = TreeEncoder()
        encoder.root = JSONNode(.object([:]))
        node.set(key.stringValue, encoder.root!)
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    var codingPath: [any CodingKey] = []
    var count: Int {
        if case .array(let items) = node.kind { return items.count }
        return 0
    }

    mutating func encodeNil() { node.append(JSONNode(.null)) }
    mutating func encode(_ value: Bool) { node.append(JSONNode(.bool(value))) }
    mutating func encode(_ value: String) { node.append(JSONNode(.string(value))) }
    mutating func encode(_ value: Double) { node.append(JSONNode(.double(value))) }
    mutating func encode(_ value: Float) { node.append(JSONNode(.double(Double(value)))) }
    mutating func encode(_ value: Int) { node.append(JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: Int8) { node.append(JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: Int16) { node.append(JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: Int32) { node.append(JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: Int64) { node.append(JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: UInt) { node.append(JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: UInt8) { node.append(JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: UInt16) { node.append(JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: UInt32) { node.append(JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: UInt64) { node.append(JSONNode(.integer(String(value)))) }
    mutating func encode(_ value: some Encodable) throws { node.append(try TreeEncoder.node(for: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = JSONNode(.object([:]))
        node.append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = JSONNode(.array([]))
        node.append(child)
        return UnkeyedContainer(node: child)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = TreeEncoder()
        encoder.root = JSONNode(.object([:]))
        node.append(encoder.root!)
        return encoder
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() { encoder.root = JSONNode(.null) }
    mutating func encode(_ value: Bool) { encoder.root = JSONNode(.bool(value)) }
    mutating func encode(_ value: String) { encoder.root = JSONNode(.string(value)) }
    mutating func encode(_ value: Double) { encoder.root = JSONNode(.double(value)) }
    mutating func encode(_ value: Float) { encoder.root = JSONNode(.double(Double(value))) }
    mutating func encode(_ value: Int) { encoder.root = JSONNode(.integer(String(value))) }
    mutating func encode(_ value: Int8) { encoder.root = JSONNode(.integer(String(value))) }
    mutating func encode(_ value: Int16) { encoder.root = JSONNode(.integer(String(value))) }
    mutating func encode(_ value: Int32) { encoder.root = JSONNode(.integer(String(value))) }
    mutating func encode(_ value: Int64) { encoder.root = JSONNode(.integer(String(value))) }
    mutating func encode(_ value: UInt) { encoder.root = JSONNode(.integer(String(value))) }
    mutating func encode(_ value: UInt8) { encoder.root = JSONNode(.integer(String(value))) }
    mutating func encode(_ value: UInt16) { encoder.root = JSONNode(.integer(String(value))) }
    mutating func encode(_ value: UInt32) { encoder.root = JSONNode(.integer(String(value))) }
    mutating func encode(_ value: UInt64) { encoder.root = JSONNode(.integer(String(value))) }
    mutating func encode(_ value: some Encodable) throws { encoder.root = try TreeEncoder.node(for: value) }
}
