/// Recognises Dutch citizen service numbers (BSN), which Regie refuses to store anywhere.
public enum NationalIdentifier {
    /// True when the text holds a run of 9 digits (spaces, dots and dashes allowed between
    /// them) that passes the BSN eleven test.
    public static func appears(in text: String) -> Bool {
        var digits: [Int] = []
        func check() -> Bool {
            guard digits.count >= 9 else { return false }
            for start in 0...(digits.count - 9) where passesElevenTest(Array(digits[start..<start + 9])) {
                return true
            }
            return false
        }
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                digits.append(digit)
            } else if character == " " || character == "." || character == "-" {
                continue
            } else {
                if check() { return true }
                digits.removeAll()
            }
        }
        return check()
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
