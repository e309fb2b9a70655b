import Crypto
import Foundation
import RegieReports

/// How a server hands the command line a token through the person's browser (`regie login
/// --browser`), after RFC 8252's loopback redirect: the command line listens on this computer
/// and sends its public key; the server seals the new token to that key, and the browser
/// carries only the sealed box back. A browser's history, an extension or anyone who sees the
/// address learns nothing from it; only the waiting command line can open it.
///
/// The seal: X25519 between the server's one-time key and the command line's, HKDF-SHA256 over
/// the shared secret (salted with the state, bound to both public keys), ChaCha20-Poly1305.
package enum LoginHandover {
    /// What the command line sends the server (the login page's query) and expects back.
    package struct Request: Sendable, Equatable {
        /// The loopback port the command line listens on.
        package var port: Int
        /// A random text the command line checks on the way back.
        package var state: String
        /// The command line's X25519 public key, base64url.
        package var key: String

        package init(port: Int, state: String, key: String) {
            self.port = port
            self.state = state
            self.key = key
        }

        /// A request as a login page's query gives it, or nil when any part cannot be ours.
        package init?(port: String?, state: String?, key: String?) {
            guard let port = port.flatMap({ Int($0) }), (1024...65535).contains(port), let state, RandomSecret.isWellFormed(Substring(state)),
                  let key, RandomSecret.isWellFormed(Substring(key)), LoginHandover.publicKey(key) != nil
            else { return nil }
            self.init(port: port, state: state, key: key)
        }

        /// The page on the server that asks the person to give the command line a token.
        package func query() -> String { "port=\(port)&state=\(state)&key=\(key)" }

        /// Where the browser goes back to, on this computer.
        package var callbackBase: String { "http://127.0.0.1:\(port)/callback" }
    }

    /// The sealed token as the browser carries it back: the server's one-time public key and the box.
    package struct Sealed: Sendable, Equatable {
        package var key: String
        package var box: String

        package init(key: String, box: String) {
            self.key = key
            self.box = box
        }
    }

    /// One login as the command line keeps it until the browser comes back: its key and state.
    package struct Pending: Sendable {
        let key = Curve25519.KeyAgreement.PrivateKey()
        package let state = RandomSecret.text()

        package init() {}

        /// What to ask the server for, with the port the command line listens on.
        package func request(port: Int) -> Request { Request(port: port, state: state, key: encoded(key.publicKey)) }

        /// The token the browser brought back to `/callback`; nil when the answer is not for this login.
        package func token(fromCallback query: [String: String]) -> String? {
            guard let back = query["state"], RandomSecret.equal(back, state), let key = query["key"], let box = query["box"]
            else { return nil }
            return LoginHandover.open(Sealed(key: key, box: box), state: state, with: self.key)
        }
    }

    static func encoded(_ key: Curve25519.KeyAgreement.PublicKey) -> String { RandomSecret.base64url(Array(key.rawRepresentation)) }

    /// The server's side: the token sealed for the command line that asked.
    package static func seal(_ token: String, for request: Request) throws(RegieError) -> Sealed {
        guard let theirs = publicKey(request.key) else { throw RegieError(.usage, .handoverInvalid) }
        let mine = Curve25519.KeyAgreement.PrivateKey()
        do {
            let key = try symmetricKey(mine.sharedSecretFromKeyAgreement(with: theirs), state: request.state,
                                       serverKey: mine.publicKey, clientKey: theirs)
            let box = try ChaChaPoly.seal(Data(token.utf8), using: key).combined
            return Sealed(key: encoded(mine.publicKey), box: RandomSecret.base64url(Array(box)))
        } catch {
            throw RegieError(.internalError, .sealFailed)
        }
    }

    /// The command line's side: the token, or nil when the box was not sealed for this login.
    static func open(_ sealed: Sealed, state: String, with key: Curve25519.KeyAgreement.PrivateKey) -> String? {
        guard let theirs = publicKey(sealed.key), let bytes = RandomSecret.bytes(base64url: sealed.box), bytes.count <= 512,
              let shared = try? key.sharedSecretFromKeyAgreement(with: theirs),
              let box = try? ChaChaPoly.SealedBox(combined: bytes),
              let opened = try? ChaChaPoly.open(box, using: symmetricKey(shared, state: state, serverKey: theirs, clientKey: key.publicKey))
        else { return nil }
        return String(data: opened, encoding: .utf8)
    }

    private static func symmetricKey(_ shared: SharedSecret, state: String, serverKey: Curve25519.KeyAgreement.PublicKey,
                                     clientKey: Curve25519.KeyAgreement.PublicKey) -> SymmetricKey {
        shared.hkdfDerivedSymmetricKey(using: SHA256.self, salt: Data(state.utf8),
                                       sharedInfo: Data("regie login handover v1".utf8) + serverKey.rawRepresentation + clientKey.rawRepresentation,
                                       outputByteCount: 32)
    }

    static func publicKey(_ text: String) -> Curve25519.KeyAgreement.PublicKey? {
        RandomSecret.bytes(base64url: text).flatMap { try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: $0) }
    }
}
