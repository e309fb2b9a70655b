/// Plain data that crosses between Swift and the sandbox. Tables with string keys keep their
/// keys sorted, so that the same data always looks the same.
package enum LuaValue: Sendable, Equatable {
    case `nil`
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([LuaValue])
    case table([(key: String, value: LuaValue)])

    package static func == (lhs: LuaValue, rhs: LuaValue) -> Bool {
        switch (lhs, rhs) {
        case (.nil, .nil): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.table(let a), .table(let b)): a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The value under `key` when this is a table with string keys.
    package subscript(key: String) -> LuaValue? {
        guard case .table(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// A table from key-value pairs; pairs whose value is nil are left out, as Lua would.
    package static func record(_ pairs: KeyValuePairs<String, LuaValue>) -> LuaValue {
        .table(pairs.filter { $0.value != .nil }.map { (key: $0.key, value: $0.value) }.sorted { $0.key < $1.key })
    }
}
