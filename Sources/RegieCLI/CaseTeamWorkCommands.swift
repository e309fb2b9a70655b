import ArgumentParser
import Foundation
import RegieApp
import RegieCore
import RegieReports

// Who holds a case, handing it to another team, and correcting how the client is named.

struct CaseAssignCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "assign", abstract: H("Change who holds a case: the responsible worker, and an optional second.",
                                               "Wijzig wie een casus draagt: de verantwoordelijke werker en eventueel een tweede."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Option(help: H("The new responsible worker: a person of the case's team.",
                    "De nieuwe verantwoordelijke werker: iemand van het team van de casus.")) var worker: String?
    @Option(help: H("A second worker of the team.", "Een tweede werker van het team.")) var second: String?
    @Flag(name: .customLong("no-second"), help: H("Remove the second worker.", "Haal de tweede werker weg.")) var noSecond = false

    func run() async throws {
        guard worker != nil || second != nil || noSecond else { throw RegieError(.usage, .nothingToChange) }
        guard second == nil || !noSecond else { throw RegieError(.usage, .secondAndNoSecond) }
        let session = try await CaseSession(global)
        let change: CaseSession.SecondWorkerChange = noSecond ? .remove : second.map { .set($0) } ?? .keep
        let state = try await session.assign(caseID, worker: worker, second: change)
        let l = session.l
        let second = state.secondWorker.map { l(", second \(session.displayName($0))", ", tweede \(session.displayName($0))") } ?? ""
        Console.current.line(l("Case \(caseID) is held by \(session.displayName(state.worker))\(second).",
                               "Casus \(caseID) wordt gedragen door \(session.displayName(state.worker))\(second)."))
    }
}

struct CaseTransferCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "transfer", abstract: H("Hand a case to another team, or settle a handover offered to yours.",
                                                 "Draag een casus over aan een ander team, of regel een overdracht aan het jouwe."),
            discussion: H(
                "The sending team offers (`--to-team T --reason R`) or withdraws (`--withdraw --reason R`); the case "
                + "stays theirs until a coordinator of the receiving team accepts (`--accept [--worker W]`) or declines "
                + "(`--decline --reason R`). Until then the receiving team sees only the offer (`regie case "
                + "transfers`).",
                "Het verzendende team biedt aan (`--to-team T --reason R`) of trekt in (`--withdraw --reason R`); de "
                + "casus blijft van hen tot een coördinator van het ontvangende team hem aanneemt (`--accept [--worker "
                + "W]`) of weigert (`--decline --reason R`). Tot dan ziet het ontvangende team alleen het aanbod "
                + "(`regie case transfers`)."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Option(name: .customLong("to-team"), help: H("The team to hand the case to.",
                                                  "Het team waaraan de casus wordt overgedragen."), completion: .teamIDs) var toTeam: String?
    @Option(help: H("Why (needed to offer, withdraw or decline).",
                    "Waarom (nodig bij aanbieden, intrekken of weigeren).")) var reason: String?
    @Flag(help: H("Accept the case into your team (coordinators of the receiving team).",
                  "Neem de casus aan in je team (coördinatoren van het ontvangende team).")) var accept = false
    @Flag(help: H("Decline the case (coordinators of the receiving team).",
                  "Weiger de casus (coördinatoren van het ontvangende team).")) var decline = false
    @Flag(help: H("Withdraw your team's offer.", "Trek het aanbod van je team in.")) var withdraw = false
    @Option(help: H("With --accept: who of your team holds the case (default: you).",
                    "Met --accept: wie van je team de casus draagt (standaard: jij).")) var worker: String?

    func run() async throws {
        let actions = [toTeam != nil, accept, decline, withdraw].filter { $0 }.count
        guard actions == 1 else { throw RegieError(.usage, .transferOneAction) }
        if !accept, reason?.allSatisfy(\.isWhitespace) ?? true { throw RegieError(.usage, .transferNeedsReason) }
        let session = try await CaseSession(global)
        let l = session.l
        if let toTeam {
            let state = try await session.offerTransfer(caseID, toTeam: toTeam, reason: reason ?? "")
            let team = state.pendingTransfer?.toTeam ?? toTeam
            Console.current.line(l("Case \(caseID) is offered to team \(team); it stays with team \(state.team) until a coordinator of \(team) accepts.",
                                   "Casus \(caseID) is aangeboden aan team \(team); hij blijft van team \(state.team) tot een coördinator van \(team) hem aanneemt."))
        } else if accept {
            let state = try await session.acceptTransfer(caseID, worker: worker)
            Console.current.line(l("Case \(caseID) is now with team \(state.team), held by \(session.displayName(state.worker)).",
                                   "Casus \(caseID) is nu van team \(state.team), gedragen door \(session.displayName(state.worker))."))
        } else if decline {
            _ = try await session.declineTransfer(caseID, reason: reason ?? "")
            Console.current.line(l("Case \(caseID) was declined; it stays with its team.", "Casus \(caseID) is geweigerd; hij blijft bij zijn team."))
        } else {
            _ = try await session.withdrawTransfer(caseID, reason: reason ?? "")
            Console.current.line(l("The offer of case \(caseID) is withdrawn.", "Het aanbod van casus \(caseID) is ingetrokken."))
        }
    }
}

