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
}
