import Foundation
import RegieCore
import RegieReports

/// What a local account's password must be, after NIST SP 800-63B: long enough (12 to 128
/// characters, any characters, spaces too), not a known common password, and not made of the
/// person's own name or the organisation's. No rules of composition and no forced changes: they
/// make passwords weaker. The second factor is always asked as well.
package enum PasswordRules {
    static let minimum = 12
    static let maximum = 128

    /// Passwords that lists of breached passwords hold first, in Dutch and English; a password
    /// that is one of these with digits or punctuation after it is refused too.
    static let common: Set<String> = [
        "password", "wachtwoord", "welkom", "welcome", "qwerty", "azerty", "letmein", "iloveyou", "admin", "administrator",
        "geheim", "secret", "zomer", "winter", "voorjaar", "najaar", "summer", "spring", "autumn", "monkey", "dragon", "football",
        "voetbal", "ajax", "feyenoord", "psv", "amsterdam", "rotterdam", "utrecht", "nederland", "holland", "sunshine", "princess",
        "abc", "abcdef", "abcdefgh", "123456", "1234567", "12345678", "123456789", "1234567890", "111111", "000000", "654321",
        "qwertyuiop", "passw0rd", "p@ssw0rd", "wachtw00rd", "trustno1", "changeme", "veranderen", "regie", "zorg", "care",
    ]

    /// The password as it is stored and compared: Unicode in its composed form, so that the
    /// same characters typed differently are the same password.
    package static func normalised(_ password: String) -> String { password.precomposedStringWithCanonicalMapping }

    package static func check(_ password: String, repeated: String, person: Workspace.Person, organisation: String) throws(RegieError) {
        let password = normalised(password)
        guard password == normalised(repeated) else { throw RegieError(.usage, .passwordsDiffer) }
        guard password.count >= minimum else { throw RegieError(.usage, .passwordTooShort, ["minimum": .number(minimum)]) }
        guard password.count <= maximum else { throw RegieError(.usage, .passwordTooLong, ["maximum": .number(maximum)]) }
        let lower = password.lowercased()
        let stripped = String(lower.reversed().drop(while: { $0.isNumber || $0.isPunctuation || $0.isSymbol || $0 == " " }).reversed())
        let repeatedCharacter = Set(lower).count <= 2
        if common.contains(lower) || common.contains(stripped) || repeatedCharacter || isSequence(lower) {
            throw RegieError(.usage, .passwordCommon)
        }
        let own = [person.id, person.name, organisation].map { $0.lowercased() }.filter { $0.count >= 3 }
        if own.contains(where: { stripped == $0 || lower.contains($0) && Double($0.count) >= Double(lower.count) * 0.5 }) {
            throw RegieError(.usage, .passwordPersonal)
        }
    }

    /// A run such as "abcdefghijkl" or "123456789012": each character one after the previous.
    private static func isSequence(_ text: String) -> Bool {
        let values = text.unicodeScalars.map(\.value)
        guard values.count >= 2 else { return false }
        return zip(values, values.dropFirst()).allSatisfy { $1 == $0 + 1 || ($0 == 57 && $1 == 48) }
    }
}
