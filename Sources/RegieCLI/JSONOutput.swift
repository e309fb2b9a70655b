import RegieReports
import RegieApp
import RegieCore
import Foundation

/// Writes JSON the same way everywhere: sorted keys, snake_case, ISO 8601 times in UTC.
enum JSONOutput {
    static func render(_ value: some Encodable) throws(RegieError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw RegieError(.internalError, .jsonFailed)
        }
    }

    static func print(_ value: some Encodable) throws(RegieError) {
        Console.current.line(try render(value))
    }
}
