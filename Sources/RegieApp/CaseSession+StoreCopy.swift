import RegieReports
import Foundation
import RegieAudit
import RegieCore
import RegieStore

/// `regie store copy`: the whole store into an empty one on another backend (SQLite ↔
/// PostgreSQL), byte for byte, then both checked and their roots compared.
extension CaseSession {
    package struct CopyResult: Sendable {
        package var events: Int
        package var cases: Int
        package var accessEntries: Int
        package var checkpoints: Int
        /// The Merkle root of the whole log, the same in both stores.
        package var root: ChainHash
        package var target: String
        package var seconds: Double
    }

    /// Copies this workspace's store to `target` (a SQLite file that does not exist yet, or an
    /// empty PostgreSQL database), then verifies the copy.
    package func copyStore(to target: String, access: StoreAccess, clock: @Sendable () -> Date) async throws(RegieError)
        -> CopyResult
    {
        let person = try person()
        guard person.role == .coordinator || person.role == .auditor else {
            throw RegieError(.notPermitted, .copyNeedsCoordinator)
        }
        let trustedKey = try SigningKeyFile.publicKey(workspace)
        // A broken record is not copied: the copy would hide where it broke.
        let before = try await Self.checkChain(of: store, trustedKey: trustedKey)
        guard before.problems.isEmpty else {
            throw RegieError(.auditFailed, .recordDoesNotVerify)
        }
        // Copying reads every case: it is logged like any read, and the entry travels with the copy.
        try await recordRead(caseID: nil, action: "store copy")
        let started = clock()
        var destination = workspace
        destination.database = target
        if case .sqlite(let path) = try StoreOpener.target(destination, access: StoreAccess(databaseURL: target)),
           FileManager.default.fileExists(atPath: path) {
            throw RegieError.from(StoreError.targetNotEmpty(location: path))
        }
        let copy: StoreCopy
        do { copy = try await store.exportCopy() } catch { throw RegieError.from(error) }
        let copied = try await StoreOpener.open(destination, access: StoreAccess(databaseURL: target, password: access.password),
                                                busyTimeout: 5, readOnlyFallback: false, create: true)
        do throws(RegieError) {
            do { try await copied.importCopy(copy) } catch { throw RegieError.from(error) }
            let after = try await Self.checkChain(of: copied, trustedKey: trustedKey)
            guard after.problems.isEmpty, after.root == MerkleLog(serialized: Array(copy.merkle))?.root else {
                throw RegieError(.auditFailed, .copyDoesNotVerify)
            }
            await copied.close()
            return CopyResult(events: copy.events.count, cases: copy.cases.count, accessEntries: copy.accesses.count,
                              checkpoints: copy.checkpoints.count, root: after.root, target: copied.location,
                              seconds: clock().timeIntervalSince(started))
        } catch {
            await copied.close()
            // Nothing half-written: a new SQLite file that did not take the copy is removed.
            if case .sqlite(let path) = try? StoreOpener.target(destination, access: StoreAccess(databaseURL: target)) {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            throw error
        }
    }
}

extension CaseSession {
    static func checkChain(of store: any EventStore, trustedKey: [UInt8]?) async throws(RegieError)
        -> (problems: [AuditProblem], root: ChainHash)
    {
        do { return try await ChainCheck.run(store, trustedKey: trustedKey) } catch { throw RegieError.from(error) }
    }
}

/// `regie store refresh`: works out again, from every case's events, what the store keeps
/// beside the record (each case's report figures and its case-list part), for a store upgraded
/// from before that part existed or filled by import.
extension CaseSession {
    /// - Returns: how many cases were worked out.
    package func refreshDerivedRows() async throws(RegieError) -> Int {
        let person = try person()
        guard person.role == .coordinator || person.role == .auditor else {
            throw RegieError(.notPermitted, .refreshNeedsCoordinator)
        }
        let summaries: [CaseSummary]
        do { summaries = try await store.summaries(team: nil) } catch { throw RegieError.from(error) }
        var facts: [CaseFacts] = []
        for summary in summaries {
            let state = try await replayed(summary.id)
            facts.append(CaseFacts(state, timeZone: workspace.timeZone, periods: try await periods(of: state)))
        }
        // Working them out reads every case: it is logged like any read.
        try await recordRead(caseID: nil, action: "store refresh")
        do { try await store.replaceFacts(facts) } catch { throw RegieError.from(error) }
        return facts.count
    }
}
