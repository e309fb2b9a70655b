/// A plugin a case is pinned to: its name, the SHA-256 of its source, and the settings the
/// team gave it in `regie.yaml`. Like the workflow, the pins decide the case's rules until a
/// migration moves it on.
public struct PluginPin: Codable, Sendable, Equatable {
    public var name: String
    public var hash: String
    public var settings: [String: PluginSetting]

    public init(name: String, hash: String, settings: [String: PluginSetting] = [:]) {
        self.name = name
        self.hash = hash
        self.settings = settings
    }
}

/// One setting value from `regie.yaml`: plain data only.
public enum PluginSetting: Codable, Sendable, Equatable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case list([String])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else { self = .list(try container.decode([String].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .list(let value): try container.encode(value)
        }
    }
}
