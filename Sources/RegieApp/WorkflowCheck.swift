import RegieCore
import RegieLua
import RegieReports

/// `workflow check`: a workflow file read as a case would read it, and every derived
/// expression (and what-is-missing expression) compiled and then run on the sample cases
/// (``SampleCases``), so that a mistake such as a misspelt function shows here, with its file
/// and line, rather than on a client's checklist. Every problem is reported, not the first.
package struct WorkflowCheck {
    package var workflow: Workflow
    /// One sentence per problem, starting with `file:line`.
    package var problems: [String]
    /// The names of the sample cases the expressions ran on.
    package var samples: [String]

    /// - Throws: ``RegieError`` when the file is not a workflow at all (its structure).
    package init(source: String, file: String, evaluator: LuaDerivedItemEvaluator, l: L10n) throws(RegieError) {
        do {
            workflow = try WorkflowParser.parse(source, file: file)
        } catch {
            throw RegieError(.configuration, .workflowInvalid, ["detail": "\(error)"])
        }
        let samples = SampleCases.all(for: workflow)
        self.samples = samples.map(\.name)
        problems = []
        for item in workflow.derivedItems {
            do throws(LuaError) {
                try evaluator.prepare(item)
            } catch {
                problems.append(l("\(item.source): item \(item.id): \(error)", "\(item.source): punt \(item.id): \(error)"))
                continue
            }
            // The same failure on several samples is one problem, naming them all.
            var failures: [(message: String, samples: [String])] = []
            func note(_ message: String, _ sample: String) {
                if let index = failures.firstIndex(where: { $0.message == message }) {
                    failures[index].samples.append(sample)
                } else {
                    failures.append((message, [sample]))
                }
            }
            for sample in samples {
                if case .failed(let message) = evaluator.evaluate([item], in: sample.state).first {
                    note(message, sample.name)
                }
                if case .failure(let error) = evaluator.missing(item, in: sample.state) {
                    note(l("its missing expression: \(error)", "de uitdrukking voor wat ontbreekt: \(error)"), sample.name)
                }
            }
            for failure in failures {
                let names = Self.list(failure.samples.map { Self.title(of: $0, l) }, l)
                problems.append(failure.samples.count == 1
                    ? l("\(item.source): item \(item.id) fails on the \(names) sample case: \(failure.message)",
                        "\(item.source): punt \(item.id) faalt op de voorbeeldcasus \(names): \(failure.message)")
                    : l("\(item.source): item \(item.id) fails on the \(names) sample cases: \(failure.message)",
                        "\(item.source): punt \(item.id) faalt op de voorbeeldcasussen \(names): \(failure.message)"))
            }
        }
    }

    /// A sample's name as the sentence uses it.
    package static func title(of sample: String, _ l: L10n) -> String {
        switch sample {
        case "empty": l("empty", "lege")
        case "half-way": l("half-way", "halverwege")
        case "complete": l("complete", "afgeronde")
        default: sample
        }
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ names: [String], _ l: L10n) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + l(" and ", " en ") + last
    }
}
