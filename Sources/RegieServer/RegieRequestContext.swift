import Hummingbird
import RegieReports
import Logging
import NIOCore
import RegieApp

/// What the server knows about one request beyond the request itself: who is asking (once the
/// token is checked), from which network address, and the body limit in force.
public struct RegieRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``TokenAuthenticator``; nil on the routes that need no login.
    var identity: Authenticated?
    /// The peer's address as the server saw it (the proxy's, behind one).
    let remoteAddress: String
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        maxUploadSize = ServerSettings().maxBodyBytes
    }
}
