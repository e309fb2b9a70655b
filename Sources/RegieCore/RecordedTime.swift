import Foundation

/// The moments Regie records and reads back. Every moment it reads must fall on a day that
/// ``LocalDate`` can hold (1900 to 9999) and fit in milliseconds; every moment it writes is
/// further kept to years a working clock can show, so that a clock set far wrong (or a fixed
/// one) can never write something that cannot be read back.
public enum RecordedTime {
    /// 2000-01-01T00:00:00Z up to the end of 8999: the clock a command may record with.
    public static let writable = Date(timeIntervalSince1970: 946_684_800)...Date(timeIntervalSince1970: 221_845_391_999)

    /// 1900-01-01T00:00:00Z up to the end of 9999, in milliseconds since 1970, as stored.
    public static let readableMillis: ClosedRange<Int64> = -2_208_988_800_000...253_402_300_799_999
}
