import ArgumentParser
import Crypto
import Foundation
import RegieAudit
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that the record was not changed, cut short, reordered or added to behind Regie's back.",
        discussion: """
            Recomputes every event's payload commitment and hash and its link to the event before, checks that versions \
            run without gaps, that the commit order and its Merkle root match the running state, that every checkpoint's \
            signature holds and the record still holds what it signed, that the access log is intact, and replays every \
            transition under the rules recorded with it. Names the first broken event and exits 9; an intact record exits 0.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(name: .customLong("case"), help: "Check only this case's chain and transitions.") var caseID: Int?
    @Option(help: "Also check against a checkpoint exported earlier (`regie audit checkpoint --export`).") var checkpoint: String?
    @Flag(help: "Skip replaying the transitions; check hashes, links and checkpoints only.") var chainOnly = false
    @Option(help: "Demand that the latest checkpoint is cosigned by this witness (its verifier key); repeatable.")
    var witness: [String] = []

    struct Report: Encodable {
        var intact: Bool
        var events: Int
        var cases: Int
        var accessEntries: Int
        var checkpoints: Int
        /// Checkpoints stored unsigned by writers without the key, waiting for `regie audit checkpoint`.
        var checkpointsPending: Int
        var transitionsReplayed: Int
        /// Transitions whose checklist or verdicts the wall-clock deadline decided, not compared.
        var notReproducible: Int
        var problems: [ProblemJSON]
        /// True when the database could not be written, so this check is not in its access log.
        var readOnly: Bool
    }

    struct ProblemJSON: Encodable {
        var caseID: Int?
        var version: Int?
        var accessSequence: Int?
        var problem: String
    }

    func run() throws {
        let session = try CaseSession(global, readOnlyFallback: true)
        _ = try session.person()
        let l = session.l
        let exported = try checkpoint.map { path throws(RegieError) in try Self.readExported(path, l: l) }
        // Only the public key is needed: an auditor verifies without the private key.
        guard let trustedKey = try SigningKeyFile.publicKey(session.workspace) else {
            throw RegieError(.configuration,
                             en: "The workspace's public key (\(session.workspace.signingKeyPath).pub) is missing, so the log's signatures cannot be told from anyone else's.",
                             nl: "De publieke sleutel van de werkomgeving (\(session.workspace.signingKeyPath).pub) ontbreekt, dus de handtekeningen van het logboek zijn niet van andere te onderscheiden.",
                             hintEN: "Restore it from a backup, or ask the key holder for it.",
                             hintNL: "Zet hem terug uit een back-up, of vraag hem aan de sleutelhouder.")
        }
        let retiredKeys = SigningKeyFile.retiredKeys(session.workspace)
        let witnesses = try witness.map { text throws(RegieError) in
            guard let key = NoteKey(verifierKey: text) else {
                throw RegieError(.usage, en: "`\(text)` is not a witness verifier key (NAME+KEYID+BASE64).",
                                 nl: "`\(text)` is geen verificatiesleutel van een getuige (NAAM+SLEUTELID+BASE64).",
                                 hintEN: "Give the line `regie audit witness-key` printed.",
                                 hintNL: "Geef de regel die `regie audit witness-key` toonde.")
            }
            return key
        }
        let rules = session.rules
        try rules.preloadStoredPlugins(from: session.store)
        let storedFacts: [Int: CaseFacts], altered: [String]
        do {
            storedFacts = chainOnly ? [:] : Dictionary(try session.store.caseFacts(teams: nil).facts.map { ($0.caseID, $0) }) { a, _ in a }
            altered = try session.store.alteredRuleSources()
        } catch {
            throw RegieError.from(error)
        }
        let replayer = try TransitionReplayer(workflows: Self.pinnedWorkflows(session), evaluator: rules.evaluator,
                                              storedFacts: storedFacts, deadlineStops: { rules.deadlineStops }) { state, workflow in
            try? rules.plugins(for: state, workflow: workflow)
        }
        let every = session.workspace.audit.checkpointEvery
        let verifier: ChainVerifier, checkpointCount: Int, replayed: Int, notReproducible: Int, problems: [AuditProblem]
        do {
            (verifier, checkpointCount, replayed, notReproducible, problems) = try session.store.readAuditTrail { reader in
                let state = try reader.state()
                let checkpoints = caseID == nil ? try reader.checkpoints() : []
                var chain = ChainVerifier(expectedEvents: caseID == nil ? try reader.eventRows() : nil, checkpoints: checkpoints)
                var replay = replayer
                if !chainOnly { replay.listedRows = try reader.caseListRows(caseID: caseID) }
                try reader.forEachEvent(caseID: caseID, anyTime: true) { event in
                    chain.check(event)
                    if !chainOnly { replay.add(event) }
                }
                replay.finish()
                var found: [AuditProblem]
                if let caseID {
                    // One case: its own chain and its row in the case list; the whole-log checks need every event.
                    let listed = try reader.listedCases().filter { $0.caseID == caseID }
                    if listed.isEmpty && chain.events == 0 { throw StoreError.caseNotFound(caseID) }
                    found = chain.finish(listed: listed, state: state, checkpoints: [], exported: nil, trustedKey: nil)
                        .filter { $0.caseID == caseID }
                } else {
                    try reader.forEachAccess(anyTime: true) { chain.checkAccess($0) }
                    found = chain.finish(listed: try reader.listedCases(), state: state, checkpoints: checkpoints,
                                         exported: exported, trustedKey: trustedKey, retiredKeys: retiredKeys,
                                         policy: chainOnly ? nil : CheckpointDemand(every: every, closedAt: replay.closedAt),
                                         witnesses: witnesses)
                }
                found += altered.map { AuditProblem(.ruleSourceAltered(hash: $0)) }
                return (chain, checkpoints.count, replay.transitions, replay.notReproducible,
                        (found + replay.problems).sorted(by: ChainVerifier.logOrder))
            }
        } catch {
            throw RegieError.from(error)
        }
        let report = Report(
            intact: problems.isEmpty, events: verifier.events, cases: verifier.cases,
            accessEntries: verifier.accessEntries, checkpoints: checkpointCount + (exported == nil ? 0 : 1),
            checkpointsPending: verifier.pendingCheckpoints,
            transitionsReplayed: replayed, notReproducible: notReproducible,
            problems: problems.map { ProblemJSON(caseID: $0.caseID, version: $0.version, accessSequence: $0.accessSequence,
                                                 problem: AuditProblemText.describe($0.kind, l: L10n(language: .en))) },
            readOnly: session.store.isReadOnly)
        // Verifying reads every case: it is logged like any read, where the file can be written.
        if !session.store.isReadOnly { try session.recordRead(caseID: caseID, action: "audit verify") }
        if output.json {
            try JSONOutput.print(report)
        } else {
            render(report, problems: problems, l: l)
            if session.store.isReadOnly {
                Console.current.line(l("This copy of the database is read-only, so this check could not be recorded in its access log.",
                                       "Deze kopie van de database is alleen-lezen; deze controle kon daarom niet in het inzagelog worden vastgelegd."))
            }
        }
        if !problems.isEmpty { throw ExitCode(ExitStatus.auditFailed.rawValue) }
    }

    private func render(_ report: Report, problems: [AuditProblem], l: L10n) {
        let scope = caseID.map { l("case \($0)", "casus \($0)") } ?? l("the whole record", "het hele dossier")
        guard let first = problems.first else {
            Console.current.line(l("Intact (\(scope)): \(report.events) events in \(report.cases) cases, \(report.accessEntries) reads logged, "
                                   + "\(report.checkpoints) checkpoints hold, \(report.transitionsReplayed) transitions replayed legal.",
                                   "Intact (\(scope)): \(report.events) gebeurtenissen in \(report.cases) casussen, \(report.accessEntries) inzages gelogd, "
                                   + "\(report.checkpoints) controlepunten kloppen, \(report.transitionsReplayed) overgangen opnieuw toegepast en geldig."))
            if report.checkpointsPending > 0 {
                Console.current.line(l("\(report.checkpointsPending) checkpoints wait to be signed by the key holder (`regie audit checkpoint`).",
                                       "\(report.checkpointsPending) controlepunten wachten op ondertekening door de sleutelhouder (`regie audit checkpoint`)."))
            }
            if report.notReproducible > 0 {
                Console.current.line(l("\(report.notReproducible) transitions were decided or replayed at the plugins' time limit; their checklists and verdicts were not compared.",
                                       "\(report.notReproducible) overgangen zijn bij de tijdslimiet van de plugins besloten of opnieuw toegepast; hun checklijsten en oordelen zijn niet vergeleken."))
            }
            if caseID != nil {
                Console.current.line(l("Checkpoints and the access log are checked only without --case.",
                                       "Controlepunten en het inzagelog worden alleen zonder --case gecontroleerd."))
            }
            return
        }
        Console.current.line(l("BROKEN: the record does not verify. First: ", "GEBROKEN: het dossier klopt niet. Eerste: ")
                             + AuditProblemText.locate(first, l: l) + ": " + AuditProblemText.describe(first.kind, l: l) + ".")
        for problem in problems.dropFirst().prefix(19) {
            Console.current.line("  " + AuditProblemText.locate(problem, l: l) + ": " + AuditProblemText.describe(problem.kind, l: l))
        }
        if problems.count > 20 {
            Console.current.line(l("  … and \(problems.count - 20) more.", "  … en nog \(problems.count - 20)."))
        }
    }

    /// Every workflow a case is or was pinned to, read before the log so that replay needs no
    /// other read.
    static func pinnedWorkflows(_ session: CaseSession) throws(RegieError) -> [String: Workflow] {
        let hashes: Set<String>
        do {
            hashes = Set(try session.store.ruleSources(kind: "workflow").map(\.hash))
        } catch { throw RegieError.from(error) }
        var workflows: [String: Workflow] = [:]
        for hash in hashes {
            if let workflow = try? session.rules.pinned(hash) { workflows[hash] = workflow }
        }
        return workflows
    }

    static func readExported(_ path: String, l: L10n) throws(RegieError) -> SignedCheckpoint {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw RegieError(.notFound, en: "The checkpoint file \(path) cannot be read.", nl: "Het controlepuntbestand \(path) kan niet worden gelezen.",
                             hintEN: "Give the path of a file written by `regie audit checkpoint --export`.",
                             hintNL: "Geef het pad van een bestand van `regie audit checkpoint --export`.")
        }
        do {
            return try SignedCheckpoint(exported: text)
        } catch {
            throw RegieError(.usage, en: "\(path) is not an exported checkpoint: \(error).",
                             nl: "\(path) is geen geëxporteerd controlepunt: \(error).",
                             hintEN: "Give the file exactly as `regie audit checkpoint --export` wrote it.",
                             hintNL: "Geef het bestand precies zoals `regie audit checkpoint --export` het schreef.")
        }
    }
}
