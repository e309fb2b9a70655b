import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

struct AccountGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "account", abstract: H("Local accounts for the server, for organisations without an identity provider.",
                                                "Lokale accounts voor de server, voor organisaties zonder identity provider."),
            subcommands: [AccountInviteCommand.self])
    }
}

struct AccountInviteCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "invite", abstract: H("Make a one-time link with which a person sets up their password and second factor.",
                                               "Maak een eenmalige link waarmee iemand een wachtwoord en tweede factor instelt."),
            discussion: H(
                "By a coordinator of one of the person's teams, on the server's machine. The same for a lost phone or "
                + "password: the new account replaces the old one and ends its sessions. Give the link to the person only.",
                "Door een coördinator van een van de teams van die persoon, op de machine van de server. Ook bij een "
                + "verloren telefoon of wachtwoord: het nieuwe account vervangt het oude en beëindigt de sessies. Geef de "
                + "link alleen aan die persoon."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Argument(help: H("The person's id in regie.yaml.", "De id van de persoon in regie.yaml.")) var person: String

    struct InviteJSON: Encodable {
        var person: String, link: String, expiresAt: Date
    }

    func run() async throws {
        let session = try await CaseSession(global)
        let (code, expires, invited) = try await session.invite(person)
        let server = session.workspace.server
        let base = server.publicURL?.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            ?? "http://\(server.host):\(server.port)"
        let link = "\(base)/enrol/\(code)"
        if output.json { return try JSONOutput.print(InviteJSON(person: invited.id, link: link, expiresAt: expires)) }
        let l = session.l
        let until = ISO8601DateFormatter().string(from: expires)
        Console.current.line(l("Enrolment link for \(invited.id), valid once until \(until):",
                               "Inschrijflink voor \(invited.id), eenmaal geldig tot \(until):"))
        Console.current.line(link)
    }
}
