import RegieCore

/// The arguments of a guard call, encoded once, so a benchmark can time the call apart from
/// building them (Benchmarks/Sources/workload, `guard-parts`).
public struct PreparedGuardCall: Sendable {
    let arguments: [UInt8]
}

extension LuaPlugin {
    /// Encodes a guard call's arguments for a case (an advance; an empty `ctx`).
    public static func prepareGuardCall(for state: CaseState?) -> PreparedGuardCall {
        var subject: [UInt8] = []
        LuaValueCoding.encode(.record(["kind": .string("advance")]), into: &subject)
        let empty: [UInt8] = [UInt8(ascii: "m"), 0, 0, 0, 0]
        return PreparedGuardCall(arguments: arguments(subject: subject, snapshot: state?.luaSnapshotBytes ?? empty, context: empty))
    }

    /// Calls the guard with prepared arguments.
    /// - Returns: whether it said `true`.
    public func callGuard(_ prepared: PreparedGuardCall) throws(PluginError) -> Bool {
        try prepared.arguments.withUnsafeBufferPointer { bytes throws(PluginError) in
            try call("guard", arguments: bytes)?.0 == .bool(true)
        }
    }

    /// The size of a case's snapshot, built afresh (to time building it).
    public static func snapshotSize(of state: CaseState) -> Int { state.luaSnapshotBytes.count }
}
