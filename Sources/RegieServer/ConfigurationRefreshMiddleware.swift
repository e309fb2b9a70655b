import Hummingbird

/// Before a request is answered, picks up a configuration applied since the last look (at
/// most every few seconds; see ``LiveWorkspace``), so that access granted counts without a restart.
struct ConfigurationRefreshMiddleware: RouterMiddleware {
    typealias Context = RegieRequestContext
    let environment: ServerEnvironment

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        await environment.live.refreshIfDue(store: environment.store, logger: environment.logger)
        return try await next(request, context)
    }
}
