import Foundation

/// A day as a person types it: `2027-01-14` or `14-01-2027`, or a word for a day near today
/// (`today`/`vandaag`, `tomorrow`/`morgen`, `yesterday`/`gisteren`), which the front end
/// resolves against today where the team works.
public enum DayInput: Sendable, Equatable {
    case date(LocalDate)
    /// So many days from today (negative: before).
    case fromToday(Int)

    public init?(_ text: String) {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch word {
        case "today", "vandaag": self = .fromToday(0)
        case "tomorrow", "morgen": self = .fromToday(1)
        case "yesterday", "gisteren": self = .fromToday(-1)
        default:
            guard let date = LocalDate(iso: word) ?? Self.dayFirst(word) else { return nil }
            self = .date(date)
        }
    }

    /// The day meant, given today.
    public func resolved(today: LocalDate) -> LocalDate {
        switch self {
        case .date(let date): date
        case .fromToday(let days): LocalDate(daysSinceEpoch: today.daysSinceEpoch + days)
        }
    }

    /// `DD-MM-YYYY`, as Dutch dates are written (one-digit days and months too).
    private static func dayFirst(_ text: String) -> LocalDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
