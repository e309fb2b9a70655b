import RegieCore

/// The ecomap in Graphviz's DOT language (`regie report case ID --format dot | dot -Tsvg`):
/// the client in the middle, a cluster per kind, line styles for contact and labels for
/// tension, as in the SVG version.
package struct EcomapDot {
    package let l: L10n

    package init(l: L10n) { self.l = l }

    package func render(_ plan: CasePlan) -> String {
        var out = [
            "graph ecomap {",
            // Graphviz's default `dot` layout (and `fdp`, `-Kfdp`) draws the clusters around
            // their members; the client ranks first, the people beside them by kind.
            "  rankdir=LR; nodesep=0.25; ranksep=1.2; overlap=false; splines=true;",
            "  label=\(quote(EcomapSVG.title(plan, l))); labelloc=t; fontname=\"DejaVu Sans\";",
            "  node [shape=box, style=rounded, fontname=\"DejaVu Sans\"];",
            "  edge [fontname=\"DejaVu Sans\", fontsize=10];",
            "  client [label=\(quote(plan.client)), shape=doublecircle, style=solid, fontsize=16];",
        ]
        var index = 0
        for kind in ResourceKind.allCases {
            let people = plan.network.filter { $0.kind == kind }
            guard !people.isEmpty else { continue }
            out.append("  subgraph cluster_\(kind.rawValue) {")
            out.append("    label=\(quote(EcomapSVG.groupTitle(kind, l))); style=dashed;")
            for person in people {
                index += 1
                let frame = person.isMember ? ", penwidth=3" : ""
                out.append("    p\(index) [label=\(quote("\(person.label)\n\(person.relation)"))\(frame)];")
            }
            out.append("  }")
        }
        index = 0
        for kind in ResourceKind.allCases {
            for person in plan.network where person.kind == kind {
                index += 1
                var attributes = [Self.edgeStyle(person.contact)]
                if person.tension != .none { attributes.append("label=\(quote(person.tension.title(l)))") }
                out.append("  client -- p\(index) [\(attributes.joined(separator: ", "))];")
            }
        }
        out.append("}")
        return out.joined(separator: "\n") + "\n"
    }

    package static func edgeStyle(_ contact: ContactStatus) -> String {
        switch contact {
        case .willing: "style=bold, penwidth=3"
        case .contacted: "style=solid"
        case .notContacted: "style=dotted"
        case .declined: "style=dashed, color=gray40"
        }
    }

    /// A DOT string literal: quotes and backslashes escaped, line breaks as `\n`.
    private func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
