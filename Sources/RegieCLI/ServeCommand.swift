import ArgumentParser
import Foundation
import Hummingbird
import Logging
import RegieApp
import RegieCore
import RegieReports
import RegieServer
import RegieStore

/// `regie serve`: the organisation's server. It knows who is asking from an API token (see
/// `regie token`), serves the JSON API at /api/v1 and stops cleanly on SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "serve", abstract: H("Run the server for a team: the JSON API at /api/v1, with logins by API token.",
                                              "Draai de server voor een team: de JSON-API op /api/v1, met aanmelden per API-token."),
            discussion: H(
                "It listens where `server: listen:` in regie.yaml says (default 127.0.0.1:8080). Put a TLS-terminating "
                + "proxy in front of it; see docs/server.md. It stops on SIGTERM or Ctrl-C after the requests in progress.",
                "Hij luistert waar `server: listen:` in regie.yaml zegt (standaard 127.0.0.1:8080). Zet er een proxy met "
                + "TLS voor; zie docs/server.md. Hij stopt bij SIGTERM of Ctrl-C, na de lopende verzoeken."))
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: H("Listen here instead (HOST:PORT; port 0 picks a free one).",
                    "Luister hier (HOST:POORT; poort 0 kiest een vrije).")) var listen: String?

    func run() async throws {
        let environment = ProcessEnvironment.current
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = try WorkspaceLoader.locate(explicit: global.workspace, environment: environment, currentDirectory: cwd)
        var workspace = try WorkspaceLoader.load(from: root)
        if let listen {
            let (host, port) = try Self.address(listen)
            workspace.server.host = host
            workspace.server.port = port
        }
        let (clock, fixed) = try CaseSession.clock(environment)
        let store = try await StoreOpener.open(workspace, access: CaseSession.storeAccess(environment),
                                               busyTimeout: try CaseSession.busyTimeout(environment), readOnlyFallback: false)
        if fixed && !store.allowsFixedClock {
            await store.close()
            throw RegieError(.usage, .fixedClockOnRealDatabase)
        }
        var logger = Logger(label: "regie")
        logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let app: any ApplicationProtocol
        do {
            // Plain HTTP on the listen address, whatever `public_url` says: TLS is the proxy's.
            let host = workspace.server.host
            app = try await RegieServerApplication.build(workspace: workspace, store: store, logger: logger, fixedNow: fixed ? clock : nil,
                                                   oidcClientSecret: environment["REGIE_OIDC_CLIENT_SECRET"]) { port in
                // The one line a script waits for; the logs go to standard error.
                Console.current.line("Listening on http://\(host):\(port)")
            }
        } catch {
            await store.close()
            throw error
        }
        do {
            try await app.runService()
        } catch {
            await store.close()
            logger.error("server stopped", metadata: ["error.type": .string(String(describing: type(of: error)))])
            throw RegieError(.internalError, .serverFault)
        }
        await store.close()
    }

    static func address(_ text: String) throws(RegieError) -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), colon > text.startIndex, let port = Int(text[text.index(after: colon)...]),
              (0...65535).contains(port) else {
            throw RegieError(.usage, .listenInvalid)
        }
        return (String(text[..<colon]), port)
    }
}
