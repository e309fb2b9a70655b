/// The byte encoding shared with `CLuaShims/regie_lua.c`:
/// `n` nil, `t`/`f` booleans, `i` int64, `d` double (little-endian), `s` u32 length + UTF-8,
/// `a` u32 count + values, `m` u32 count + (u32 length + key, value) pairs, `L` u32 byte size +
/// one value (written for the case snapshot; read as the value itself).
enum LuaValueCoding {
    static func encode(_ value: LuaValue, into bytes: inout [UInt8]) {
        switch value {
        case .nil: bytes.append(UInt8(ascii: "n"))
        case .bool(let b): bytes.append(UInt8(ascii: b ? "t" : "f"))
        case .integer(let i):
            bytes.append(UInt8(ascii: "i"))
            appendU64(UInt64(bitPattern: i), to: &bytes)
        case .number(let d):
            bytes.append(UInt8(ascii: "d"))
            appendU64(d.bitPattern, to: &bytes)
        case .string(let s):
            bytes.append(UInt8(ascii: "s"))
            appendString(s, to: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "a"))
            appendU32(UInt32(items.count), to: &bytes)
            for item in items { encode(item, into: &bytes) }
        case .table(let pairs):
            bytes.append(UInt8(ascii: "m"))
            appendU32(UInt32(pairs.count), to: &bytes)
            for pair in pairs {
                appendString(pair.key, to: &bytes)
                encode(pair.value, into: &bytes)
            }
        }
    }

    /// Decodes what the C side wrote. Tables come back with sorted keys.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> LuaValue? {
        var reader = Reader(bytes: bytes)
        guard let value = reader.value(depth: 0), reader.offset == bytes.count else { return nil }
        return value
    }

    private static func appendU32(_ v: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    private static func appendU64(_ v: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    private static func appendString(_ s: String, to bytes: inout [UInt8]) {
        var s = s
        s.withUTF8 { utf8 in
            appendU32(UInt32(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func u64() -> UInt64? {
            guard bytes.count - offset >= 8 else { return nil }
            var v: UInt64 = 0
            for i in (0..<8).reversed() { v = v << 8 | UInt64(bytes[offset + i]) }
            offset += 8
            return v
        }

        mutating func u32() -> Int? {
            guard bytes.count - offset >= 4 else { return nil }
            var v = 0
            for i in (0..<4).reversed() { v = v << 8 | Int(bytes[offset + i]) }
            offset += 4
            return v
        }

        mutating func string() -> String? {
            guard let n = u32(), bytes.count - offset >= n else { return nil }
            defer { offset += n }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + n]), as: UTF8.self)
        }

        mutating func value(depth: Int) -> LuaValue? {
            guard depth <= 32, let tag = byte() else { return nil }
            switch tag {
            case UInt8(ascii: "n"): return .nil
            case UInt8(ascii: "t"): return .bool(true)
            case UInt8(ascii: "f"): return .bool(false)
            case UInt8(ascii: "i"): return u64().map { .integer(Int64(bitPattern: $0)) }
            case UInt8(ascii: "d"): return u64().map { .number(Double(bitPattern: $0)) }
            case UInt8(ascii: "s"): return string().map(LuaValue.string)
            case UInt8(ascii: "L"):
                guard let size = u32(), bytes.count - offset >= size else { return nil }
                let end = offset + size
                guard let inner = value(depth: depth), offset == end else { return nil }
                return inner
            case UInt8(ascii: "a"):
                guard let n = u32() else { return nil }
                var items: [LuaValue] = []
                for _ in 0..<n {
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return .array(items)
            case UInt8(ascii: "m"):
                guard let n = u32() else { return nil }
                var pairs: [(key: String, value: LuaValue)] = []
                for _ in 0..<n {
                    guard let key = string(), let item = value(depth: depth + 1) else { return nil }
                    pairs.append((key, item))
                }
                return .table(pairs.sorted { $0.key < $1.key })
            default: return nil
            }
        }
    }
}
