import RegieCore

/// Writes values straight into the byte encoding of ``LuaValueCoding``, without building a
/// ``LuaValue`` tree first. Used for the case snapshot, which is sent on every evaluation.
/// The caller gives each table's entry count up front and then writes exactly that many.
struct LuaWireWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    mutating func beginTable(_ count: Int) {
        bytes.append(UInt8(ascii: "m"))
        u32(count)
    }

    mutating func beginArray(_ count: Int) {
        bytes.append(UInt8(ascii: "a"))
        u32(count)
    }

    mutating func key(_ name: StaticString) {
        u32(name.utf8CodeUnitCount)
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// A key that is not known at compile time.
    mutating func key(_ name: String) {
        rawString(name)
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "s"))
        rawString(value)
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { bytes.append(UInt8(ascii: "n")) }
    }

    /// A date as the string `YYYY-MM-DD`, written digit by digit (no String is made).
    mutating func date(_ value: LocalDate?) {
        guard let value else { return bytes.append(UInt8(ascii: "n")) }
        bytes.append(UInt8(ascii: "s"))
        u32(10)
        let zero = UInt8(ascii: "0")
        let year = min(max(value.year, 0), 9999)
        bytes.append(zero + UInt8(year / 1000)); bytes.append(zero + UInt8(year / 100 % 10))
        bytes.append(zero + UInt8(year / 10 % 10)); bytes.append(zero + UInt8(year % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(zero + UInt8(value.month / 10)); bytes.append(zero + UInt8(value.month % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(zero + UInt8(value.day / 10)); bytes.append(zero + UInt8(value.day % 10))
    }

    mutating func integer(_ value: Int) {
        bytes.append(UInt8(ascii: "i"))
        var v = UInt64(bitPattern: Int64(value))
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { bytes.append(UInt8(ascii: "n")) }
    }

    mutating func bool(_ value: Bool) {
        bytes.append(UInt8(ascii: value ? "t" : "f"))
    }

    private mutating func rawString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            u32(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    private mutating func u32(_ n: Int) {
        let v = UInt32(truncatingIfNeeded: n)
        bytes.append(UInt8(truncatingIfNeeded: v))
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        bytes.append(UInt8(truncatingIfNeeded: v >> 16))
        bytes.append(UInt8(truncatingIfNeeded: v >> 24))
    }
}
