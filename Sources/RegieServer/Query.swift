import Hummingbird
import RegieReports
import RegieApp
import RegieCore

/// Reading path and query parameters, each refused with a sentence naming it.
enum Query {
    static func caseID(_ context: RegieRequestContext) throws(RegieError) -> Int { try pathNumber(context, "case") }

    static func pathNumber(_ context: RegieRequestContext, _ name: String) throws(RegieError) -> Int {
        guard let text = context.parameters.get(name), let value = Int(text), value >= 1, value <= Int(Int32.max) else {
            throw RegieError(.usage, .queryInvalid, ["parameter": .text(name), "detail": "a whole number from 1"])
        }
        return value
    }

    static func pathText(_ context: RegieRequestContext, _ name: String) throws(RegieError) -> String {
        guard let text = context.parameters.get(name), !text.isEmpty, text.count <= 100 else {
            throw RegieError(.usage, .queryInvalid, ["parameter": .text(name), "detail": "1 to 100 characters"])
        }
        return text
    }

    static func number(_ query: Parameters, _ name: String, _ range: ClosedRange<Int>) throws(RegieError) -> Int? {
        guard let text = query[Substring(name)] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw RegieError(.usage, .queryInvalid, ["parameter": .text(name), "detail": .text("a whole number from \(range.lowerBound) to \(range.upperBound)")])
        }
        return value
    }

    static func flag(_ query: Parameters, _ name: String) throws(RegieError) -> Bool {
        guard let text = query[Substring(name)] else { return false }
        switch text {
        case "true", "1", "": return true
        case "false", "0": return false
        default: throw RegieError(.usage, .queryInvalid, ["parameter": .text(name), "detail": "true or false"])
        }
    }

    /// One of the values a parameter may take; nil when it is absent.
    static func choice(_ query: Parameters, _ name: String, _ values: [String]) throws(RegieError) -> String? {
        guard let text = query[Substring(name)] else { return nil }
        guard values.contains(String(text)) else {
            throw RegieError(.usage, .queryInvalid, ["parameter": .text(name), "detail": .text(values.joined(separator: ", "))])
        }
        return String(text)
    }

    /// A day as YYYY-MM-DD; nil when it is absent.
    static func day(_ query: Parameters, _ name: String) throws(RegieError) -> LocalDate? {
        guard let text = query[Substring(name)] else { return nil }
        guard let day = LocalDate(iso: String(text)) else {
            throw RegieError(.usage, .queryInvalid, ["parameter": .text(name), "detail": "a day as YYYY-MM-DD"])
        }
        return day
    }
}
