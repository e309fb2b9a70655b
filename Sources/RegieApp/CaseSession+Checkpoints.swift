import RegieReports
import Foundation
import RegieAudit
import RegieCore
import RegieStore

/// Signing the log: checkpoints on demand, replacing the key, witnesses' cosignatures.
extension CaseSession {
    /// Signs every pending checkpoint and a new one of the log as it is now. Needs the key.
    package func signCheckpoint() async throws(RegieError) -> (made: StoredCheckpoint, signedPending: Int) {
        _ = try person()
        let key = try SigningKeyFile.required(at: workspace.signingKeyPath)
        do {
            return try await store.signAndMakeCheckpoint(key: key, at: now, trigger: "on demand")
        } catch { throw RegieError.from(error) }
    }

    /// Replaces the signing key (a coordinator or auditor, for a reason) and signs a checkpoint
    /// with the new key that records who did it and why.
    package func rotateSigningKey(reason: String) async throws(RegieError) -> StoredCheckpoint {
        let person = try person()
        guard person.role == .coordinator || person.role == .auditor else {
            throw RegieError(.notPermitted, .rotateKeyNeedsCoordinator)
        }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 200 else {
            throw RegieError(.usage, .reasonInvalid)
        }
        let key = try SigningKeyFile.rotate(workspace, at: now, reason: text)
        do {
            return try await store.makeCheckpoint(key: key, at: now, trigger: "key rotated by \(person.id): \(text)")
        } catch { throw RegieError.from(error) }
    }

    /// Cosigns the latest signed checkpoint as a witness, after checking the log's signature
    /// and, when the witness cosigned before, an RFC 9162 consistency proof from that checkpoint.
    /// - Returns: the checkpoint cosigned; the caller remembers its size and root.
    package func cosignLatest(as signer: NoteSigner, after remembered: WitnessState?) async throws(RegieError) -> StoredCheckpoint {
        _ = try person()
        guard let witnessKey = signer.key else {
            throw RegieError(.usage, .witnessKeyUnusable)
        }
        guard let latest = try await checkpoints().last(where: { !$0.signed.signature.isEmpty }) else {
            throw RegieError(.notFound, .noSignedCheckpoint)
        }
        let checkpoint = latest.signed.checkpoint
        let trusted = try SigningKeyFile.publicKey(workspace)
        guard checkpoint.format >= 2, let trusted, latest.signed.signatureHolds(under: trusted) else {
            throw RegieError(.auditFailed, .checkpointSignatureInvalid)
        }
        if let remembered {
            let leaves: [ChainHash]
            do { leaves = try await store.eventHashes(upTo: checkpoint.events) } catch { throw RegieError.from(error) }
            let proof = ConsistencyProof.make(first: remembered.size, leaves: leaves)
            guard leaves.count == checkpoint.events,
                  ConsistencyProof.verify(first: remembered.size, second: checkpoint.events, firstRoot: remembered.root,
                                          secondRoot: checkpoint.root, proof: proof),
                  ConsistencyProof.root(leaves[...]) == checkpoint.root
            else {
                throw RegieError(.auditFailed, .checkpointNotExtending, ["events": .number(Int(checkpoint.events)), "cosigned_events": .number(Int(remembered.size))])
            }
        }
        let signature: [UInt8]
        do { signature = try signer.sign(checkpoint.statement) } catch {
            throw RegieError(.internalError, .cosignatureFailed)
        }
        let line = NoteSignature(keyName: witnessKey.name, keyID: witnessKey.keyID, signature: signature)
        do { try await store.addCosignature(line, to: latest.id) } catch { throw RegieError.from(error) }
        return latest
    }
}
