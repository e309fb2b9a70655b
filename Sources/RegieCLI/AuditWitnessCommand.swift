import RegieApp
import RegieCore
import ArgumentParser
import Crypto
import Foundation
import RegieAudit
import RegieStore

/// `regie audit witness`: a second key holder (a privacy officer, say) cosigns the latest
/// checkpoint, after checking that it extends the last one they cosigned. Their key and their
/// memory of what they cosigned live outside the workspace, so whoever writes the database
/// cannot roll the record back past a witnessed checkpoint without it showing.
struct AuditWitnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Cosign the latest checkpoint as a witness, after checking it extends the last one you cosigned.",
        discussion: """
            Checks the log's signature, and a consistency proof (RFC 9162) from the checkpoint in --state to the latest one, \
            computed from the database's events. Only then it adds your cosignature to the checkpoint and remembers it in \
            --state. Make a witness key once with `regie audit witness-key`; give `regie audit verify --witness KEY` your \
            verifier key to demand your cosignature.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: JSONOption
    @Option(help: "Your witness signer key file (from `regie audit witness-key`), kept outside the workspace.") var key: String
    @Option(help: "The file in which you keep the size and root you last cosigned (made on first use).") var state: String

    struct Cosigned: Encodable {
        var checkpoint: Int
        var events: Int
        var root: String
        var witness: String
        var extendedFrom: Int?
    }

    func run() throws {
        let session = try CaseSession(global)
        _ = try session.person()
        let l = session.l
        let signer = try Self.signer(at: key)
        guard let witnessKey = signer.key else { throw Self.badKey(key) }
        let remembered = try WitnessState.read(state)
        let checkpoints: [StoredCheckpoint]
        do {
            checkpoints = try session.store.readAuditTrail { try $0.checkpoints() }
        } catch { throw RegieError.from(error) }
        guard let latest = checkpoints.last(where: { !$0.signed.signature.isEmpty }) else {
            throw RegieError(.notFound, en: "There is no signed checkpoint to cosign yet.", nl: "Er is nog geen ondertekend controlepunt om mede te ondertekenen.",
                             hintEN: "Ask for one with `regie audit checkpoint`.", hintNL: "Vraag er een met `regie audit checkpoint`.")
        }
        let checkpoint = latest.signed.checkpoint
        let trusted = try SigningKeyFile.publicKey(session.workspace)
        guard checkpoint.format >= 2, let trusted, latest.signed.signatureHolds(under: trusted) else {
            throw RegieError(.auditFailed, en: "The latest checkpoint's signature does not hold under the workspace's key; nothing was cosigned.",
                             nl: "De handtekening van het laatste controlepunt klopt niet onder de sleutel van de werkomgeving; er is niets medeondertekend.",
                             hintEN: "Run `regie audit verify`.", hintNL: "Voer `regie audit verify` uit.")
        }
        if let remembered {
            let leaves: [ChainHash]
            do { leaves = try session.store.eventHashes(upTo: checkpoint.events) } catch { throw RegieError.from(error) }
            let proof = ConsistencyProof.make(first: remembered.size, leaves: leaves)
            guard leaves.count == checkpoint.events,
                  ConsistencyProof.verify(first: remembered.size, second: checkpoint.events, firstRoot: remembered.root,
                                          secondRoot: checkpoint.root, proof: proof),
                  ConsistencyProof.root(leaves[...]) == checkpoint.root
            else {
                throw RegieError(.auditFailed,
                                 en: "The latest checkpoint (\(checkpoint.events) events) does not extend the one you cosigned (\(remembered.size) events): the record was rewritten or cut back. Nothing was cosigned.",
                                 nl: "Het laatste controlepunt (\(checkpoint.events) gebeurtenissen) bouwt niet voort op het controlepunt dat u medeondertekende (\(remembered.size)): het dossier is herschreven of ingekort. Er is niets medeondertekend.",
                                 hintEN: "Keep your state file as evidence and tell the organisation's privacy officer.",
                                 hintNL: "Bewaar uw statusbestand als bewijs en meld het bij de functionaris gegevensbescherming.")
            }
        }
        let signature: [UInt8]
        do { signature = try signer.sign(checkpoint.statement) } catch {
            throw RegieError(.internalError, en: "The cosignature could not be made.", nl: "De medeondertekening kon niet worden gemaakt.")
        }
        let line = NoteSignature(keyName: witnessKey.name, keyID: witnessKey.keyID, signature: signature)
        do { try session.store.addCosignature(line, to: latest.id) } catch { throw RegieError.from(error) }
        try WitnessState.write(WitnessState(size: checkpoint.events, root: checkpoint.root), to: state)
        if output.json {
            return try JSONOutput.print(Cosigned(checkpoint: latest.id, events: checkpoint.events, root: checkpoint.root.hex,
                                                 witness: witnessKey.name, extendedFrom: remembered?.size))
        }
        Console.current.line(l("Cosigned checkpoint \(latest.id) (\(checkpoint.events) events) as \(witnessKey.name)",
                               "Controlepunt \(latest.id) (\(checkpoint.events) gebeurtenissen) medeondertekend als \(witnessKey.name)")
                             + (remembered.map { l(", consistent with the \($0.size) events you cosigned before.",
                                                   ", in lijn met de \($0.size) gebeurtenissen die u eerder medeondertekende.") } ?? "."))
    }

    static func signer(at path: String) throws(RegieError) -> NoteSigner {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let signer = NoteSigner(signerKey: text) else {
            throw badKey(path)
        }
        return signer
    }

    static func badKey(_ path: String) -> RegieError {
        RegieError(.usage, en: "\(path) is not a witness signer key.", nl: "\(path) is geen ondertekensleutel van een getuige.",
                   hintEN: "Make one with `regie audit witness-key --name NAME --out FILE`.",
                   hintNL: "Maak er een met `regie audit witness-key --name NAAM --out BESTAND`.")
    }
}
