import Hummingbird
import RegieReports
import NIOCore
import Prometheus
import RegieStore
import RegieApp

/// What needs no login: `/healthz` for the load balancer, `/metrics` for Prometheus (route
/// patterns and counts only; keep it behind the proxy) and the API's OpenAPI document.
struct MetaRoutes {
    let environment: ServerEnvironment

    func addRoutes(to router: Router<RegieRequestContext>) {
        router.get("healthz") { _, _ in
            // The store answers: the server can do its work.
            do {
                _ = try await environment.store.ruleSources(kind: "workflow")
            } catch {
                throw RegieError(.storage, .serverFault)
            }
            return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: ServerMetrics.registry.emitToBuffer())))
        }
        router.get("api/v1/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.source)))
        }
    }
}
