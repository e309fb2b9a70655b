import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

struct ResourceGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resource", abstract: "Map the people who could help, and the group the client chooses.",
        subcommands: [
            ResourceAddCommand.self, ResourceUpdateCommand.self, ResourceChooseCommand.self, ResourceLeaveCommand.self,
            ResourceRemoveCommand.self,
        ])
}

struct ResourceAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Map a person who could help.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "How the client refers to them, such as “Mother” or “Neighbour Ans”.") var label: String
    @Option(help: "How they are related to the client.") var relation: String
    @Option(help: "informal, experience-expert, volunteer or professional.") var kind: ResourceKind

    func run() async throws {
        let session = try await CaseSession(global)
        let (state, _) = try await session.perform(.mapResource(label: label, relation: relation, kind: kind), on: caseID)
        let id = state.lastResourceID
        Console.current.line(session.l("Resource \(id) (\(label)) mapped in case \(caseID).",
                                       "Resource \(id) (\(label)) in kaart gebracht bij casus \(caseID)."))
    }
}

struct ResourceUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Record contact, the one-to-one talk, tension, and what they can and cannot do.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The resource number.") var resourceID: Int
    @Option(help: "not-contacted, contacted, willing or declined.") var contact: ContactStatus?
    @Flag(name: .customLong("one-to-one"), help: "The one-to-one conversation before the meeting took place.") var oneToOne = false
    @Option(help: "What can be expected of them.") var can: String?
    @Option(help: "What cannot be expected of them.") var cannot: String?
    @Option(help: "none, noted or discussed.") var tension: TensionState?
    @Option(help: "A new label.") var label: String?
    @Option(help: "A new relation.") var relation: String?
    @Option(help: "A new kind.") var kind: ResourceKind?

    func run() async throws {
        var change = ResourceChanged(resourceID: resourceID)
        change.contact = contact
        change.oneToOneHeld = oneToOne ? true : nil
        change.canDo = can
        change.cannotDo = cannot
        change.tension = tension
        change.label = label
        change.relation = relation
        change.kind = kind
        let session = try await CaseSession(global)
        try await session.perform(.changeResource(change), on: caseID)
        Console.current.line(session.l("Resource \(resourceID) of case \(caseID) updated.", "Resource \(resourceID) van casus \(caseID) bijgewerkt."))
    }
}

struct ResourceChooseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "choose", abstract: "Record that the client chose this resource for their group.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The resource number.") var resourceID: Int
    @Flag(name: .customLong("client-chose"), help: "Confirms that this is the client's own choice (required).") var clientChose = false
    @Option(help: "An optional note about the choice.") var note: String?

    func run() async throws {
        let session = try await CaseSession(global)
        try await session.perform(.chooseMember(resource: resourceID, clientChose: clientChose, note: note), on: caseID)
        Console.current.line(session.l("Resource \(resourceID) joined the group of case \(caseID), by the client's choice.",
                                       "Resource \(resourceID) is op keuze van de cliënt lid van de groep van casus \(caseID)."))
    }
}

struct ResourceLeaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leave", abstract: "Record that a member left the group.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The resource number.") var resourceID: Int
    @Option(help: "Why they left.") var reason: String

    func run() async throws {
        let session = try await CaseSession(global)
        try await session.perform(.removeMember(resource: resourceID, reason: reason), on: caseID)
        Console.current.line(session.l("Resource \(resourceID) left the group of case \(caseID).",
                                       "Resource \(resourceID) heeft de groep van casus \(caseID) verlaten."))
    }
}

struct ResourceRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Take a resource off the case, for example when they ask not to be recorded.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The case number.") var caseID: Int
    @Argument(help: "The resource number.") var resourceID: Int

    func run() async throws {
        let session = try await CaseSession(global)
        try await session.perform(.removeResource(resource: resourceID), on: caseID)
        Console.current.line(session.l("Resource \(resourceID) removed from case \(caseID).", "Resource \(resourceID) verwijderd uit casus \(caseID)."))
    }
}
