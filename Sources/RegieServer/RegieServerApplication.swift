import Foundation
import Hummingbird
import RegieReports
import HummingbirdCore
import Logging
import RegieApp
import RegieStore

/// `regie serve`: the router and the application around it. Every route goes through
/// ``RegieApp`` as the command line does, so the two can never disagree about a rule.
public enum RegieServerApplication {
    /// The routes, middleware first: security headers on every answer (errors included),
    /// problem details for every error, metrics, then the token check on `/api/v1`.
    static func router(_ environment: ServerEnvironment) -> Router<RegieRequestContext> {
        _ = ServerMetrics.registry
        // The same routes without middleware first, to know which methods each address takes.
        let bare = Router(context: RegieRequestContext.self)
        addRoutes(to: bare, environment)
        let router = Router(context: RegieRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware(tls: environment.settings.isTLS))
        router.add(middleware: RequestLogMiddleware(logger: environment.logger))
        router.add(middleware: ConfigurationRefreshMiddleware(environment: environment))
        router.add(middleware: ProblemMiddleware(environment: environment, routes: RouteTable(bare.routes)))
        router.add(middleware: MetricsMiddleware())
        addRoutes(to: router, environment)
        return router
    }

    private static func addRoutes(to router: Router<RegieRequestContext>, _ environment: ServerEnvironment) {
        MetaRoutes(environment: environment).addRoutes(to: router)
        SignInRoutes(environment: environment).addRoutes(to: router)
        OIDCRoutes(environment: environment).addRoutes(to: router)
        CommandLineLoginRoutes(environment: environment).addRoutes(to: router)
        let api = router.group("api/v1").add(middleware: Authenticator(environment: environment))
        CaseRoutes(environment: environment).addRoutes(to: api)
        CaseWorkRoutes(environment: environment).addRoutes(to: api)
        CaseCorrectionRoutes(environment: environment).addRoutes(to: api)
        CaseReadRoutes(environment: environment).addRoutes(to: api)
        HandoverRoutes(environment: environment).addRoutes(to: api)
        ReportRoutes(environment: environment).addRoutes(to: api)
        AuditRoutes(environment: environment).addRoutes(to: api)
        PersonRoutes(environment: environment).addRoutes(to: api)
    }

    /// The server for a workspace on its open store, listening where `server:` says.
    /// - Parameter fixedNow: a fixed clock, for tests on a store made for it.
    /// - Parameter oidcClientSecret: the identity provider's client secret (REGIE_OIDC_CLIENT_SECRET),
    ///   else read from `client_secret_file`.
    package static func build(workspace: Workspace, store: any EventStore, logger: Logger, fixedNow: Date? = nil,
                              oidcClientSecret: String? = nil,
                              onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws(RegieError)
        -> some ApplicationProtocol
    {
        let environment = try await environment(workspace: workspace, store: store, logger: logger, fixedNow: fixedNow, oidcClientSecret: oidcClientSecret)
        let settings = workspace.server
        return Application(
            router: router(environment),
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(settings.requestTimeoutSeconds)))),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }

    /// For router tests: the routes on a store, without a listening socket.
    package static func testRouter(workspace: Workspace, store: any EventStore, logger: Logger, fixedNow: Date? = nil,
                                   configurationCheckSeconds: TimeInterval = configurationCheckSeconds) async throws(RegieError)
        -> Router<RegieRequestContext>
    {
        router(try await environment(workspace: workspace, store: store, logger: logger, fixedNow: fixedNow, oidcClientSecret: nil,
                                     configurationCheckSeconds: configurationCheckSeconds))
    }

    /// How often a server looks whether a newer configuration was applied.
    static let configurationCheckSeconds: TimeInterval = 5

    private static func environment(workspace: Workspace, store: any EventStore, logger: Logger, fixedNow: Date?,
                                    oidcClientSecret: String?, configurationCheckSeconds: TimeInterval = configurationCheckSeconds)
        async throws(RegieError) -> ServerEnvironment
    {
        // Who may do what comes from the recorded configuration; a regie.yaml that says otherwise is not trusted.
        let version = try await CaseSession.checkRecorded(workspace, in: store)
        // A server that would write needs its signing key now, not at the first change.
        try CaseSession.enableCheckpoints(on: store, workspace: workspace, keyRequired: true)
        var provider: OIDCProvider?
        if let oidc = workspace.server.oidc {
            // The provider sends people back to the public address; only on this machine may it be left out.
            guard workspace.server.publicURL != nil || ["127.0.0.1", "localhost", "::1"].contains(workspace.server.host) else {
                throw RegieError(.configuration, .publicURLRequired)
            }
            var secret = oidcClientSecret
            if secret == nil, let file = oidc.clientSecretFile {
                let path = URL(fileURLWithPath: file, relativeTo: workspace.root).path
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw RegieError(.configuration, .passwordFileUnreadable, ["path": .text(path)])
                }
                secret = text.trimmingCharacters(in: .newlines)
            }
            provider = OIDCProvider(settings: oidc, clientSecret: secret)
        }
        return ServerEnvironment(live: LiveWorkspace(workspace, version: version, checkEvery: configurationCheckSeconds), store: store, logger: logger, fixedNow: fixedNow, oidc: provider,
                                 replays: ReplayedStates(capacity: workspace.server.caseCache),
                                 accessLog: workspace.server.groupCommit ? GroupCommit { reads throws(StoreError) in try await store.recordAccesses(reads) } : nil,
                                 tokenUses: workspace.server.groupCommit ? GroupCommit { uses throws(StoreError) in try await store.recordTokenUses(uses) } : nil)
    }
}
