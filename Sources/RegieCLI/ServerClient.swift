import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import RegieApp
import RegieCore
import RegieReports

/// The command line as a client of a Regie server (`--server URL` or `REGIE_SERVER`): the
/// token from `regie login` (or `REGIE_TOKEN`), the asker's language and purpose on every
/// request, and the server's problem details turned back into the command line's errors, with
/// the same codes and exit statuses.
struct ServerClient {
    let server: String
    let token: String
    let l: L10n
    let purpose: String?

    /// The server the command line is pointed at, if any: `--server`, else `REGIE_SERVER`.
    static func address(_ global: GlobalOptions, _ environment: [String: String] = ProcessEnvironment.current) -> String? {
        let given = global.server ?? environment["REGIE_SERVER"]
        return given.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A client for the server the command line is pointed at; nil: work on this machine's workspace.
    static func connect(_ global: GlobalOptions, environment: [String: String] = ProcessEnvironment.current) throws(RegieError)
        -> ServerClient?
    {
        guard let given = address(global, environment) else { return nil }
        let server = try normalised(given)
        let language = global.lang ?? Self.language(environment)
        if let token = environment["REGIE_TOKEN"], !token.isEmpty {
            return ServerClient(server: server, token: token, l: L10n(language: language), purpose: global.purpose)
        }
        guard let path = ServerCredentials.location(environment), let login = try ServerCredentials(path: path).login(for: server) else {
            throw RegieError(.notPermitted, .notLoggedIn, ["server": .text(server)])
        }
        return ServerClient(server: server, token: login.token, l: L10n(language: language), purpose: global.purpose)
    }

    /// A server's address as it is kept: https (or http to this machine), no path, no trailing slash.
    static func normalised(_ text: String) throws(RegieError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed), let host = url.host,
              url.scheme == "https" || (url.scheme == "http" && ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host)),
              url.path.isEmpty, url.query == nil, url.user == nil
        else { throw RegieError(.usage, .serverAddressInvalid, ["address": .text(String(trimmed.prefix(200)))]) }
        return url.absoluteString
    }

    /// The language of the user's environment (`LANG`), for a command line without a workspace.
    static func language(_ environment: [String: String]) -> Language {
        let tag = environment["LC_ALL"] ?? environment["LANG"] ?? ""
        return tag.lowercased().hasPrefix("nl") ? .nl : .en
    }

    /// The methods the API uses.
    enum Method {
        case get, post, put, patch, delete

        var http: HTTPMethod {
            switch self {
            case .get: .GET
            case .post: .POST
            case .put: .PUT
            case .patch: .PATCH
            case .delete: .DELETE
            }
        }
    }

    /// One answer from the server.
    struct Answer {
        var status: Int
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// Sends one request under `/api/v1` and returns a successful answer; an error answer is
    /// thrown as the command line's error.
    func send(_ method: Method, _ path: String, json: [String: Any?]? = nil, accept: String = "application/json",
              ifMatch: Bool = false) async throws(RegieError) -> Answer {
        var request = HTTPClientRequest(url: server + "/api/v1" + path)
        request.method = method.http
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "Accept-Language", value: l.language.rawValue)
        if let purpose { request.headers.add(name: "Regie-Purpose", value: purpose) }
        // The command line acts on the case as it is now, as it does on its own machine: the
        // server reads, decides and writes in one transaction.
        if ifMatch { request.headers.add(name: "If-Match", value: "*") }
        if let json {
            let present = json.compactMapValues { $0 }
            guard let data = try? JSONSerialization.data(withJSONObject: present, options: [.sortedKeys]) else {
                throw RegieError(.internalError, .jsonFailed)
            }
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: data))
        }
        let answer: Answer
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
            let body = try await response.body.collect(upTo: 64 << 20)
            answer = Answer(status: Int(response.status.code), body: Data(body.readableBytesView))
        } catch {
            throw RegieError(.storage, .serverUnreachable, ["server": .text(server)])
        }
        guard (200..<300).contains(answer.status) else { throw problem(answer) }
        return answer
    }

    /// Sends a request and reads its JSON answer.
    func decode<T: Decodable>(_ type: T.Type, _ method: Method, _ path: String, json: [String: Any?]? = nil,
                              ifMatch: Bool = false) async throws(RegieError) -> T {
        let answer = try await send(method, path, json: json, ifMatch: ifMatch)
        guard let value = try? JSONStyle.decoder().decode(T.self, from: answer.body) else {
            throw RegieError(.storage, .serverAnswerInvalid, ["server": .text(server)])
        }
        return value
    }

    /// What a change answers (see docs/api.md).
    struct Written: Decodable {
        var caseId: Int
        var version: Int
        var recorded: [String]
        var created: Int?
        var moved: MoveReport?
        var holder: CaseHolderJSON?
        var clientLabel: String?
        var reference: String?
        var statusTitle: String?
        var undone: Undone?

        struct Undone: Decodable {
            var version: Int
            var title: String
        }
    }

    /// Performs a change to a case on the server.
    func change(_ method: Method, _ path: String, _ json: [String: Any?]? = nil) async throws(RegieError) -> Written {
        try await decode(Written.self, method, path, json: json, ifMatch: true)
    }

    /// The text the command line prints, rendered by the server (`Accept: text/plain`).
    func text(_ path: String) async throws(RegieError) -> String {
        try await send(.get, path, accept: "text/plain").text
    }

    /// The list a JSON answer holds under `key`, as it came (for `--json`).
    func list(_ path: String, key: String) async throws(RegieError) -> [Any] {
        let answer = try await send(.get, path).body
        guard let object = try? JSONSerialization.jsonObject(with: answer) as? [String: Any], let list = object[key] as? [Any] else {
            throw RegieError(.storage, .serverAnswerInvalid, ["server": .text(server)])
        }
        return list
    }

    /// A text as one part of a path, such as a checklist item's id.
    static func pathPart(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    /// The server's problem details as the command line's error: its code, exit status and fields.
    private func problem(_ answer: Answer) -> RegieError {
        struct Problem: Decodable {
            var code: String
            var exitCode: Int32
            var fields: [String: Field]?
            var fieldWording: [String: String]?
        }
        enum Field: Decodable {
            case text(String), number(Int)
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
            }
        }
        guard let problem = try? JSONStyle.decoder().decode(Problem.self, from: answer.body),
              let code = ErrorCode(rawValue: problem.code), let status = ExitStatus(rawValue: problem.exitCode)
        else { return RegieError(.storage, .serverAnswerInvalid, ["server": .text(server)]) }
        let wording = problem.fieldWording ?? [:]
        let fields = (problem.fields ?? [:]).map { name, field -> (String, ErrorValue) in
            switch field {
            case .text(let text):
                // A term keeps its stable name for --json and its wording for the sentence.
                (name, wording[name].map { .term(text, LocalizedText(nl: $0, en: $0)) } ?? .text(text))
            case .number(let number): (name, .number(number))
            }
        }
        return RegieError(status, code, Dictionary(fields, uniquingKeysWith: { first, _ in first }))
    }
}
