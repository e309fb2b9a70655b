import ArgumentParser
import Foundation
import RegieApp
import RegieCore

/// What the shell completes for Regie's arguments (`regie --generate-completion-script bash`):
/// the case numbers of your teams, the workspace's team ids and the hand-ticked checklist items
/// of your teams' workflows. Completion never fails loudly: anything that goes wrong (no
/// workspace, an unknown person, a locked database) completes nothing.
enum Completions {
    /// The global options among the words typed so far, so that `--workspace` and `--as` count.
    static func session(_ words: [String]) async -> CaseSession? {
        guard let options = try? GlobalOptions.parse(GlobalOptions.onlyGlobals(words)) else { return nil }
        return try? await CaseSession(options)
    }

    /// The case numbers of the acting person's teams. Numbers only, no case data: not logged.
    static func caseNumbers(_ words: [String]) async -> [String] {
        guard let session = await session(words) else { return [] }
        let numbers = (try? await session.caseNumbers()) ?? []
        await session.close()
        return numbers.map(String.init)
    }

    static func teamIDs(_ words: [String]) async -> [String] {
        guard let options = try? GlobalOptions.parse(GlobalOptions.onlyGlobals(words)),
              let root = try? WorkspaceLoader.locate(explicit: options.workspace, environment: ProcessEnvironment.current,
                                                     currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)),
              let workspace = try? WorkspaceLoader.load(from: root)
        else { return [] }
        return workspace.teams.map(\.id)
    }

    static func itemIDs(_ words: [String]) async -> [String] {
        guard let session = await session(words) else { return [] }
        let ids = session.manualItemIDs()
        await session.close()
        return ids
    }
}

extension CompletionKind {
    static var caseNumbers: CompletionKind { .custom { words, _, _ in await Completions.caseNumbers(words) } }
    static var teamIDs: CompletionKind { .custom { words, _, _ in await Completions.teamIDs(words) } }
    static var itemIDs: CompletionKind { .custom { words, _, _ in await Completions.itemIDs(words) } }
}
