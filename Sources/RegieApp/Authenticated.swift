import RegieCore

/// Who a server request comes from, and how they proved it.
package struct Authenticated: Sendable {
    package var person: Workspace.Person
    package var credential: Credential
    /// The purpose the person chose for this session's reads; nil: the workspace's default.
    package var purpose: String?

    package enum Credential: Sendable {
        /// An API token, by its public id (for the log of its uses).
        case token(id: String)
        /// A login session, by the hash of its id, with the token every change must carry.
        case session(idHash: [UInt8], csrfToken: String)
    }
}
