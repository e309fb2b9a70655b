import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct TokenGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "token", abstract: H("Make, list and revoke your API tokens for the server.",
                                              "Maak, bekijk en trek je API-tokens voor de server in."),
            discussion: H(
                "On the server's own machine this works on its store directly, as the person --as names: that is how an "
                + "administrator gives someone their first token. Everyone can then make more with POST /api/v1/tokens.",
                "Op de machine van de server werkt dit rechtstreeks op zijn opslag, als de persoon die --as noemt: zo geeft "
                + "een beheerder iemand zijn eerste token. Daarna maakt ieder er meer met POST /api/v1/tokens."),
            subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
    }
}

struct TokenCreateCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "create", abstract: H("Make a token; its secret is shown this once.",
                                                                "Maak een token; het geheim wordt alleen nu getoond."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(help: H("What the token is for, such as laptop or export-script.", "Waar het token voor is, zoals laptop of export-script."))
    var name: String
    @Option(help: H("How many days it lasts (default: server: token_default_days, 90).",
                    "Hoeveel dagen het geldig is (standaard: server: token_default_days, 90).")) var days: Int?

    func run() async throws {
        let session = try await CaseSession(global)
        let (token, secret) = try await session.createToken(name: name, days: days)
        if output.json { return try JSONOutput.print(TokenJSON(token, secret: secret)) }
        let l = session.l
        let until = LocalDate(dayOf: token.expiresAt, in: session.workspace.timeZone)
        Console.current.line(l("Token \(token.id) (\(token.name)) for \(token.person), valid until \(until):",
                               "Token \(token.id) (\(token.name)) voor \(token.person), geldig tot \(until):"))
        Console.current.line(secret)
        Console.current.line(l("Keep it like a password: it is not shown again.", "Bewaar het als een wachtwoord: het wordt niet opnieuw getoond."))
    }
}

struct TokenListCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: H("List your tokens (never their secrets).",
                                                              "Toon je tokens (nooit hun geheim)."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    func run() async throws {
        let session = try await CaseSession(global)
        let tokens = try await session.tokens()
        if output.json { return try JSONOutput.print(tokens.map { TokenJSON($0) }) }
        let l = session.l, zone = session.workspace.timeZone
        if tokens.isEmpty { return Console.current.line(l("No tokens.", "Geen tokens.")) }
        for token in tokens {
            let state = if token.revokedAt != nil { l("revoked", "ingetrokken") }
                else if token.expiresAt <= session.now { l("expired", "verlopen") }
                else { l("valid until \(LocalDate(dayOf: token.expiresAt, in: zone))", "geldig tot \(LocalDate(dayOf: token.expiresAt, in: zone))") }
            let used = token.lastUsedAt.map { l("last used \(LocalDate(dayOf: $0, in: zone))", "laatst gebruikt \(LocalDate(dayOf: $0, in: zone))") }
                ?? l("never used", "nooit gebruikt")
            Console.current.line("\(token.id)  \(token.name)  \(state), \(used)")
        }
    }
}

struct TokenRevokeCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "revoke", abstract: H("Revoke one of your tokens at once.",
                                                                "Trek een van je tokens meteen in."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The token's id (see `regie token list`).", "De id van het token (zie `regie token list`).")) var id: String

    func run() async throws {
        let session = try await CaseSession(global)
        try await session.revokeToken(id: id)
        Console.current.line(session.l("Token \(id) revoked.", "Token \(id) ingetrokken."))
    }
}
