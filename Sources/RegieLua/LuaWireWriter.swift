import RegieCore

/// Writes values straight into the byte encoding of ``LuaValueCoding``, without building a
/// ``LuaValue`` tree first. Used for the case snapshot, which is sent on every plugin call.
/// The caller gives each table's entry count up front and then writes exactly that many.
///
/// The bytes go into a raw buffer rather than an `Array`: a snapshot is hundreds of tiny
/// writes, and `Array.append(contentsOf:)` costs more per call than the copy itself.
struct LuaWireWriter: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    /// The bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// How many bytes are written so far.
    var byteCount: Int { count }

    /// Forgets what was written after the first `byteCount` bytes.
    mutating func truncate(to byteCount: Int) { count = min(count, max(0, byteCount)) }

    /// Appends bytes that are already encoded values.
    mutating func raw(_ encoded: [UInt8]) {
        encoded.withUnsafeBytes { copy($0) }
    }

    /// The bytes written so far, without copying them.
    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: start, count: count))
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(extra) }
    }

    private mutating func grow(_ extra: Int) {
        var newCapacity = capacity * 2
        while count + extra > newCapacity { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: start, count: count)
        start.deallocate()
        start = grown
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func byte(_ value: UInt8) {
        reserve(1)
        start[count] = value
        count += 1
    }

    private mutating func copy(_ source: UnsafeRawBufferPointer) {
        guard let base = source.baseAddress, source.count > 0 else { return }
        reserve(source.count)
        (start + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: source.count)
        count += source.count
    }

    private mutating func u32(_ value: Int) {
        reserve(4)
        let v = UInt32(truncatingIfNeeded: value)
        start[count] = UInt8(truncatingIfNeeded: v)
        start[count + 1] = UInt8(truncatingIfNeeded: v >> 8)
        start[count + 2] = UInt8(truncatingIfNeeded: v >> 16)
        start[count + 3] = UInt8(truncatingIfNeeded: v >> 24)
        count += 4
    }

    /// Starts a value whose byte size is written in front of it (tag `L`), so the reader can
    /// pass over it at once; give the result to ``endSized(_:)`` after the value.
    mutating func beginSized() -> Int {
        byte(UInt8(ascii: "L"))
        let position = count
        u32(0)
        return position
    }

    mutating func endSized(_ position: Int) {
        let size = UInt32(truncatingIfNeeded: count - position - 4)
        for i in 0..<4 { start[position + i] = UInt8(truncatingIfNeeded: size >> UInt32(8 * i)) }
    }

    mutating func beginTable(_ count: Int) {
        byte(UInt8(ascii: "m"))
        u32(count)
    }

    mutating func beginArray(_ count: Int) {
        byte(UInt8(ascii: "a"))
        u32(count)
    }

    mutating func key(_ name: StaticString) {
        u32(name.utf8CodeUnitCount)
        copy(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// A key that is not known at compile time.
    mutating func key(_ name: String) {
        rawString(name)
    }

    mutating func string(_ value: String) {
        byte(UInt8(ascii: "s"))
        rawString(value)
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { byte(UInt8(ascii: "n")) }
    }

    /// A date as the string `YYYY-MM-DD`, written digit by digit (no String is made).
    mutating func date(_ value: LocalDate?) {
        guard let value else { return byte(UInt8(ascii: "n")) }
        byte(UInt8(ascii: "s"))
        u32(10)
        let zero = UInt8(ascii: "0")
        let year = min(max(value.year, 0), 9999)
        byte(zero + UInt8(year / 1000))
        byte(zero + UInt8(year / 100 % 10))
        byte(zero + UInt8(year / 10 % 10))
        byte(zero + UInt8(year % 10))
        byte(UInt8(ascii: "-"))
        byte(zero + UInt8(value.month / 10))
        byte(zero + UInt8(value.month % 10))
        byte(UInt8(ascii: "-"))
        byte(zero + UInt8(value.day / 10))
        byte(zero + UInt8(value.day % 10))
    }

    mutating func integer(_ value: Int) {
        byte(UInt8(ascii: "i"))
        reserve(8)
        let v = UInt64(bitPattern: Int64(value))
        for shift in 0..<8 { start[count + shift] = UInt8(truncatingIfNeeded: v >> UInt64(shift * 8)) }
        count += 8
    }

    mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { byte(UInt8(ascii: "n")) }
    }

    mutating func bool(_ value: Bool) {
        byte(UInt8(ascii: value ? "t" : "f"))
    }

    private mutating func rawString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            u32(utf8.count)
            copy(UnsafeRawBufferPointer(utf8))
        }
    }
}
