import RegieCore

/// What every backend checks before it opens a transaction for a write: the sources match the
/// hashes they are stored under, and the facts belong to the case they are stored with.
package enum WriteChecks {
    package static func opening(_ opened: CaseOpened, workflowSource: String, pluginSources: [String]) throws(StoreError) {
        guard RuleHash.of(workflowSource) == opened.workflowHash else {
            throw .database(code: 0, message: "the workflow hash does not match its source")
        }
        let pins = opened.plugins ?? []
        guard pins.count == pluginSources.count, zip(pins, pluginSources).allSatisfy({ RuleHash.of($1) == $0.hash }) else {
            throw .database(code: 0, message: "the plugin hashes do not match their sources")
        }
    }

    package static func append(to caseID: Int, ruleSources: [RuleSource], facts: CaseFacts?) throws(StoreError) {
        if let facts, facts.caseID != caseID { throw .database(code: 0, message: "the report facts belong to another case") }
        for rule in ruleSources where RuleHash.of(rule.source) != rule.hash {
            throw .database(code: 0, message: "a rule hash does not match its source")
        }
    }
}
