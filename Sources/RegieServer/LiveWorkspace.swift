import Foundation
import Logging
import RegieApp
import RegieReports
import RegieStore
import Synchronization

/// The workspace a running server works with, kept in step with the recorded configuration:
/// every few seconds a request looks whether a newer version was applied (`regie config apply`,
/// on any machine sharing the store); if so, `regie.yaml` is read again and taken on only when
/// it is exactly what was recorded, so that access granted is there without a restart (access
/// taken away ends at once anyway: the apply ends the person's sessions and tokens). The
/// `server:` settings stay as the server started with them.
final class LiveWorkspace: Sendable {
    private struct State {
        var workspace: Workspace
        var version: Int
        var nextCheck: Date
        var checking = false
    }

    private let state: Mutex<State>
    private let every: TimeInterval

    init(_ workspace: Workspace, version: Int, checkEvery seconds: TimeInterval) {
        state = Mutex(State(workspace: workspace, version: version, nextCheck: Date().addingTimeInterval(seconds)))
        every = seconds
    }

    var current: Workspace { state.withLock { $0.workspace } }

    /// Looks for a newer recorded configuration when the last look is long enough ago, one
    /// request at a time; whatever goes wrong is logged and the workspace stays as it was.
    func refreshIfDue(store: any EventStore, logger: Logger) async {
        let due: (Workspace, Int)? = state.withLock { state in
            guard !state.checking, Date() >= state.nextCheck else { return nil }
            state.checking = true
            return (state.workspace, state.version)
        }
        guard let (workspace, version) = due else { return }
        var picked: Workspace?
        var pickedVersion = version
        do throws(RegieError) {
            let recorded = try await CaseSession.recordedVersion(in: store)
            if recorded != version {
                var reloaded = try WorkspaceLoader.load(from: workspace.root)
                reloaded.server = workspace.server
                pickedVersion = try await CaseSession.checkRecorded(reloaded, in: store)
                picked = reloaded
                logger.notice("recorded configuration picked up", metadata: ["version": "\(pickedVersion)"])
            }
        } catch {
            logger.warning("the recorded configuration could not be picked up; keeping the one in use",
                           metadata: ["code": .string(error.code.rawValue), "version": "\(version)"])
        }
        state.withLock { state in
            if let picked {
                state.workspace = picked
                state.version = pickedVersion
            }
            state.checking = false
            state.nextCheck = Date().addingTimeInterval(every)
        }
    }
}
