import HTTPTypes
import Hummingbird
import RegieReports

/// Sets the headers every response carries: nothing may frame or sniff it, nothing is
/// cached (every answer of the API may hold case data), no referrer leaves, and a strict
/// Content-Security-Policy. HSTS only when the server is reached over https.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let tls: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers, tls: tls)
        return response
    }

    static func apply(to headers: inout HTTPFields, tls: Bool) {
        // A page sets its own, as strict, that lets it load its stylesheet.
        if headers[.contentSecurityPolicy] == nil {
            headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        }
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        if tls { headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
    }
}
