import Foundation

/// Recognises Dutch citizen service numbers (BSN), which Regie refuses to store anywhere.
///
/// The text is normalised first (NFKC, so fullwidth and other compatibility digits become
/// ASCII), every decimal digit of any script counts as its digit, and anything a person might
/// put between digit groups is skipped: any space (no-break, narrow, tab), invisible format
/// characters (zero-width spaces and joiners, soft hyphens), dashes of every kind, and
/// `. , / _ · ' :`. A run of nine digits that passes the eleven test is a BSN.
public enum NationalIdentifier {
    /// True when the text holds a run of 9 digits, separators allowed between them, that
    /// passes the BSN eleven test.
    public static func appears(in text: String) -> Bool {
        var digits: [Int] = []
        func check() -> Bool {
            guard digits.count >= 9 else { return false }
            for start in 0...(digits.count - 9) where passesElevenTest(Array(digits[start..<start + 9])) {
                return true
            }
            return false
        }
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            if let digit = decimalDigit(scalar) {
                digits.append(digit)
            } else if isSeparator(scalar) {
                continue
            } else {
                if check() { return true }
                digits.removeAll()
            }
        }
        return check()
    }

    /// True when any of a command's texts, or their concatenation in order (a number split over
    /// two fields, such as a label and a reference), holds a BSN.
    public static func appears(inAny texts: [String]) -> Bool {
        texts.contains(where: appears(in:)) || appears(in: texts.joined(separator: " "))
    }

    /// The value of a decimal digit in any script (Unicode category Nd).
    static func decimalDigit(_ scalar: Unicode.Scalar) -> Int? {
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue else { return nil }
        return Int(value)
    }

    private static let separators: Set<Unicode.Scalar> = [".", ",", "/", "_", "·", "'", ":", "\u{2212}", "\u{2027}", "\u{2219}"]

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if separators.contains(scalar) || scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .format, .dashPunctuation, .spaceSeparator, .control, .nonspacingMark: return true
        default: return false
        }
    }

    /// The eleven test: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros).
    static func passesElevenTest(_ d: [Int]) -> Bool {
        guard d.count == 9, d.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for i in 0..<8 { sum += (9 - i) * d[i] }
        sum -= d[8]
        return sum % 11 == 0
    }
}
