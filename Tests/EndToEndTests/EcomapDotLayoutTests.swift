import Foundation
import Testing

/// `report case --format dot` drawn by Graphviz (Debian's graphviz, installed by `make test`)
/// with its default `dot` layout and with `fdp`: every cluster holds its members, no two
/// node boxes overlap and no edge label sits on a node, read from Graphviz's own `-Tjson`
/// output of where it put everything.
@Suite("The ecomap in Graphviz")
struct EcomapDotLayoutTests {
    struct Box: CustomStringConvertible {
        var name: String
        var x0, y0, x1, y1: Double
        func overlaps(_ other: Box) -> Bool { x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1 }
        func holds(_ other: Box) -> Bool { x0 <= other.x0 && y0 <= other.y0 && x1 >= other.x1 && y1 >= other.y1 }
        func holds(x: Double, y: Double) -> Bool { x0 < x && x < x1 && y0 < y && y < y1 }
        var description: String { "\(name) [\(Int(x0)),\(Int(y0)) \(Int(x1)),\(Int(y1))]" }
    }

    static let drawings: [String] = ["dot group", "dot all", "fdp group", "fdp all"]

    @Test("clusters hold their members and nothing overlaps", arguments: drawings)
    func layout(_ drawing: String) throws {
        let (engine, people) = (String(drawing.split(separator: " ")[0]), String(drawing.split(separator: " ")[1]))
        let report = try ReportSample.report(["report", "case", "1", "--format", "dot"] + (people == "all" ? ["--all-people"] : []))
        try #require(report.status == 0, "\(report.err)")
        let folder = try Regie.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ecomap.dot")
        try report.out.write(to: file, atomically: true, encoding: .utf8)
        // Plain `dot` draws the file as it asks (a `layout=` in it would win); `-Kfdp` picks fdp.
        let drawn = try Regie.tool(["dot"] + (engine == "dot" ? [] : ["-K\(engine)"]) + ["-Tjson", file.path])
        try #require(drawn.status == 0, "Graphviz could not draw it (is graphviz installed? `make test` installs it): \(drawn.err.suffix(400))")
        #expect(!drawn.err.contains("Warning"), "Graphviz warned: \(drawn.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(drawn.out.utf8)) as? [String: Any])
        let objects = try #require(json["objects"] as? [[String: Any]])

        var nodes: [Int: Box] = [:]
        var clusters: [(box: Box, members: [Int])] = []
        for (index, object) in objects.enumerated() {
            let name = object["name"] as? String ?? "?"
            if let bb = object["bb"] as? String {
                let c = bb.split(separator: ",").compactMap { Double($0) }
                try #require(c.count == 4, "cluster \(name) has no box")
                clusters.append((Box(name: name, x0: c[0], y0: c[1], x1: c[2], y1: c[3]), object["nodes"] as? [Int] ?? []))
            } else if let pos = object["pos"] as? String, let width = Double(object["width"] as? String ?? ""),
                      let height = Double(object["height"] as? String ?? "") {
                let p = pos.split(separator: ",").compactMap { Double($0) }
                try #require(p.count == 2, "node \(name) has no place")
                // Graphviz gives sizes in inches and places in points.
                let (w, h) = (width * 72, height * 72)
                nodes[index] = Box(name: name, x0: p[0] - w / 2, y0: p[1] - h / 2, x1: p[0] + w / 2, y1: p[1] + h / 2)
            }
        }
        let expectedPeople = people == "all" ? 6 : 4
        #expect(nodes.count == expectedPeople + 1, "the client and \(expectedPeople) people")
        #expect(clusters.count == (people == "all" ? 4 : 3), "a cluster per kind present")
        let boxes = nodes.values.sorted { $0.name < $1.name }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] { #expect(!a.overlaps(b), "\(a) and \(b) overlap") }
        }
        for cluster in clusters {
            #expect(!cluster.members.isEmpty, "cluster \(cluster.box.name) is empty")
            for member in cluster.members {
                let node = try #require(nodes[member], "cluster \(cluster.box.name) names a node that is not drawn")
                #expect(cluster.box.holds(node), "\(cluster.box) does not hold its member \(node)")
            }
            for (index, node) in nodes where !cluster.members.contains(index) {
                #expect(!cluster.box.overlaps(node), "\(node) lies in \(cluster.box), which it is not a member of")
            }
        }
        for edge in json["edges"] as? [[String: Any]] ?? [] {
            guard let lp = edge["lp"] as? String else { continue }
            let p = lp.split(separator: ",").compactMap { Double($0) }
            try #require(p.count == 2)
            for node in boxes { #expect(!node.holds(x: p[0], y: p[1]), "an edge label sits on \(node)") }
        }
    }
}
