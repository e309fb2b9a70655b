import Foundation
import RegieCore
import RegieLua
import RegieStore

/// One command's view of the workspace: the store, the rules, who acts, the language and the time.
/// Each change is decided against the case as read and appended in one transaction that
/// checks the version, so a refused or failed command writes nothing.
final class CaseSession {
    let workspace: Workspace
    let store: SQLiteEventStore
    let rules: RuleBook
    let l: L10n
    let actorID: String
    let now: Date
    /// Recorded with every read of case data.
    let purpose: String

    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws(RegieError) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = try WorkspaceLoader.locate(explicit: options.workspace, environment: environment, currentDirectory: cwd)
        workspace = try WorkspaceLoader.load(from: root)
        l = L10n(language: options.lang ?? workspace.locale)
        actorID = options.actor ?? environment["REGIE_USER"] ?? environment["USER"] ?? environment["LOGNAME"] ?? ""
        // Whole milliseconds, as the store records times: what a plugin saw when deciding (the
        // day, the second) is then exactly what `audit verify` shows it again.
        now = Date(timeIntervalSince1970: (try Self.clock(environment).timeIntervalSince1970 * 1000).rounded() / 1000)
        purpose = try Self.purpose(options.purpose ?? workspace.audit.purpose)
        do {
            // REGIE_BUSY_TIMEOUT (seconds) sets how long to wait for another process's lock.
            let timeout = environment["REGIE_BUSY_TIMEOUT"].flatMap(Double.init).map { max(0, $0) } ?? 5
            store = try SQLiteEventStore(path: workspace.databasePath, busyTimeout: timeout)
        } catch {
            throw RegieError.from(error)
        }
        rules = try RuleBook(workspace: workspace, store: store)
    }

    /// `REGIE_NOW` (ISO 8601) fixes the clock for reproducible demos and tests.
    private static func clock(_ environment: [String: String]) throws(RegieError) -> Date {
        guard let text = environment["REGIE_NOW"], !text.isEmpty else { return Date() }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw RegieError(.usage, en: "REGIE_NOW is not an ISO 8601 time such as 2026-11-23T09:00:00Z.",
                             nl: "REGIE_NOW is geen ISO 8601-tijd zoals 2026-11-23T09:00:00Z.",
                             hintEN: "Correct or unset it.", hintNL: "Verbeter of verwijder de variabele.")
        }
        return date
    }

    private static func purpose(_ text: String) throws(RegieError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200, !NationalIdentifier.appears(in: trimmed) else {
            throw RegieError(.usage, en: "A purpose must be a short text of at most 200 characters, without personal numbers.",
                             nl: "Een doel is een korte tekst van hoogstens 200 tekens, zonder persoonsnummers.",
                             hintEN: "For example --purpose \"care\" or --purpose \"supervision\".",
                             hintNL: "Bijvoorbeeld --purpose \"zorg\" of --purpose \"intervisie\".")
        }
        return trimmed
    }

    /// The acting person, who must belong to the team.
    func actor(inTeam team: String) throws(RegieError) -> Actor {
        let person = try person()
        guard person.teams.contains(team) else {
            throw RegieError(.notPermitted, en: "\(person.id) is not a member of team \(team).",
                             nl: "\(person.id) is geen lid van team \(team).",
                             hintEN: "Act as a member of that team, or add the team to this person in regie.yaml.",
                             hintNL: "Handel als lid van dat team, of voeg het team toe bij deze persoon in regie.yaml.")
        }
        return Actor(id: person.id, role: person.role)
    }

    /// The acting person, who must be listed in the workspace.
    func person() throws(RegieError) -> Workspace.Person {
        guard let person = workspace.person(actorID) else {
            throw RegieError(.notPermitted, en: "\(actorID.isEmpty ? "The acting person" : "“\(actorID)”") is not a person of this workspace.",
                             nl: "\(actorID.isEmpty ? "De handelende persoon" : "‘\(actorID)’") is geen persoon in deze werkomgeving.",
                             hintEN: "Say who you are with --as or REGIE_USER, using an id under `people` in regie.yaml.",
                             hintNL: "Zeg wie je bent met --as of REGIE_USER, met een id onder `people` in regie.yaml.")
        }
        return person
    }

    func team(_ id: String) throws(RegieError) -> Workspace.Team {
        guard let team = workspace.team(id) else {
            let known = workspace.teams.map(\.id).joined(separator: ", ")
            throw RegieError(.notFound, en: "There is no team \(id).", nl: "Er is geen team \(id).",
                             hintEN: "Known teams: \(known).", hintNL: "Bekende teams: \(known).")
        }
        return team
    }

    /// A case and its pinned workflow. Reading requires the actor to be in the case's team.
    func load(_ caseID: Int) throws(RegieError) -> (state: CaseState, workflow: Workflow, actor: Actor) {
        let events: [RecordedEvent]
        do {
            events = try store.events(of: caseID)
        } catch {
            throw RegieError.from(error)
        }
        let state: CaseState
        do {
            state = try CaseState.replay(events)
        } catch {
            throw RegieError.from(error)
        }
        let actor = try actor(inTeam: state.team)
        return (state, try rules.pinned(state.workflowHash), actor)
    }

    /// A case read to be shown: loaded, then the read is recorded in the access log before
    /// anything is shown. If the read cannot be recorded, nothing is shown.
    func read(_ caseID: Int, action: String) throws(RegieError) -> (state: CaseState, workflow: Workflow, actor: Actor) {
        let loaded = try load(caseID)
        try recordRead(caseID: caseID, action: action)
        return loaded
    }

    /// Records in the access log that the acting person read case data (of one case, or
    /// across cases when `caseID` is nil) with the given command.
    func recordRead(caseID: Int?, action: String) throws(RegieError) {
        let person = try person()
        do {
            try store.recordAccess(actor: person.id, role: person.role.rawValue, at: now, caseID: caseID, action: action,
                                   purpose: purpose)
        } catch {
            throw RegieError.from(error)
        }
    }

    /// Turns on automatic checkpoints before a write, creating the workspace's key if needed.
    private func enableCheckpoints() throws(RegieError) {
        guard store.checkpointPolicy == nil else { return }
        let key = try SigningKeyFile.loadOrCreate(at: workspace.signingKeyPath)
        store.checkpointPolicy = CheckpointPolicy(key: key, every: workspace.audit.checkpointEvery)
    }

    /// Decides and records a command on a case.
    /// - Returns: the case after the command and the recorded events (none if nothing changed).
    @discardableResult
    func perform(_ command: CaseCommand, on caseID: Int, ruleSources: [SQLiteEventStore.RuleSource] = [])
        throws(RegieError) -> (state: CaseState, recorded: [RecordedEvent])
    {
        let (before, workflow, actor) = try load(caseID)
        let context = DecisionContext(actor: actor, now: now, workflow: workflow, evaluator: rules.evaluator,
                                      plugins: try rules.plugins(for: before, workflow: workflow))
        let events: [CaseEvent]
        do {
            events = try CaseDecider.decide(before, command, context)
        } catch {
            throw RegieError.from(error, caseID: caseID)
        }
        // The case after the command, worked out before it is recorded so that its report
        // facts are stored in the same transaction as its events.
        var after = before
        do {
            for (offset, event) in events.enumerated() {
                try after.apply(RecordedEvent(caseID: caseID, version: before.version + offset + 1, actor: actor.id, recordedAt: now,
                                              event: event))
            }
        } catch {
            throw RegieError(.internalError, en: "A decided event could not be applied.",
                             nl: "Een besloten gebeurtenis kon niet worden verwerkt.")
        }
        try enableCheckpoints()
        let recorded: [RecordedEvent]
        do {
            recorded = try store.append(events, to: caseID, expectedVersion: before.version, actor: actor.id, at: now,
                                        ruleSources: ruleSources, facts: events.isEmpty ? nil : CaseFacts(after))
        } catch {
            throw RegieError.from(error)
        }
        return (after, recorded)
    }

    /// Opens a case for a team, pinned to the team's workflow and plugins as they are now.
    func openCase(team teamID: String, clientLabel: String, reference: String?, complex: Bool) throws(RegieError) -> CaseState {
        let team = try team(teamID)
        let actor = try actor(inTeam: team.id)
        let (workflow, source, hash) = try rules.current(for: team)
        let plugins = try rules.currentPlugins(for: team, workflow: workflow)
        let open = OpenCase(team: team.id, clientLabel: clientLabel, externalReference: reference, complex: complex,
                            workflow: workflow.name, workflowHash: hash, plugins: plugins.pins)
        let context = DecisionContext(actor: actor, now: now, workflow: workflow, evaluator: rules.evaluator)
        let events: [CaseEvent]
        do {
            events = try CaseDecider.decide(nil, .open(open), context)
        } catch {
            throw RegieError.from(error, caseID: 0)
        }
        guard case .opened(let opened) = events.first else {
            throw RegieError(.internalError, en: "Opening a case gave no opening event.", nl: "Het openen gaf geen openingsgebeurtenis.")
        }
        try enableCheckpoints()
        do {
            let recorded = try store.openCase(opened, workflowSource: source, pluginSources: plugins.sources, actor: actor.id, at: now)
            return CaseState(id: recorded.caseID, opened: opened, at: now, by: actor.id)
        } catch {
            throw RegieError.from(error)
        }
    }

    /// The checklist of a phase for a case: the workflow's items, then its plugins'.
    func checklist(_ phase: Phase, of state: CaseState, workflow: Workflow) throws(RegieError) -> [ChecklistItemState] {
        Checklist.evaluate(phase, of: state, workflow: workflow, evaluator: rules.evaluator,
                           plugins: try rules.plugins(for: state, workflow: workflow), at: now)
    }

    /// The prompts of a phase for a case: the workflow's, then its plugins'. A plugin that
    /// fails to give its prompts is named in a last prompt rather than hiding the case.
    func prompts(_ phase: Phase, of state: CaseState, workflow: Workflow) throws(RegieError) -> [LocalizedText] {
        let plugins = try rules.plugins(for: state, workflow: workflow)
        do {
            return workflow.definition(of: phase).prompts + (try plugins.prompts(phase, of: state, at: now)).map(\.text)
        } catch {
            let failure = RegieError.from(error).message
            return workflow.definition(of: phase).prompts
                + [LocalizedText(nl: "(De vragen van de plugins ontbreken. \(failure.nl))", en: "(The plugins' prompts are missing. \(failure.en))")]
        }
    }

    /// What the case's plugins suggest on entering a phase.
    func suggestions(entering phase: Phase, of state: CaseState, workflow: Workflow) throws(RegieError) -> [PluginSuggestion] {
        let plugins = try rules.plugins(for: state, workflow: workflow)
        do {
            return try plugins.suggestions(on: phase, of: state, at: now)
        } catch {
            throw RegieError.from(error)
        }
    }
}
