import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

struct ResourceGroup: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "resource", abstract: H("Map the people who could help, and the group the client chooses.",
                                                 "Breng de mensen in kaart die kunnen helpen, en de groep die de cliënt kiest."),
            subcommands: [
                ResourceAddCommand.self, ResourceUpdateCommand.self, ResourceChooseCommand.self, ResourceLeaveCommand.self,
                ResourceRemoveCommand.self,
            ])
    }
}

struct ResourceAddCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "add", abstract: H("Map a person who could help.",
                                                             "Breng iemand in kaart die zou kunnen helpen."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("How the client refers to them, such as “Mother” or “Neighbour Ans”.",
                      "Hoe de cliënt deze persoon noemt, zoals ‘Moeder’ of ‘Buurvrouw Ans’.")) var label: String
    @Option(help: H("How they are related to the client.", "Hoe deze persoon met de cliënt verbonden is.")) var relation: String
    @Option(help: H("informal, experience-expert, volunteer or professional.",
                    "informeel, ervaringsdeskundige, vrijwilliger of professional.")) var kind: ResourceKind

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.mapResource(label: label, relation: relation, kind: kind),
             .init(.post, "/resources", ["label": label, "relation": relation, "kind": kind.rawValue]))
        }
        let id = done.created ?? 0
        Console.current.line(done.l("Resource \(id) (\(label)) mapped in case \(caseID).",
                                       "Resource \(id) (\(label)) in kaart gebracht bij casus \(caseID)."))
    }
}

struct ResourceUpdateCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "update", abstract: H("Record contact, the one-to-one talk, tension, and what they can and cannot do.",
                                               "Leg contact, het persoonlijk gesprek, spanning en wat iemand wel en niet kan vast."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The resource number.", "Het nummer van de resource.")) var resourceID: Int
    @Option(help: H("not-contacted, contacted, willing or declined.",
                    "geen contact, benaderd, doet mee of wil niet.")) var contact: ContactStatus?
    @Flag(name: .customLong("one-to-one"), help: H("The one-to-one conversation before the meeting took place.",
                                                   "Het persoonlijk gesprek voor de bijeenkomst heeft plaatsgevonden.")) var oneToOne = false
    @Option(help: H("What can be expected of them.", "Wat van deze persoon verwacht kan worden.")) var can: String?
    @Option(help: H("What cannot be expected of them.", "Wat niet van deze persoon verwacht kan worden.")) var cannot: String?
    @Option(help: H("none, noted or discussed.", "geen, opgemerkt of besproken.")) var tension: TensionState?
    @Option(help: H("A new label.", "Een nieuwe naam.")) var label: String?
    @Option(help: H("A new relation.", "Een nieuwe relatie.")) var relation: String?
    @Option(help: H("A new kind.", "Een nieuwe soort.")) var kind: ResourceKind?

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
        let body: [String: Any?] = [
            "contact": contact?.rawValue, "one_to_one": oneToOne ? true : nil, "can": can, "cannot": cannot,
            "tension": tension?.rawValue, "label": label, "relation": relation, "kind": kind?.rawValue]
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.changeResource(change), .init(.patch, "/resources/\(resourceID)", body))
        }
        Console.current.line(done.l("Resource \(resourceID) of case \(caseID) updated.", "Resource \(resourceID) van casus \(caseID) bijgewerkt."))
    }
}

struct ResourceChooseCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "choose", abstract: H("Record that the client chose this resource for their group.",
                                               "Leg vast dat de cliënt deze resource voor de groep koos."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The resource number.", "Het nummer van de resource.")) var resourceID: Int
    @Flag(name: .customLong("client-chose"), help: H("Confirms that this is the client's own choice (required).",
                                                     "Bevestigt dat dit de eigen keuze van de cliënt is (verplicht).")) var clientChose = false
    @Option(help: H("An optional note about the choice.", "Een notitie bij de keuze (niet verplicht).")) var note: String?

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.chooseMember(resource: resourceID, clientChose: clientChose, note: note),
             .init(.put, "/resources/\(resourceID)/member", ["client_chose": clientChose, "note": note]))
        }
        Console.current.line(done.l("Resource \(resourceID) joined the group of case \(caseID), by the client's choice.",
                                       "Resource \(resourceID) is op keuze van de cliënt lid van de groep van casus \(caseID)."))
    }
}

struct ResourceLeaveCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "leave", abstract: H("Record that a member left the group.",
                                                               "Leg vast dat een lid de groep verliet."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The resource number.", "Het nummer van de resource.")) var resourceID: Int
    @Option(help: H("Why they left.", "Waarom deze persoon wegging.")) var reason: String

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.removeMember(resource: resourceID, reason: reason), .init(.post, "/resources/\(resourceID)/leave", ["reason": reason]))
        }
        Console.current.line(done.l("Resource \(resourceID) left the group of case \(caseID).",
                                       "Resource \(resourceID) heeft de groep van casus \(caseID) verlaten."))
    }
}

struct ResourceRemoveCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "remove", abstract: H("Take a resource off the case, for example when they ask not to be recorded.",
                                               "Haal een resource van de casus, bijvoorbeeld als die vraagt niet vastgelegd te worden."))
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: H("The case number.", "Het casusnummer."), completion: .caseNumbers) var caseID: Int
    @Argument(help: H("The resource number.", "Het nummer van de resource.")) var resourceID: Int

    func run() async throws {
        let done = try await CaseCommandRun.perform(global, caseID: caseID) { _ in
            (.removeResource(resource: resourceID), .init(.delete, "/resources/\(resourceID)"))
        }
        Console.current.line(done.l("Resource \(resourceID) removed from case \(caseID).", "Resource \(resourceID) verwijderd uit casus \(caseID)."))
    }
}
