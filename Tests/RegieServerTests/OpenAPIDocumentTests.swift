import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Testing
@testable import RegieServer

@Suite("The OpenAPI document")
struct OpenAPIDocumentTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/api/openapi.json")

    @Test("The server serves exactly the committed docs/api/openapi.json (run `make embed` after editing it)")
    func embedded() throws {
        let committed = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(OpenAPIDocument.source + "\n" == committed)
    }

    @Test("Every route of the API is in the document, and every operation of the document is a route (the HTML pages are not the API)")
    func routesMatch() async throws {
        let bench = try await ServerBench()
        let router = try await RegieServerApplication.testRouter(workspace: bench.workspace, store: bench.store, logger: ServerBench.quiet)
        let api = router.routes.filter { route in
            let path = route.path.description
            return path.hasPrefix("/api/") || path == "/healthz" || path == "/metrics"
        }
        let served = Set(api.map { route in
            let path = route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            return "\(route.method.rawValue) /" + path.joined(separator: "/")
        })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.source.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in
            operations.keys.filter { ["get", "post", "put", "patch", "delete"].contains($0) }.map { "\($0.uppercased()) \(path)" }
        })
        #expect(served == documented)
        #expect(served.count >= 14)
    }
}