struct CaseTransfersCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "transfers", abstract: H("The handovers waiting to or from your teams.",
                                                  "De overdrachten die wachten, naar of van jouw teams."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption

    struct OfferJSON: Encodable {
        var caseId: Int, fromTeam: String, toTeam: String, reason: String, requestedBy: String, requestedAt: Date, incoming: Bool
    }

    func run() async throws {
        let session = try await CaseSession(global)
        let offers = try await session.transferOffers()
        if output.json {
            return try JSONOutput.print(offers.map {
                OfferJSON(caseId: $0.caseID, fromTeam: $0.fromTeam, toTeam: $0.transfer.toTeam, reason: $0.transfer.reason,
                          requestedBy: $0.transfer.requestedBy, requestedAt: $0.transfer.requestedAt, incoming: $0.incoming)
            })
        }
        let l = session.l
        if offers.isEmpty { return Console.current.line(l("No handovers are waiting.", "Er wachten geen overdrachten.")) }
        for offer in offers {
            let who = session.displayName(offer.transfer.requestedBy)
            Console.current.line(l("case \(offer.caseID): team \(offer.fromTeam) → team \(offer.transfer.toTeam), offered by \(who): \(offer.transfer.reason)",
                                   "casus \(offer.caseID): team \(offer.fromTeam) → team \(offer.transfer.toTeam), aangeboden door \(who): \(offer.transfer.reason)"))
        }
    }
}

struct CaseRelabelCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "relabel", abstract: H("Correct how the team refers to the client, or the reference in your own system.",
                                                "Corrigeer hoe het team de cliënt noemt, of het kenmerk in je eigen systeem."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Option(help: H("The client's label: initials or a nickname. Never a BSN.",
                    "Het label van de cliënt: initialen of een roepnaam. Nooit een BSN.")) var client: String?
    @Option(name: .customLong("ref"), help: H("The reference in your own system; an empty text removes it.",
                                              "Het kenmerk in je eigen systeem; een lege tekst haalt het weg.")) var reference: String?

    func run() async throws {
        guard client != nil || reference != nil else { throw RegieError(.usage, .nothingToChange) }
        let session = try await CaseSession(global)
        let (state, recorded) = try await session.perform(.relabel(label: client, reference: reference), on: caseID)
        let l = session.l
        Console.current.line(recorded.isEmpty
            ? l("Case \(caseID) already reads so.", "Casus \(caseID) staat al zo.")
            : l("Case \(caseID) is now labelled \(state.clientLabel)\(state.externalReference.map { " (\($0))" } ?? "").",
                "Casus \(caseID) heet nu \(state.clientLabel)\(state.externalReference.map { " (\($0))" } ?? "")."))
    }
}
