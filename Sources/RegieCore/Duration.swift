/// Reads and writes durations of professional time.
public enum Duration {
    /// Minutes in a duration such as `1h30m`, `90m`, `1.5h`, `2h` or `45` (minutes).
    /// - Returns: `nil` for anything else, for zero, for fractions of a minute, and for 60 or
    ///   more minutes after hours (`1h90m`).
    public static func minutes(_ text: String) -> Int? {
        let t = text.lowercased().filter { $0 != " " }
        if let n = Int(t) { return n > 0 ? n : nil }
        var total = 0.0
        var number = ""
        var seenUnit = Set<Character>()
        for ch in t {
            if ch.isASCII && (ch.isNumber || ch == "." || ch == ",") {
                number.append(ch == "," ? "." : ch)
            } else if ch == "h" || ch == "m" {
                guard !number.isEmpty, let value = Double(number), value >= 0, !seenUnit.contains(ch),
                      !(ch == "h" && seenUnit.contains("m")),
                      // After hours, the minutes are the rest of an hour: `1h90m` is a slip.
                      !(ch == "m" && seenUnit.contains("h") && value >= 60) else { return nil }
                seenUnit.insert(ch)
                total += ch == "h" ? value * 60 : value
                number = ""
            } else {
                return nil
            }
        }
        guard number.isEmpty, !seenUnit.isEmpty, total > 0, total == total.rounded(), total <= 100_000 else { return nil }
        return Int(total)
    }

    /// `2h 30m`, `45m` or `0m`.
    public static func text(minutes: Int) -> String {
        let h = minutes / 60, m = minutes % 60
        if h == 0 { return "\(m)m" }
        return m == 0 ? "\(h)h" : "\(h)h \(m)m"
    }
}
