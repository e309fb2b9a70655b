import RegieReports
import Foundation
import RegieCore
import RegieLua
import RegieStore

/// One command's view of the workspace: the store, the rules, who acts, the language and the time.
/// Each change is decided against the case as read and appended in one transaction that
/// checks the version, so a refused or failed command writes nothing.
package final class CaseSession {
    package let workspace: Workspace
    package let store: any EventStore
    package let rules: RuleBook
    package let l: L10n
    package let actorID: String
    package let now: Date
    /// `now` was fixed by the front end (REGIE_NOW on a demo or test store), not read from a clock.
    package let clockIsFixed: Bool
    /// Recorded with every read of case data.
    package let purpose: String
    /// Where a server request came from; nil on the command line.
    package let address: String?
    /// Why the plugins' reminders are missing from the last move performed, if they failed.
    package private(set) var reminderFailure: RegieError?
    /// The session opened the store and closes it; a shared store stays open.
    private let ownsStore: Bool
    /// Where the rule book goes back to when the session ends (a server's).
    private let pool: RuleBookPool?
    /// Cases already replayed by other requests (a server's).
    let replays: ReplayedStates?
    /// Where reads go to be recorded together with other requests' (a server's); nil: each on its own.
    private let accessLog: GroupCommit<AccessRead>?

    /// - Parameters:
    ///   - request: who asks, when, why and in which language, as the front end established it.
    ///   - readOnlyFallback: for commands that can do their work without writing
    ///     (`audit verify`): a database that cannot be written is opened read-only instead of refused.
    package init(workspace: Workspace, request: Request, access: StoreAccess = StoreAccess(), readOnlyFallback: Bool = false)
        async throws(RegieError)
    {
        self.workspace = workspace
        (l, actorID, clockIsFixed, now, purpose) = try Self.asked(request, workspace)
        address = request.address
        store = try await StoreOpener.open(workspace, access: access, busyTimeout: request.busyTimeout, readOnlyFallback: readOnlyFallback)
        ownsStore = true
        pool = nil
        replays = nil
        accessLog = nil
        if request.clockIsFixed && !store.allowsFixedClock {
            await store.close()
            throw RegieError(.usage, .fixedClockOnRealDatabase)
        }
        do {
            rules = try RuleBook(workspace: workspace, store: store)
        } catch {
            await store.close()
            throw error
        }
    }

    /// A session on a store that stays open after it (a server's, shared by its requests):
    /// ``close()`` leaves the store open. The store's checkpoint policy must already be set.
    /// - Parameter pool: rule books to take one from and give it back to on ``close()``.
    /// - Parameter accessLog: records this session's reads with other requests' in one transaction.
    package init(workspace: Workspace, request: Request, sharedStore: any EventStore, pool: RuleBookPool? = nil,
                 replays: ReplayedStates? = nil, accessLog: GroupCommit<AccessRead>? = nil) throws(RegieError) {
        self.workspace = workspace
        (l, actorID, clockIsFixed, now, purpose) = try Self.asked(request, workspace)
        address = request.address
        if request.clockIsFixed && !sharedStore.allowsFixedClock { throw RegieError(.usage, .fixedClockOnRealDatabase) }
        store = sharedStore
        ownsStore = false
        self.pool = pool
        self.replays = replays
        self.accessLog = accessLog
        if let book = pool?.take(for: workspace) {
            rules = book
        } else {
            rules = try RuleBook(workspace: workspace, store: sharedStore)
        }
    }

    /// What a request fixes for the session: the language, who asks, the clock and the purpose.
    private static func asked(_ request: Request, _ workspace: Workspace) throws(RegieError)
        -> (L10n, String, Bool, Date, String)
    {
        let now = wholeMilliseconds(request.now)
        try checkRecordable(now)
        return (L10n(language: request.language ?? workspace.locale), request.actorID, request.clockIsFixed, now,
                try checkedPurpose(request.purpose ?? workspace.audit.purpose))
    }

    /// Whole milliseconds, as the store records times: what a plugin saw when deciding (the
    /// day, the second) is then exactly what `audit verify` shows it again.
    private static func wholeMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// Closes the store if the session opened it; the session cannot be used afterwards.
    package func close() async {
        if ownsStore { await store.close() }
        pool?.giveBack(rules)
    }

    /// A clock outside ``RecordedTime/writable`` is wrong, and nothing is written with it.
    private static func checkRecordable(_ now: Date) throws(RegieError) {
        guard !RecordedTime.writable.contains(now) else { return }
        let shown = ISO8601DateFormatter().string(from: now)
        throw RegieError(.configuration, .clockOutOfRange, ["now": "\(shown)"])
    }

    /// A purpose as recorded: trimmed, not empty, at most 200 characters, no national number.
    package static func checkedPurpose(_ text: String) throws(RegieError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200, !NationalIdentifier.appears(in: trimmed) else {
            throw RegieError(.usage, .purposeInvalid)
        }
        return trimmed
    }

    /// The acting person, who must belong to the team.
    package func actor(inTeam team: String) throws(RegieError) -> Actor {
        let person = try person()
        guard person.teams.contains(team) else {
            throw RegieError(.notPermitted, .notTeamMember, ["person": "\(person.id)", "team": "\(team)"])
        }
        return Actor(id: person.id, role: person.role)
    }

    /// A person of the workspace who belongs to this team, by id (normalised).
    package func teamPerson(_ id: String, of team: String) throws(RegieError) -> String {
        guard let person = workspace.person(id) else { throw RegieError(.notFound, .workerUnknown, ["person": .text(id)]) }
        guard person.teams.contains(team) else {
            throw RegieError(.refused, .workerNotInTeam, ["person": .text(person.id), "team": .text(team)])
        }
        return person.id
    }

    /// The day it is now for the workspace's teams.
    package var today: LocalDate { LocalDate(dayOf: now, in: workspace.timeZone) }

    /// The acting person, who must be listed in the workspace.
    package func person() throws(RegieError) -> Workspace.Person {
        guard let person = workspace.person(actorID) else {
            throw actorID.isEmpty ? RegieError(.notPermitted, .noActingPerson)
                : RegieError(.notPermitted, .unknownPerson, ["person": .text(actorID)])
        }
        return person
    }

    package func team(_ id: String) throws(RegieError) -> Workspace.Team {
        guard let team = workspace.team(id) else {
            let known = workspace.teams.map(\.id).joined(separator: ", ")
            throw RegieError(.notFound, .teamNotFound, ["team": "\(id)", "known_teams": "\(known)"])
        }
        return team
    }

    /// Who may act on a case.
    package enum CaseAccess: Sendable {
        /// Members of the case's team.
        case team
        /// A coordinator of the team a pending transfer offers the case to.
        case receivingCoordinator
    }

    /// A case and its pinned workflow. Reading requires the actor to be in the case's team (or,
    /// for `.receivingCoordinator`, to coordinate the team the case is offered to).
    package func load(_ caseID: Int, access: CaseAccess = .team) async throws(RegieError)
        -> (state: CaseState, workflow: Workflow, actor: Actor)
    {
        let events: [RecordedEvent]
        do {
            events = try await store.events(of: caseID)
        } catch {
            throw RegieError.from(error)
        }
        let state: CaseState
        do {
            state = try CaseState.replay(events)
        } catch {
            throw RegieError.from(error)
        }
        let actor: Actor
        switch access {
        case .team:
            actor = try self.actor(inTeam: state.team)
        case .receivingCoordinator:
            // Nothing of a case is shown to another team before it is theirs: an outsider learns
            // only that there is no transfer for them.
            guard let pending = state.pendingTransfer, let person = workspace.person(actorID), person.teams.contains(pending.toTeam)
            else { throw RegieError(.notPermitted, .noTransferForYou, ["case": .number(caseID)]) }
            guard person.role == .coordinator else {
                throw RegieError(.notPermitted, .transferNeedsCoordinator, ["team": .text(pending.toTeam)])
            }
            actor = Actor(id: person.id, role: person.role)
        }
        let workflow = try await rules.pinned(state.workflowHash)
        try await rules.loadPlugins(of: state)
        return (state, workflow, actor)
    }

    /// A case read to be shown: loaded, then the read is recorded in the access log before
    /// anything is shown. If the read cannot be recorded, nothing is shown.
    package func read(_ caseID: Int, action: String) async throws(RegieError) -> (state: CaseState, workflow: Workflow, actor: Actor) {
        let loaded = try await load(caseID)
        try await recordRead(caseID: caseID, action: action)
        return loaded
    }

    /// Records in the access log that the acting person read case data (of one case, or
    /// across cases when `caseID` is nil) with the given command.
    package func recordRead(caseID: Int?, action: String) async throws(RegieError) {
        try await recordReads(caseIDs: [caseID], action: action)
    }

    /// Records a read that showed these cases (a list, a log): one access entry per case, so
    /// that each client sees it; a list that showed no case is recorded as a read across cases.
    package func recordReads(caseIDs: [Int?], action: String) async throws(RegieError) {
        let person = try person()
        try enableCheckpoints(keyRequired: false)
        let read = AccessRead(reader: AccessReader(actor: person.id, role: person.role.rawValue, purpose: purpose, address: address),
                              at: now, caseIDs: caseIDs.isEmpty ? [nil] : caseIDs, action: action)
        do {
            if let accessLog { try await accessLog.submit([read]) } else { try await store.recordAccesses([read]) }
        } catch {
            throw RegieError.from(error)
        }
    }

    /// Turns on automatic checkpoints before a write. With `audit: signing: separate` writers
    /// hold no key: their checkpoints are stored unsigned (pending) for the key holder to sign.
    /// Otherwise a change to a case needs the key (a missing key is an error, never a new key);
    /// a read is recorded without one, and its checkpoint then waits to be signed as well.
    private func enableCheckpoints(keyRequired: Bool = true) throws(RegieError) {
        try Self.enableCheckpoints(on: store, workspace: workspace, keyRequired: keyRequired)
    }

    /// Sets the store's checkpoint policy if it has none; a server does this once at start,
    /// with `keyRequired`, so that a missing key stops it there rather than at the first write.
    package static func enableCheckpoints(on store: any EventStore, workspace: Workspace, keyRequired: Bool) throws(RegieError) {
        guard store.checkpointPolicy == nil else { return }
        let key = keyRequired && workspace.audit.signsInline ? try SigningKeyFile.required(at: workspace.signingKeyPath)
            : try? SigningKeyFile.load(at: workspace.signingKeyPath)
        store.checkpointPolicy = CheckpointPolicy(key: key, every: workspace.audit.checkpointEvery)
    }

    /// A command's outcome: the case after it and the events recorded (none if nothing changed).
    package typealias Performed = (state: CaseState, recorded: [RecordedEvent])

    /// Decides and records a command on a case.
    /// - Parameter farDateConfirmed: the person confirmed a planned or due date more than two
    ///   years ahead.
    /// - Returns: the case after the command and the recorded events (none if nothing changed).
    ///   - expectedVersion: the version the person last saw (an HTTP `If-Match`); the command is
    ///     refused as a conflict if the case has changed since.
    @discardableResult
    package func perform(_ command: CaseCommand, on caseID: Int, ruleSources: [RuleSource] = [], farDateConfirmed: Bool = false,
                         access: CaseAccess = .team, expectedVersion: Int? = nil)
        async throws(RegieError) -> (state: CaseState, recorded: [RecordedEvent])
    {
        try await perform(on: caseID, ruleSources: ruleSources, farDateConfirmed: farDateConfirmed, access: access,
                          expectedVersion: expectedVersion) { _, _ in command }
    }

    /// Decides and records the command `build` makes from the case as read and the acting
    /// person (who holds it after an assignment, say): the case is read once.
    package func perform(on caseID: Int, ruleSources: [RuleSource] = [], farDateConfirmed: Bool = false, access: CaseAccess = .team,
                         expectedVersion: Int? = nil, _ build: (CaseState, Actor) throws(RegieError) -> CaseCommand)
        async throws(RegieError) -> (state: CaseState, recorded: [RecordedEvent])
    {
        let (before, workflow, actor) = try await load(caseID, access: access)
        if let expectedVersion, expectedVersion != before.version {
            throw RegieError(.conflict, .versionMismatch, ["case": .number(caseID), "expected": .number(expectedVersion),
                                                           "actual": .number(before.version)])
        }
        let command = try build(before, actor)
        // Within a case, time never runs backwards: stays and durations are worked out from
        // it, and audit order must agree with it. A clock set back is refused, not recorded.
        guard now >= before.lastChangedAt else {
            // Another writer committed after this command read the clock: the case changed
            // while the command ran, which is a conflict, not a clock set back.
            if !clockIsFixed, before.lastChangedAt.timeIntervalSince(now) < 60 {
                throw RegieError(.conflict, .changedMeanwhile, ["case": .number(caseID)])
            }
            let last = ISO8601DateFormatter().string(from: before.lastChangedAt)
            throw RegieError(.refused, .clockBeforeLastChange,
                             ["now": .text(ISO8601DateFormatter().string(from: now)), "case": .number(caseID), "last_change": .text(last)])
        }
        let context = DecisionContext(actor: actor, now: now, workflow: workflow, evaluator: rules.evaluator,
                                      plugins: try rules.plugins(for: before, workflow: workflow),
                                      timeZone: workspace.timeZone, farDateConfirmed: farDateConfirmed)
        let deadlineStops = rules.deadlineStops
        var events: [CaseEvent]
        do {
            events = try CaseDecider.decide(before, command, context)
        } catch {
            throw RegieError.from(error, caseID: caseID)
        }
        // A move decided while a plugin or derived item ran into the wall-clock deadline is
        // recorded as such: what the deadline decided is not reproducible, so replay will not
        // compare it as if it were.
        if rules.deadlineStops != deadlineStops {
            events = events.map { event in
                guard case .transitioned(var transition) = event else { return event }
                transition.timeLimited = true
                return .transitioned(transition)
            }
        }
        // The case after the command, worked out before it is recorded so that its report
        // facts are stored in the same transaction as its events.
        func folded(_ events: [CaseEvent]) throws(RegieError) -> CaseState {
            var after = before
            do {
                for (offset, event) in events.enumerated() {
                    try after.apply(RecordedEvent(caseID: caseID, version: before.version + offset + 1, actor: actor.id, recordedAt: now,
                                                  event: event))
                }
            } catch {
                throw RegieError(.internalError, .eventNotApplicable)
            }
            return after
        }
        var after = try folded(events)
        if case .transitioned(var transition) = events.first, let reminders = reminders(on: transition, entered: after, workflow: workflow) {
            transition.reminders = reminders
            events[0] = .transitioned(transition)
            after = try folded(events)
        }
        // The case list's copy of what is due follows the rules the case is under after the command.
        let periods = try await periods(of: after)
        try enableCheckpoints()
        let recorded: [RecordedEvent]
        do {
            recorded = try await store.append(events, to: caseID, expectedVersion: before.version, actor: actor.id, at: now,
                                              ruleSources: ruleSources,
                                              facts: events.isEmpty ? nil : CaseFacts(after, timeZone: workspace.timeZone, periods: periods))
        } catch {
            throw RegieError.from(error)
        }
        return (after, recorded)
    }

    /// What the plugins remind of on a move that enters a phase, numbered after the case's
    /// earlier reminders, to be kept with the move so that it stays on the agenda until done or
    /// dismissed; nil when there is nothing. A plugin that fails to remind does not stop the
    /// move: ``reminderFailure`` says why, for the front end to show.
    private func reminders(on transition: Transitioned, entered: CaseState, workflow: Workflow) -> [Reminder]? {
        reminderFailure = nil
        guard case .active(let phase) = transition.to,
              phase != transition.from.phase || transition.move == .nextRound || transition.move == .renew
        else { return nil }
        let given: [PluginSuggestion]
        do {
            given = try suggestions(entering: phase, of: entered, workflow: workflow)
        } catch {
            reminderFailure = error
            return nil
        }
        let firstID = (entered.reminders.map(\.reminder.id).max() ?? 0) + 1
        let reminders = given.enumerated().map { offset, suggestion in
            Reminder(id: firstID + offset, plugin: suggestion.plugin, text: suggestion.text, due: suggestion.due)
        }
        return reminders.isEmpty ? nil : reminders
    }

    /// Opens a case for a team, pinned to the team's workflow and plugins as they are now.
    /// - Parameters:
    ///   - worker: who holds the case (nil: the person opening it); a person of the team.
    ///   - secondWorker: an optional second worker of the team.
    package func openCase(team teamID: String, clientLabel: String, reference: String?, complex: Bool, worker: String? = nil,
                          secondWorker: String? = nil) async throws(RegieError) -> CaseState {
        let team = try team(teamID)
        let actor = try actor(inTeam: team.id)
        let holder = try teamPerson(worker ?? actor.id, of: team.id)
        let second = try secondWorker.map { id throws(RegieError) in try teamPerson(id, of: team.id) }
        let (workflow, source, hash) = try rules.current(for: team)
        let plugins = try rules.currentPlugins(for: team, workflow: workflow)
        let open = OpenCase(team: team.id, clientLabel: clientLabel, externalReference: reference, complex: complex,
                            workflow: workflow.name, workflowHash: hash, plugins: plugins.pins, worker: holder, secondWorker: second)
        let context = DecisionContext(actor: actor, now: now, workflow: workflow, evaluator: rules.evaluator,
                                      timeZone: workspace.timeZone)
        let events: [CaseEvent]
        do {
            events = try CaseDecider.decide(nil, .open(open), context)
        } catch {
            throw RegieError.from(error, caseID: 0)
        }
        guard case .opened(let opened) = events.first else {
            throw RegieError(.internalError, .noOpeningEvent)
        }
        try enableCheckpoints()
        do {
            let recorded = try await store.openCase(opened, workflowSource: source, pluginSources: plugins.sources, actor: actor.id, at: now)
            return CaseState(id: recorded.caseID, opened: opened, at: now, by: actor.id)
        } catch {
            throw RegieError.from(error)
        }
    }

    /// The checklist of a phase for a case: the workflow's items, then its plugins'.
    package func checklist(_ phase: Phase, of state: CaseState, workflow: Workflow) throws(RegieError) -> [ChecklistItemState] {
        Checklist.evaluate(phase, of: state, workflow: workflow, evaluator: rules.evaluator,
                           plugins: try rules.plugins(for: state, workflow: workflow), at: now)
    }

    /// The prompts of a phase for a case: the workflow's, then its plugins'. A plugin that
    /// fails to give its prompts is named in a last prompt rather than hiding the case.
    package func prompts(_ phase: Phase, of state: CaseState, workflow: Workflow) throws(RegieError) -> [LocalizedText] {
        let plugins = try rules.plugins(for: state, workflow: workflow)
        do {
            return workflow.definition(of: phase).prompts + (try plugins.prompts(phase, of: state, at: now)).map(\.text)
        } catch {
            PluginFailureLog.report(error)
            let sentence = PluginFailureLog.workerSentence(plugin: error.plugin)
            return workflow.definition(of: phase).prompts
                + [LocalizedText(nl: "(De vragen van de plugins ontbreken. \(sentence.nl))", en: "(The plugins' prompts are missing. \(sentence.en))")]
        }
    }

    /// What the case's plugins suggest on entering a phase.
    package func suggestions(entering phase: Phase, of state: CaseState, workflow: Workflow) throws(RegieError) -> [PluginSuggestion] {
        let plugins = try rules.plugins(for: state, workflow: workflow)
        do {
            return try plugins.suggestions(on: phase, of: state, at: now)
        } catch {
            throw RegieError.from(error)
        }
    }
}
