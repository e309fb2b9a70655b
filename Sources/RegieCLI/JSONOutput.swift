import RegieReports
import RegieApp
import RegieCore
import Foundation

/// Writes JSON the same way everywhere: sorted keys, snake_case, ISO 8601 times in UTC.
enum JSONOutput {
    static func render(_ value: some Encodable) throws(RegieError) -> String {
        do {
            return String(decoding: try JSONStyle.encoder().encode(value), as: UTF8.self)
        } catch {
            throw RegieError(.internalError, .jsonFailed)
        }
    }

    static func print(_ value: some Encodable) throws(RegieError) {
        Console.current.line(try render(value))
    }

    /// JSON a server answered, already in this style, as it came.
    static func printUntyped(_ data: Data) throws(RegieError) {
        Console.current.line(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines))
    }

    /// JSON gathered from a server's answers (the pages of a list), in this style.
    static func printUntyped(_ value: [Any]) throws(RegieError) {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        else { throw RegieError(.internalError, .jsonFailed) }
        Console.current.line(String(decoding: data, as: UTF8.self))
    }
}
