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
        let change: CaseSession.SecondWorkerChange = noSecond ? .remove : second.map { .set($0) } ?? .keep
        let request = CaseCommandRun.ServerRequest(.patch, "/workers", ["worker": worker, "second_worker": second,
                                                                         "remove_second": noSecond ? true : nil])
        let done = try await CaseCommandRun.perform(global, caseID: caseID, request) { session in
            try await session.assign(caseID, worker: worker, second: change)
        }
        let l = done.l, holder = try Self.holder(done)
        let second = holder.secondWorkerName.map { l(", second \($0)", ", tweede \($0)") } ?? ""
        Console.current.line(l("Case \(caseID) is held by \(holder.workerName)\(second).",
                               "Casus \(caseID) wordt gedragen door \(holder.workerName)\(second)."))
    }

    /// Who holds the case after a change; a server that does not say so answered wrongly.
    static func holder(_ done: CaseCommandRun.Outcome) throws(RegieError) -> CaseHolderJSON {
        guard let holder = done.holder else { throw RegieError(.storage, .serverAnswerInvalid, ["server": "--server"]) }
        return holder
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
        if let toTeam {
            let done = try await CaseCommandRun.perform(global, caseID: caseID, .init(.post, "/transfer", ["to_team": toTeam, "reason": reason])) {
                try await $0.offerTransfer(caseID, toTeam: toTeam, reason: reason ?? "")
            }
            let holder = try CaseAssignCommand.holder(done)
            let team = holder.transferTo ?? toTeam
            Console.current.line(done.l("Case \(caseID) is offered to team \(team); it stays with team \(holder.team) until a coordinator of \(team) accepts.",
                                        "Casus \(caseID) is aangeboden aan team \(team); hij blijft van team \(holder.team) tot een coördinator van \(team) hem aanneemt."))
        } else if accept {
            let done = try await CaseCommandRun.perform(global, caseID: caseID, .init(.post, "/transfer/accept", ["worker": worker])) {
                try await $0.acceptTransfer(caseID, worker: worker)
            }
            let holder = try CaseAssignCommand.holder(done)
            Console.current.line(done.l("Case \(caseID) is now with team \(holder.team), held by \(holder.workerName).",
                                        "Casus \(caseID) is nu van team \(holder.team), gedragen door \(holder.workerName)."))
        } else if decline {
            let done = try await CaseCommandRun.perform(global, caseID: caseID, .init(.post, "/transfer/decline", ["reason": reason])) {
                try await $0.declineTransfer(caseID, reason: reason ?? "")
            }
            Console.current.line(done.l("Case \(caseID) was declined; it stays with its team.", "Casus \(caseID) is geweigerd; hij blijft bij zijn team."))
        } else {
            let done = try await CaseCommandRun.perform(global, caseID: caseID, .init(.post, "/transfer/withdraw", ["reason": reason])) {
                try await $0.withdrawTransfer(caseID, reason: reason ?? "")
            }
            Console.current.line(done.l("The offer of case \(caseID) is withdrawn.", "Het aanbod van casus \(caseID) is ingetrokken."))
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

    struct Offers: Decodable {
        var transfers: [TransferOfferJSON]
    }

    func run() async throws {
        let offers: [TransferOfferJSON], l: L10n
        if let server = try ServerClient.connect(global) {
            offers = try await server.decode(Offers.self, .get, "/transfers").transfers
            l = server.l
        } else {
            let session = try await CaseSession(global)
            offers = try await session.transferOffers().map { TransferOfferJSON($0, names: session.displayName) }
            l = session.l
        }
        if output.json { return try JSONOutput.print(offers) }
        if offers.isEmpty { return Console.current.line(l("No handovers are waiting.", "Er wachten geen overdrachten.")) }
        for offer in offers {
            let who = offer.requestedByName
            Console.current.line(l("case \(offer.caseId): team \(offer.fromTeam) → team \(offer.toTeam), offered by \(who): \(offer.reason)",
                                   "casus \(offer.caseId): team \(offer.fromTeam) → team \(offer.toTeam), aangeboden door \(who): \(offer.reason)"))
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
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.relabel(label: client, reference: reference), .init(.patch, "", ["client_label": client, "reference": reference]))
        }
        let l = done.l, label = done.clientLabel ?? client ?? "", shown = done.reference.map { " (\($0))" } ?? ""
        Console.current.line(!done.changed
            ? l("Case \(caseID) already reads so.", "Casus \(caseID) staat al zo.")
            : l("Case \(caseID) is now labelled \(label)\(shown).", "Casus \(caseID) heet nu \(label)\(shown)."))
    }
}
