import Foundation
import RegieCore
import RegieLua
import RegieStore

/// Finds the workflow in force for a team (to open a case) and the exact workflow a case is
/// pinned to (by content hash, from the store), and checks that every derived item compiles.
final class RuleBook {
    let workspace: Workspace
    let store: any EventStore
    let evaluator: LuaDerivedItemEvaluator
    private var pinned: [String: Workflow] = [:]

    init(workspace: Workspace, store: any EventStore) throws(RegieError) {
        self.workspace = workspace
        self.store = store
        do {
            evaluator = try LuaDerivedItemEvaluator()
        } catch {
            throw RegieError(.internalError, en: "The Lua sandbox could not start (\(error)).",
                             nl: "De Lua-sandbox kon niet starten (\(error)).")
        }
    }

    /// The workflow a team uses now, with its source and hash.
    func current(for team: Workspace.Team) throws(RegieError) -> (workflow: Workflow, source: String, hash: String) {
        let (source, file) = try Self.source(named: team.workflow, in: workspace.root)
        let workflow = try parse(source, file: file)
        return (workflow, source, RuleHash.of(source))
    }

    /// The workflow a case is pinned to.
    func pinned(_ hash: String) throws(RegieError) -> Workflow {
        if let workflow = pinned[hash] { return workflow }
        let source: String?
        do {
            source = try store.ruleSource(hash: hash)
        } catch {
            throw RegieError.from(error)
        }
        guard let source else {
            throw RegieError(.storage, en: "The workflow this case is pinned to is missing from the database.",
                             nl: "De workflow waar deze casus aan vastzit ontbreekt in de database.",
                             hintEN: "Restore the database from a backup.", hintNL: "Zet de database terug uit een back-up.")
        }
        let workflow = try parse(source, file: "workflow \(hash.prefix(19))")
        pinned[hash] = workflow
        return workflow
    }

    /// Parses a workflow and compiles its derived items.
    func parse(_ source: String, file: String) throws(RegieError) -> Workflow {
        let workflow: Workflow
        do {
            workflow = try WorkflowParser.parse(source, file: file)
        } catch {
            throw RegieError(.configuration, en: "The workflow file is wrong: \(error).",
                             nl: "Het workflowbestand klopt niet: \(error).",
                             hintEN: "Correct the file; `regie workflow check FILE` shows every problem.",
                             hintNL: "Verbeter het bestand; `regie workflow check BESTAND` toont elk probleem.")
        }
        for item in workflow.derivedItems {
            do {
                try evaluator.prepare(item)
            } catch {
                throw RegieError(.configuration,
                                 en: "The workflow file is wrong: \(item.source): the expression of `\(item.id)` does not compile (\(error.message)).",
                                 nl: "Het workflowbestand klopt niet: \(item.source): de expressie van `\(item.id)` compileert niet (\(error.message)).",
                                 hintEN: "Correct the `derived:` expression.", hintNL: "Verbeter de `derived:`-expressie.")
            }
        }
        return workflow
    }

    /// The text of a workflow by name: the workspace's `workflows/NAME.yaml`, else the default
    /// embedded in Regie.
    static func source(named name: String, in root: URL) throws(RegieError) -> (text: String, file: String) {
        let file = root.appendingPathComponent("workflows").appendingPathComponent(name + ".yaml")
        if FileManager.default.fileExists(atPath: file.path) {
            do {
                return (try String(contentsOf: file, encoding: .utf8), "workflows/\(name).yaml")
            } catch {
                throw RegieError(.configuration, en: "workflows/\(name).yaml cannot be read.", nl: "workflows/\(name).yaml kan niet gelezen worden.")
            }
        }
        if name == DefaultWorkflow.name { return (DefaultWorkflow.source, "(built-in) \(DefaultWorkflow.fileName)") }
        throw RegieError(.configuration, en: "There is no workflow called \(name).", nl: "Er is geen workflow met de naam \(name).",
                         hintEN: "Add workflows/\(name).yaml to the workspace or correct the team in regie.yaml.",
                         hintNL: "Zet workflows/\(name).yaml in de werkomgeving of verbeter het team in regie.yaml.")
    }
}
