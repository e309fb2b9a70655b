import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RegieApp
import RegieReports

/// Reading and writing the API's JSON: bodies within the size limit, decoding errors as one
/// sentence naming the field (never the value), answers in the command line's JSON style.
enum JSONBody {
    /// Reads a body of one of the API's request types. A field it does not know is refused
    /// rather than ignored, so that a misspelt optional field never goes unnoticed.
    static func decode<T: APIRequestBody>(_ type: T.Type, from request: Request, context: RegieRequestContext) async throws -> T {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        var data = Data(buffer.readableBytesView)
        // A change that takes no fields may come without a body.
        if data.isEmpty && T.fields.isEmpty { data = Data("{}".utf8) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw RegieError(.usage, .requestBodyInvalid, ["detail": "it is not a JSON object"])
        }
        if let unknown = object.keys.sorted().first(where: { !T.fields.contains($0) }) {
            throw RegieError(.usage, .requestBodyInvalid, ["detail": .text("there is no field \(unknown.prefix(40))")])
        }
        do {
            return try JSONStyle.decoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw RegieError(.usage, .requestBodyInvalid, ["detail": .text(describe(error))])
        }
    }

    /// A change whose fields are all optional, sent with none of them.
    static func nothingGiven(_ fields: String) -> RegieError {
        RegieError(.usage, .requestBodyInvalid, ["detail": .text("it changes nothing (give at least one of \(fields))")])
    }

    /// Which field was wrong and how, without the value that was sent.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the body" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not JSON" : "\(path(context.codingPath)) is not one of the values allowed"
        @unknown default: return "it could not be read"
        }
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) throws -> Response {
        let data: Data
        do {
            data = try JSONStyle.encoder().encode(value)
        } catch {
            throw RegieError(.internalError, .jsonFailed)
        }
        var headers = extra
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A request body of the API, with the snake_case names of the fields it takes.
protocol APIRequestBody: Decodable {
    static var fields: Set<String> { get }
}
