import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The text the command line prints, for a client that asks for it (`Accept: text/plain`):
/// `regie --server` shows a case, the case list and the agenda exactly as it does on its own
/// machine, from one renderer. JSON stays the default.
enum PlainText {
    /// The request asks for text before JSON: `text/plain` comes first among the types it
    /// accepts, by weight and then by order.
    static func wanted(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept] else { return false }
        var best: (type: String, weight: Double)?
        for part in accept.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let type = pieces.first, ["text/plain", "application/json", "*/*", "application/*", "text/*"].contains(type) else { continue }
            let weight = pieces.dropFirst().compactMap { $0.hasPrefix("q=") ? Double($0.dropFirst(2)) : nil }.first ?? 1
            if best == nil || weight > best!.weight { best = (type, weight) }
        }
        return best.map { $0.type == "text/plain" || $0.type == "text/*" } ?? false
    }

    static func response(_ lines: [String], headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/plain; charset=utf-8"
        let text = lines.map { $0 + "\n" }.joined()
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
