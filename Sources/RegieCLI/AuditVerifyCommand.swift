import ArgumentParser
import Crypto
import Foundation
import RegieAudit
import RegieApp
import RegieCore
import RegieReports
import RegieStore

struct AuditVerifyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify",
            abstract: H("Check that the record was not changed, cut short, reordered or added to behind Regie's back.",
                        "Controleer dat het dossier buiten Regie om niet is gewijzigd, ingekort, herschikt of aangevuld."),
            discussion: H(
                "Recomputes every event's payload commitment and hash and its link to the event before, checks that "
                + "versions run without gaps, that the commit order and its Merkle root match the running state, that "
                + "every checkpoint's signature holds and the record still holds what it signed, that the access log is "
                + "intact, and replays every transition under the rules recorded with it. Names the first broken event "
                + "and exits 9; an intact record exits 0.",
                "Berekent van elke gebeurtenis de inhoudsverzegeling en hash en de schakel naar de vorige opnieuw, "
                + "controleert dat versies zonder gaten lopen, dat de volgorde en de Merkle-wortel kloppen met de "
                + "lopende stand, dat de handtekening van elk controlepunt klopt en het dossier nog bevat wat het "
                + "ondertekende, dat het inzagelog heel is, en speelt elke overgang opnieuw onder de regels die erbij "
                + "zijn vastgelegd. Noemt de eerste gebroken gebeurtenis en eindigt met 9; een heel dossier eindigt met "
                + "0."))
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(name: .customLong("case"), help: H("Check only this case's chain and transitions.",
                                               "Controleer alleen de keten en overgangen van deze casus.")) var caseID: Int?
    @Option(help: H("Also check against a checkpoint exported earlier (`regie audit checkpoint --export`).",
                    "Controleer ook tegen een eerder geëxporteerd controlepunt (`regie audit checkpoint --export`).")) var checkpoint: String?
    @Flag(help: H("Skip replaying the transitions; check hashes, links and checkpoints only.",
                  "Sla het naspelen van de overgangen over; controleer alleen hashes, schakels en controlepunten.")) var chainOnly = false
    @Option(help: H("Demand that the latest checkpoint is cosigned by this witness (its verifier key); repeatable.",
                    "Eis dat het laatste controlepunt door deze getuige is meegetekend (diens controlesleutel); herhaalbaar."))
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

    func run() async throws {
        let session = try await CaseSession(global, readOnlyFallback: true)
        let l = session.l
        let exported = try checkpoint.map { path throws(RegieError) in try Self.readExported(path, l: l) }
        let witnesses = try witness.map { text throws(RegieError) in
            guard let key = NoteKey(verifierKey: text) else {
                throw RegieError(.usage, .witnessVerifierKeyInvalid, ["key": "\(text)"])
            }
            return key
        }
        let result = try await session.verify(caseID: caseID, chainOnly: chainOnly, exported: exported, witnesses: witnesses)
        let problems = result.problems
        let report = Report(
            intact: problems.isEmpty, events: result.events, cases: result.cases,
            accessEntries: result.accessEntries, checkpoints: result.checkpoints,
            checkpointsPending: result.checkpointsPending,
            transitionsReplayed: result.transitionsReplayed, notReproducible: result.notReproducible,
            problems: problems.map { ProblemJSON(caseID: $0.caseID, version: $0.version, accessSequence: $0.accessSequence,
                                                 problem: AuditProblemText.describe($0.kind, l: L10n(language: .en))) },
            readOnly: result.readOnly)
        if output.json {
            try JSONOutput.print(report)
        } else {
            render(report, problems: problems, l: l)
            if result.readOnly {
                Console.current.line(l("This copy of the database is read-only, so this check could not be recorded in its access log.",
                                       "Deze kopie van de database is alleen-lezen; deze controle kon daarom niet in het inzagelog worden vastgelegd."))
            }
        }
        if !problems.isEmpty { throw ExitCode(ExitStatus.auditFailed.rawValue) }
    }

    private func render(_ report: Report, problems: [AuditProblem], l: L10n) {
        let scope = caseID.map { l("case \($0)", "casus \($0)") } ?? l("the whole record", "het hele dossier")
        guard let first = problems.first else {
            let events = l.count(report.events, ("event", "events"), ("gebeurtenis", "gebeurtenissen"))
            let cases = l.count(report.cases, ("case", "cases"), ("casus", "casussen"))
            let reads = l.count(report.accessEntries, ("read", "reads"), ("inzage", "inzages"))
            let checkpoints = l.count(report.checkpoints, ("checkpoint holds", "checkpoints hold"), ("controlepunt klopt", "controlepunten kloppen"))
            let transitions = l.count(report.transitionsReplayed, ("transition", "transitions"), ("overgang", "overgangen"))
            Console.current.line(l("Intact (\(scope)): \(events) in \(cases), \(reads) logged, \(checkpoints), \(transitions) replayed legal.",
                                   "Intact (\(scope)): \(events) in \(cases), \(reads) gelogd, \(checkpoints), \(transitions) opnieuw toegepast en geldig."))
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

    static func readExported(_ path: String, l: L10n) throws(RegieError) -> SignedCheckpoint {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw RegieError(.notFound, .checkpointFileUnreadable, ["path": "\(path)"])
        }
        do {
            return try SignedCheckpoint(exported: text)
        } catch {
            throw RegieError(.usage, .checkpointFileInvalid, ["path": "\(path)", "detail": "\(error)"])
        }
    }
}
