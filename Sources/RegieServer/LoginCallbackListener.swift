import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
import NIOCore
import RegieApp
import RegieCore
import RegieReports

/// The command line's side of a browser login (`regie login --browser`): a listener on this
/// computer's loopback address, on a free port, that waits for the browser to come back to
/// `/callback` once, answers it with a short page, and stops.
package enum LoginCallbackListener {
    /// - Parameter listening: told the port once the listener is up (to build the login address).
    /// - Returns: the query of the first request to `/callback`.
    package static func wait(minutes: Int, language: Language, listening: @escaping @Sendable (Int) async -> Void)
        async throws(RegieError) -> [String: String]
    {
        let (arrivals, arrived) = AsyncStream.makeStream(of: [String: String].self)
        let l = L10n(language: language)
        let router = Router()
        router.get("callback") { request, _ -> Response in
            var query: [String: String] = [:]
            for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
            arrived.yield(query)
            var page = SignInPage(l, title: l("Back to the command line", "Terug naar de opdrachtregel"))
            page.add("<p>\(SignInPage.escape(l("Regie received the answer. You can close this window and go back to the command line.", "Regie heeft het antwoord ontvangen. Je kunt dit venster sluiten en teruggaan naar de opdrachtregel.")))</p>")
            var response = page.response()
            // The page's stylesheet is the server's; here there is none to load.
            response.headers[.contentSecurityPolicy] = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
            response.headers[.cacheControl] = "no-store"
            response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
            return response
        }
        let logger = Logger(label: "regie-login", factory: { _ in SwiftLogNoOpLogHandler() })
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: nil),
                              onServerRunning: { channel in await listening(channel.localAddress?.port ?? 0) }, logger: logger)
        // Stopped gracefully, without taking the process's signals.
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        do {
            return try await withThrowingTaskGroup(of: [String: String]?.self) { group in
                group.addTask {
                    try await services.run()
                    return nil
                }
                group.addTask {
                    for await query in arrivals { return query }
                    return nil
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(60 * minutes))
                    return nil
                }
                let first = try await group.next() ?? nil
                // The browser's page is on its way: give it time to arrive before the listener stops.
                if first != nil { try? await Task.sleep(for: .milliseconds(500)) }
                await services.triggerGracefulShutdown()
                arrived.finish()
                group.cancelAll()
                while (try? await group.next()) != nil {}
                guard let query = first else { throw RegieError(.notPermitted, .handoverTimedOut, ["minutes": .number(minutes)]) }
                return query
            }
        } catch let error as RegieError {
            throw error
        } catch {
            throw RegieError(.storage, .serverUnreachable, ["server": "http://127.0.0.1"])
        }
    }
}
