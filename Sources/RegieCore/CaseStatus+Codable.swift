extension CaseStatus: Codable {
    enum CodingKeys: String, CodingKey {
        case state, phase, pause, close
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let phase = try container.decode(Phase.self, forKey: .phase)
        switch try container.decode(String.self, forKey: .state) {
        case "active": self = .active(phase)
        case "paused": self = .paused(phase, try container.decode(PauseInfo.self, forKey: .pause))
        case "closed": self = .closed(phase, try container.decode(CloseInfo.self, forKey: .close))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: container, debugDescription: "expected active, paused or closed")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(phase, forKey: .phase)
        switch self {
        case .active: break
        case .paused(_, let info): try container.encode(info, forKey: .pause)
        case .closed(_, let info): try container.encode(info, forKey: .close)
        }
    }
}
