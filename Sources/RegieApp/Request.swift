import Foundation
import RegieCore

/// What a front end hands the core with every request: who asks, when, why and in which
/// language. The command line builds it from `--as`, `REGIE_USER`, the clock and its options;
/// a server will build it from an authenticated session. The core reads no environment itself.
package struct Request: Sendable {
    /// The acting person's id as claimed (the command line) or authenticated (a server).
    package var actorID: String
    /// When the request is made; what is recorded and what plugins see.
    package var now: Date
    /// Whether `now` was fixed for a demo or test rather than read from the clock; allowed only
    /// on a store made for that (`regie init --fixed-clock`).
    package var clockIsFixed = false
    /// nil: the workspace's locale.
    package var language: Language?
    /// Why case data is read, for the access log; nil: the workspace's default.
    package var purpose: String?
    /// The network address a server request came from, for the access log; nil on the command line.
    package var address: String?
    /// How many seconds to wait for another writer's lock.
    package var busyTimeout: TimeInterval = 5

    package init(actorID: String, now: Date, clockIsFixed: Bool = false, language: Language? = nil, purpose: String? = nil,
                 address: String? = nil, busyTimeout: TimeInterval = 5) {
        self.actorID = actorID
        self.now = now
        self.clockIsFixed = clockIsFixed
        self.language = language
        self.purpose = purpose
        self.address = address
        self.busyTimeout = busyTimeout
    }
}
