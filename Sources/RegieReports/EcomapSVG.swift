import Foundation
import RegieCore

/// The ecomap as inline SVG: the client in the middle, the people the plan shows (the group,
/// or everyone mapped) around them grouped by kind (each kind titled; in the full map, kinds
/// with no one named below), a line to each showing how far contact has come and whether there
/// is tension, members of the group with a heavy frame. Line patterns rather than colours carry
/// the meaning, so it reads printed in black and white; a legend explains them.
package struct EcomapSVG {
    package let l: L10n

    private var width = 720.0
    private var mapHeight = 600.0
    private var center: (x: Double, y: Double) { (width / 2, mapHeight / 2) }

    package init(l: L10n) { self.l = l }

    /// The drawing's width and the height of its map (the legend comes under it): smaller for
    /// a few people, so that it prints beside the plan's other sections and its words stay
    /// legible.
    package static func canvas(people: Int) -> (width: Double, mapHeight: Double) {
        people <= singleRing ? (600, 440) : (720, 600)
    }

    package func render(_ plan: CasePlan) -> String {
        var sized = self
        (sized.width, sized.mapHeight) = Self.canvas(people: plan.network.count)
        return sized.draw(plan)
    }

    private func draw(_ plan: CasePlan) -> String {
        let columns = width >= 700 ? 4 : 3
        let height = mapHeight + 18 + Double((7 + columns - 1) / columns) * 28
        var svg = SVG.open(width: width, height: height, id: "ecomap-title",
                           title: Self.title(plan, l))
        let frames = plan.network.map {
            frame($0, widest: Self.widestFrame(people: plan.network.count), lines: Self.labelLines(people: plan.network.count))
        }
        let places = Self.layout(frames: frames.map { (width: $0.width, height: $0.height) }, center: center,
                                 area: (width, mapHeight - 36))
        let (wedges, titles) = groups(plan.network)
        svg += wedges
        var lines: [String] = []
        var boxes: [String] = []
        for ((person, place), frame) in zip(zip(plan.network, places), frames) {
            lines.append(line(to: place, person))
            boxes.append(box(at: place, person, frame: frame))
        }
        svg += lines
        svg.append("<circle cx=\"\(n(center.x))\" cy=\"\(n(center.y))\" r=\"48\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"2.5\"/>")
        let client = Self.wrap(plan.client, width: 10, lines: 2)
        for (index, line) in client.enumerated() {
            svg.append(text(line, x: center.x, y: center.y + 5 + (Double(index) - Double(client.count - 1) / 2) * 17, size: 15,
                            weight: "bold"))
        }
        svg += titles
        svg += boxes
        let missing = ResourceKind.allCases.filter { kind in !plan.network.contains { $0.kind == kind } }
        if plan.network.isEmpty {
            let nobody = plan.people == .group ? l("No one in the group yet.", "Nog niemand in de groep.")
                : l("No one mapped yet.", "Nog niemand in kaart gebracht.")
            svg.append(text(nobody, x: center.x, y: center.y + 80, size: 13, style: "italic"))
        } else if !missing.isEmpty && plan.people == .all {
            let names = missing.map { Self.groupTitle($0, l).lowercased() }.joined(separator: "; ")
            svg.append(text(l("None yet: \(names).", "Nog niemand: \(names)."), x: 16, y: mapHeight - 12, size: 12,
                            anchor: "start", style: "italic"))
        }
        svg += legend(top: mapHeight, columns: columns)
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// Each kind's share of the circle as a wedge, shaded light and white in turn, with its
    /// title where the wedge's middle meets the edge of the drawing.
    private func groups(_ network: [CasePlan.Person]) -> (wedges: [String], titles: [String]) {
        let step = 360 / Double(max(network.count, 1))
        var wedges = ["<clipPath id=\"ecomap-area\">" + SVG.rect(x: 0, y: 0, width: width, height: mapHeight, fill: "#fff") + "</clipPath>"]
        var titles: [String] = []
        for (number, kind) in ResourceKind.allCases.filter({ kind in network.contains { $0.kind == kind } }).enumerated() {
            let indices = network.indices.filter { network[$0].kind == kind }
            let from = -180 + Double(indices[0]) * step, to = -180 + Double(indices[indices.count - 1] + 1) * step
            var points = ["\(n(center.x)),\(n(center.y))"]
            // Every 5 degrees along the rim, and exactly to the wedge's far edge.
            for degrees in Array(stride(from: from, to: to, by: 5)) + [to] {
                let radians = degrees * .pi / 180
                points.append("\(n(center.x + 700 * cos(radians))),\(n(center.y + 700 * sin(radians)))")
            }
            wedges.append("<polygon points=\"\(points.joined(separator: " "))\" fill=\"\(number % 2 == 0 ? "#e6e6e6" : "#fafafa")\" stroke=\"#666\" stroke-width=\"1.2\" clip-path=\"url(#ecomap-area)\"/>")
            titles.append(title(Self.groupTitle(kind, l).uppercased(), towards: (from + to) / 2))
        }
        return (wedges, titles)
    }

    /// A title where the ray from the client at `degrees` leaves the drawing, kept inside it;
    /// beside the client, where the ring reaches the edge, it moves up out of the way.
    private func title(_ content: String, towards degrees: Double) -> String {
        let (dx, dy) = (cos(degrees * .pi / 180), sin(degrees * .pi / 180))
        let toSide = dx > 0.001 ? (width - 14 - center.x) / dx : (dx < -0.001 ? (14 - center.x) / dx : .infinity)
        let toTopOrBottom = dy > 0.001 ? (mapHeight - 30 - center.y) / dy : (dy < -0.001 ? (20 - center.y) / dy : .infinity)
        if toSide < toTopOrBottom {
            var y = center.y + toSide * dy
            if abs(y - center.y) < 70 { y = center.y - 70 }
            return text(content, x: center.x + toSide * dx, y: y, size: 11, weight: "bold", anchor: dx > 0 ? "end" : "start")
        }
        let x = min(max(center.x + toTopOrBottom * dx, 120), width - 120)
        return text(content, x: x, y: center.y + toTopOrBottom * dy, size: 11, weight: "bold")
    }

    /// The drawing's title: the group, or the whole network with ``CasePlan/People/all``.
    package static func title(_ plan: CasePlan, _ l: L10n) -> String {
        plan.people == .group ? l("The group around \(plan.client)", "De groep rond \(plan.client)")
            : l("The network around \(plan.client)", "Het netwerk rond \(plan.client)")
    }

    package static func groupTitle(_ kind: ResourceKind, _ l: L10n) -> String {
        switch kind {
        case .informal: l("Family, friends, neighbours", "Familie, vrienden, buren")
        case .experienceExpert: l("Experience experts", "Ervaringsdeskundigen")
        case .volunteer: l("Volunteers", "Vrijwilligers")
        case .professional: l("Professionals", "Professionals")
        }
    }

    /// Up to this many people sit on one ring; more alternate between an inner and an outer one.
    package static let singleRing = 8
    /// A frame's height with a label on one line, and with one wrapped onto two.
    package static let frameHeight = 42.0
    package static let tallFrameHeight = 58.0

    /// Everyone evenly around the client on an ellipse, clockwise from the left, in the order
    /// given (grouped by kind), so that each kind takes room in proportion to its number;
    /// then frames that still overlap (long labels, many people) are pushed apart, and kept
    /// inside `area` and off the client's circle.
    package static func layout(frames: [(width: Double, height: Double)], center: (x: Double, y: Double),
                               area: (width: Double, height: Double)) -> [(x: Double, y: Double)]
    {
        let count = frames.count
        let widths = frames.map(\.width), heights = frames.map(\.height)
        var places = (0..<count).map { index -> (x: Double, y: Double) in
            let radians = (-180 + (Double(index) + 0.5) * 360 / Double(count)) * .pi / 180
            // One ring inside the area's edges (250 by 215 on the large drawing), or two.
            let (rx, ry) = count <= singleRing ? (area.width / 2 - 110, area.height / 2 - 67)
                : (index % 2 == 0 ? (165.0, 135.0) : (262.0, 232.0))
            return (center.x + rx * cos(radians), center.y + ry * sin(radians))
        }
        let gap = 6.0
        func keepInside(_ index: Int) {
            let half = widths[index] / 2, halfHeight = heights[index] / 2
            places[index].x = min(max(places[index].x, half + 4), area.width - half - 4)
            places[index].y = min(max(places[index].y, halfHeight + 24), area.height - halfHeight)
            // Off the client's circle (radius 48) and its label.
            let dx = places[index].x - center.x, dy = places[index].y - center.y
            if abs(dx) < half + 56 && abs(dy) < halfHeight + 56 {
                if abs(dy) * (half + 56) >= abs(dx) * (halfHeight + 56) {
                    places[index].y = center.y + (dy < 0 ? -1 : 1) * (halfHeight + 56)
                } else {
                    places[index].x = center.x + (dx < 0 ? -1 : 1) * (half + 56)
                }
            }
        }
        for _ in 0..<2000 {
            var moved = false
            for i in 0..<count {
                for j in (i + 1)..<max(count, i + 1) {
                    let dx = places[j].x - places[i].x, dy = places[j].y - places[i].y
                    let overlapX = (widths[i] + widths[j]) / 2 + gap - abs(dx)
                    let overlapY = (heights[i] + heights[j]) / 2 + gap - abs(dy)
                    guard overlapX > 0 && overlapY > 0 else { continue }
                    moved = true
                    // Apart along the axis that needs the shorter move; ties go by index so the
                    // result does not depend on rounding.
                    if overlapY <= overlapX {
                        let push = overlapY / 2 + 0.5, sign: Double = dy > 0 || (dy == 0 && j > i) ? 1 : -1
                        places[i].y -= sign * push
                        places[j].y += sign * push
                    } else {
                        let push = overlapX / 2 + 0.5, sign: Double = dx > 0 || (dx == 0 && j > i) ? 1 : -1
                        places[i].x -= sign * push
                        places[j].x += sign * push
                    }
                    keepInside(i)
                    keepInside(j)
                }
            }
            if !moved { break }
        }
        return places
    }

    private func line(to place: (x: Double, y: Double), _ person: CasePlan.Person) -> String {
        let style = Self.stroke(person.contact)
        var path = "M \(n(center.x)) \(n(center.y))"
        let dx = place.x - center.x, dy = place.y - center.y
        let length = (dx * dx + dy * dy).squareRoot()
        let (ux, uy) = (dx / length, dy / length)
        var marks = ""
        switch person.tension {
        case .noted:
            // A zigzag in the middle of the line: strain not yet talked through.
            for step in 0...8 {
                let along = length * (0.38 + 0.03 * Double(step))
                let side = step == 0 || step == 8 ? 0 : (step % 2 == 0 ? -7.0 : 7.0)
                path += " L \(n(center.x + ux * along - uy * side)) \(n(center.y + uy * along + ux * side))"
            }
        case .discussed:
            // Two bars across the line: strain that was talked through.
            for offset in [-5.0, 5.0] {
                let mx = center.x + ux * (length * 0.5 + offset), my = center.y + uy * (length * 0.5 + offset)
                marks += SVG.line(x1: mx - uy * 9, y1: my + ux * 9, x2: mx + uy * 9, y2: my - ux * 9, width: 2)
            }
        case .none: break
        }
        path += " L \(n(place.x)) \(n(place.y))"
        return "<path d=\"\(path)\" fill=\"none\" \(style)/>" + marks
    }

    /// How far contact has come, as a line: heavy for willing, plain for contacted, dotted
    /// when there is no contact yet, long dashes in grey for declined.
    package static func stroke(_ contact: ContactStatus) -> String {
        switch contact {
        case .willing: "stroke=\"#000\" stroke-width=\"4\""
        case .contacted: "stroke=\"#000\" stroke-width=\"1.6\""
        case .notContacted: "stroke=\"#000\" stroke-width=\"1.8\" stroke-dasharray=\"1 6\" stroke-linecap=\"round\""
        case .declined: "stroke=\"#666\" stroke-width=\"1.4\" stroke-dasharray=\"10 6\""
        }
    }

    /// A person's frame: the lines of its label, its relation, and its size. A frame grows to
    /// its label up to `widest`; a longer label wraps onto a second line, and only what does
    /// not fit on two lines is cut.
    private func frame(_ person: CasePlan.Person, widest: Double, lines: Int)
        -> (label: [String], relation: String, width: Double, height: Double)
    {
        // Rough widths of DejaVu Sans at these sizes: bold 13 px and plain 11 px.
        let labelCharacter = person.isMember ? 8.8 : 8.0
        let label = Self.wrap(person.label, width: Int((widest - 18) / labelCharacter), lines: lines)
        let relation = short(person.relation, Int((widest - 18) / 6.7))
        let needed = max(Double(label.map(\.count).max() ?? 0) * labelCharacter, Double(relation.count) * 6.7)
        return (label, relation, min(widest, max(70, needed + 18)), label.count > 1 ? Self.tallFrameHeight : Self.frameHeight)
    }

    /// Text in lines of at most `width` characters, broken between words where it can, at most
    /// `lines` of them; what does not fit ends in an ellipsis.
    package static func wrap(_ text: String, width: Int, lines limit: Int) -> [String] {
        guard text.count > width, width > 1 else { return [text] }
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty && lines.count < limit {
            if rest.count <= width {
                lines.append(String(rest))
                rest = ""
                break
            }
            let window = rest.prefix(width + 1)
            // Break at the last space that fits; a word longer than the line is broken inside.
            if let space = window.lastIndex(of: " "), space > rest.startIndex {
                lines.append(String(rest[..<space]))
                rest = rest[rest.index(after: space)...].drop { $0 == " " }
            } else {
                // A word longer than the line breaks inside it, with a hyphen.
                lines.append(String(rest.prefix(width - 1)) + "-")
                rest = rest.dropFirst(width - 1)
            }
        }
        if !rest.isEmpty, let last = lines.popLast() {
            lines.append(SVG.short(last + " " + rest, width))
        }
        return lines
    }

    /// The widest a frame may be: narrower as more people share the drawing.
    package static func widestFrame(people: Int) -> Double {
        people <= singleRing ? 190 : (people <= 20 ? 150 : 118)
    }

    /// How many lines a label may take: two, except in a crowded drawing.
    package static func labelLines(people: Int) -> Int { people <= 20 ? 2 : 1 }

    private func box(at place: (x: Double, y: Double), _ person: CasePlan.Person,
                     frame: (label: [String], relation: String, width: Double, height: Double)) -> String {
        let x = place.x - frame.width / 2, y = place.y - frame.height / 2
        let stroke = person.isMember ? "stroke=\"#000\" stroke-width=\"3.5\"" : "stroke=\"#555\" stroke-width=\"1\""
        // One label line sits just above the middle; two share the upper part of the frame.
        let firstLine = frame.label.count > 1 ? place.y - 10 : place.y - 2
        let labels = frame.label.enumerated().map { index, line in
            text(line, x: place.x, y: firstLine + Double(index) * 15, size: 13, weight: person.isMember ? "bold" : "normal")
        }
        return (["<g>",
                 "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" rx=\"6\" fill=\"#fff\" \(stroke)/>"]
            + labels + [text(frame.relation, x: place.x, y: firstLine + Double(frame.label.count - 1) * 15 + 16, size: 11, fill: "#333"),
                        "</g>"]).joined()
    }

    /// The legend in rows of three (four on the large drawing): the four kinds of contact,
    /// the two marks of tension, and a member's frame.
    private func legend(top: Double, columns: Int) -> [String] {
        var parts = [SVG.line(x1: 16, y1: top + 4, x2: width - 16, y2: top + 4, stroke: "#999")]
        let column = (width - 32) / Double(columns)
        var entries: [(draw: (Double, Double) -> [String], label: String)] = [ContactStatus.willing, .contacted, .notContacted, .declined].map { contact in
            ({ x, y in ["<path d=\"M \(n(x)) \(n(y)) L \(n(x + 44)) \(n(y))\" fill=\"none\" \(Self.stroke(contact))/>"] }, contact.title(l))
        }
        entries.append(({ x, y in
            var zigzag = "M \(n(x)) \(n(y))"
            for step in 1...6 { zigzag += " L \(n(x + Double(step) * 7)) \(n(y + (step % 2 == 0 ? 0 : 6) - 3))" }
            return ["<path d=\"\(zigzag)\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.6\"/>"]
        }, TensionState.noted.title(l)))
        entries.append(({ x, y in
            ["<path d=\"M \(n(x)) \(n(y)) L \(n(x + 44)) \(n(y))\" fill=\"none\" stroke=\"#000\" stroke-width=\"1.6\"/>"]
                + [17.0, 27.0].map { SVG.line(x1: x + $0, y1: y - 8, x2: x + $0, y2: y + 8, width: 2) }
        }, TensionState.discussed.title(l)))
        entries.append(({ x, y in
            [SVG.rect(x: x + 2, y: y - 10, width: 40, height: 20, fill: "#fff", stroke: "#000", strokeWidth: 3.5, radius: 5)]
        }, l("member of the group", "lid van de groep")))
        for (index, entry) in entries.enumerated() {
            let x = 16 + Double(index % columns) * column, y = top + 26 + Double(index / columns) * 28
            parts += entry.draw(x, y)
            parts.append(text(entry.label, x: x + 52, y: y + 5, size: 12, anchor: "start"))
        }
        return parts
    }

    private func n(_ value: Double) -> String { SVG.n(value) }
    private func short(_ text: String, _ limit: Int) -> String { SVG.short(text, limit) }
    private func text(_ content: String, x: Double, y: Double, size: Double, weight: String = "normal", anchor: String = "middle",
                      fill: String = "#000", style: String = "normal") -> String {
        SVG.text(content, x: x, y: y, size: size, weight: weight, anchor: anchor, fill: fill, style: style)
    }
}
