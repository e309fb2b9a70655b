import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports
import RegieServer

/// Who the server says a token belongs to (`GET /api/v1/me`).
struct ServerPerson: Decodable {
    var id: String
    var name: String
    var tokenId: String?
}

struct LoginCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "login", abstract: H("Log in to a Regie server, so that commands can work on it (--server or REGIE_SERVER).",
                                              "Log in op een Regie-server, zodat opdrachten erop kunnen werken (--server of REGIE_SERVER)."),
            discussion: H(
                "Make an API token on the server's account page (ADDRESS/account) and paste it when asked; or, with --browser, "
                + "open the address it shows, log in there and give the command line access: the token comes back to this "
                + "computer sealed, through the browser. Either way it is checked with the server and kept in "
                + "~/.config/regie/credentials.json, readable by you alone.",
                "Maak een API-token op de accountpagina van de server (ADRES/account) en plak het als daarom gevraagd wordt; "
                + "of open met --browser het adres dat het toont, log daar in en geef de opdrachtregel toegang: het token komt "
                + "verzegeld via de browser terug naar deze computer. Het wordt hoe dan ook bij de server gecontroleerd en "
                + "bewaard in ~/.config/regie/credentials.json, alleen leesbaar voor jou."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The server's address, such as https://regie.example.org.", "Het adres van de server, zoals https://regie.example.org."))
    var address: String
    @Flag(name: .customLong("token-stdin"), help: H("Read the token from standard input, without asking (for scripts).",
                                                    "Lees het token van de standaardinvoer, zonder te vragen (voor scripts)."))
    var tokenStdin = false
    @Flag(help: H("Log in in a browser, which hands this command line its token.",
                  "Log in via een browser, die deze opdrachtregel zijn token geeft.")) var browser = false

    func validate() throws {
        if browser && tokenStdin { throw ValidationError("Give --browser or --token-stdin, not both.") }
    }

    /// How long a browser login waits for the person.
    static let browserMinutes = 5

    func run() async throws {
        let environment = ProcessEnvironment.current
        let server = try ServerClient.normalised(address)
        let l = L10n(language: global.lang ?? ServerClient.language(environment))
        guard let path = ServerCredentials.location(environment) else {
            throw RegieError(.configuration, .credentialsUnreadable, ["path": "~/.config/regie", "detail": "there is no home folder (HOME)"])
        }
        var credentials = try ServerCredentials(path: path)
        let token = browser ? try await Self.browserLogin(server, l: l, environment: environment) : try Self.pastedToken(server, l: l, tokenStdin)
        // Not one of Regie's tokens (a stray paste): refused here, never sent anywhere.
        guard APITokenSecret.hashIfWellFormed(token) != nil else { throw RegieError(.notPermitted, .tokenInvalid) }
        let client = ServerClient(server: server, token: token, l: l, purpose: global.purpose)
        let person = try await client.decode(ServerPerson.self, .get, "/me")
        credentials.set(.init(server: server, token: token, person: person.id))
        try credentials.save()
        Console.current.line(l("Logged in to \(server) as \(person.name) (\(person.id)).",
                               "Ingelogd op \(server) als \(person.name) (\(person.id))."))
    }

    /// A token pasted at the prompt (without echo) or piped in.
    static func pastedToken(_ server: String, l: L10n, _ tokenStdin: Bool) throws(RegieError) -> String {
        if !tokenStdin {
            FileHandle.standardError.write(Data(l("Make a token at \(server)/account and paste it here: ",
                                                  "Maak een token op \(server)/account en plak het hier: ").utf8))
        }
        let token = (tokenStdin ? Self.readAll() : Self.readSecretLine())?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !token.isEmpty else { throw RegieError(.usage, .tokenNotGiven) }
        return token
    }

    /// Waits on this computer for the browser to bring back the token the server sealed to a
    /// key made for this login alone (``LoginHandover``), after showing where to log in.
    static func browserLogin(_ server: String, l: L10n, environment: [String: String]) async throws(RegieError) -> String {
        let pending = LoginHandover.Pending()
        let query = try await LoginCallbackListener.wait(minutes: browserMinutes, language: l.language) { port in
            let address = "\(server)/cli-login?\(pending.request(port: port).query())"
            FileHandle.standardError.write(Data(l("Open this address in your browser, log in and give the command line access:\n\(address)\n",
                                                  "Open dit adres in je browser, log in en geef de opdrachtregel toegang:\n\(address)\n").utf8))
            openInBrowser(address, environment: environment)
        }
        guard let token = pending.token(fromCallback: query) else { throw RegieError(.notPermitted, .handoverRefused) }
        return token
    }

    /// Opens the address in the desktop's browser, when there is a desktop; else the person opens it.
    static func openInBrowser(_ address: String, environment: [String: String]) {
        guard environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", address]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }

    /// Standard input, up to a few kilobytes (a token is 49 characters).
    static func readAll() -> String? {
        String(data: (try? FileHandle.standardInput.read(upToCount: 4096)) ?? Data(), encoding: .utf8)
    }

    /// One line from the terminal without showing it (a token is a secret); from a pipe, as it comes.
    static func readSecretLine() -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return readLine() }
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine()
    }
}

struct LogoutCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "logout", abstract: H("Log out of a server: its token is revoked there and forgotten here.",
                                                                "Log uit op een server: het token wordt daar ingetrokken en hier vergeten."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The server's address (default: --server, REGIE_SERVER, or the one server you are logged in to).",
                      "Het adres van de server (standaard: --server, REGIE_SERVER, of de ene server waarop je bent ingelogd)."))
    var address: String?

    func run() async throws {
        let environment = ProcessEnvironment.current
        let l = L10n(language: global.lang ?? ServerClient.language(environment))
        guard let path = ServerCredentials.location(environment) else { throw RegieError(.notPermitted, .notLoggedIn, ["server": "?"]) }
        var credentials = try ServerCredentials(path: path)
        let given = address ?? ServerClient.address(global, environment) ?? (credentials.logins.count == 1 ? credentials.logins[0].server : nil)
        guard let given else { throw RegieError(.usage, .serverAddressInvalid, ["address": ""]) }
        let server = try ServerClient.normalised(given)
        guard let login = credentials.login(for: server) else { throw RegieError(.notPermitted, .notLoggedIn, ["server": .text(server)]) }
        let client = ServerClient(server: server, token: login.token, l: l, purpose: global.purpose)
        let revokeFailure = await Self.revoke(client)
        credentials.remove(server: server)
        try credentials.save()
        if let revokeFailure {
            Console.current.line(l("Forgotten here, but the token could not be revoked on \(server): it works there until it expires or you revoke it on the account page.",
                                   "Hier vergeten, maar het token kon op \(server) niet worden ingetrokken: het werkt daar tot het verloopt of je het op de accountpagina intrekt."))
            throw revokeFailure
        }
        Console.current.line(l("Logged out of \(server).", "Uitgelogd op \(server)."))
    }

    /// Revokes the token the client holds on its server. - Returns: why it could not be; nil
    /// when it is revoked, or was no longer valid anyway.
    static func revoke(_ client: ServerClient) async -> RegieError? {
        do throws(RegieError) {
            let person = try await client.decode(ServerPerson.self, .get, "/me")
            if let id = person.tokenId { _ = try await client.send(.delete, "/tokens/\(id)") }
            return nil
        } catch {
            return error.code == .tokenInvalid ? nil : error
        }
    }
}
