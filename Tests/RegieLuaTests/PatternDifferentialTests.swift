import Testing
@testable import RegieLua

/// The sandbox's pattern engine against Lua 5.4's own C functions, over thousands of
/// generated patterns and subjects: `find` (with an init), `match`, `gmatch` and `gsub`, and
/// whether each raises an error, must agree exactly.
@Suite("Pattern engine, differential against Lua's C functions")
struct PatternDifferentialTests {
    /// A small deterministic generator (SplitMix64), so a failure can be reproduced.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func pick(_ options: [String]) -> String { options[next(options.count)] }
    }

    static let atoms = ["a", "b", "c", ".", "%a", "%d", "%s", "%w", "%p", "%l", "%u", "%x", "%.", "%%", "[ab]", "[^a]", "[a-c]",
                        "[%d_]", "[]]", "[^%s]", "%b()", "%f[%a]", "%f[%A]", " ", "1", "(", ")"]
    static let quantifiers = ["", "", "", "*", "+", "-", "?"]

    static func pattern(_ g: inout Generator) -> String {
        var p = g.next(6) == 0 ? "^" : ""
        var open = 0, captures = 0
        for _ in 0..<(1 + g.next(5)) {
            switch g.next(10) {
            case 0 where open < 2:
                p += "("
                open += 1
            case 1 where open > 0:
                p += ")"
                open -= 1
                captures += 1
            case 2:
                p += "()"
                captures += 1
            case 3 where captures > 0:
                p += "%" + String(1 + g.next(captures + 1))  // sometimes one too many: an error in both
            default:
                let atom = g.pick(atoms)
                p += atom + (atom.count == 1 && "()".contains(atom) ? "" : g.pick(quantifiers))
            }
        }
        if g.next(3) == 0 { p += String(repeating: ")", count: open) }
        if g.next(6) == 0 { p += "$" }
        return p
    }

    static func subject(_ g: inout Generator) -> String {
        let letters = ["a", "b", "c", "(", ")", " ", "1", "_", ".", "A", "-", "%"]
        return (0..<g.next(9)).map { _ in g.pick(letters) }.joined()
    }

    /// One Lua chunk that runs every case under pcall and joins what each gives.
    static func chunk(_ cases: [(pattern: String, subject: String, initial: Int)]) -> String {
        let list = cases.map { "{\(String(reflecting: $0.pattern)), \(String(reflecting: $0.subject)), \($0.initial)}" }
        return """
            local cases = {\(list.joined(separator: ",\n"))}
            local function show(ok, ...)
              if not ok then return "E" end
              local parts = {}
              for i = 1, select("#", ...) do local v = select(i, ...) parts[i] = type(v) .. ":" .. tostring(v) end
              return table.concat(parts, "|")
            end
            local out = {}
            for i, c in ipairs(cases) do
              local p, s, init = c[1], c[2], c[3]
              local seen = {}
              local ok = pcall(function()
                local n = 0
                for a, b in string.gmatch(s, p) do
                  n = n + 1
                  seen[#seen + 1] = tostring(a) .. "," .. tostring(b)
                  if n >= 20 then break end
                end
              end)
              out[#out + 1] = table.concat({
                show(pcall(string.find, s, p, init)), show(pcall(string.match, s, p)),
                ok and table.concat(seen, ";") or "E", show(pcall(string.gsub, s, p, "<%0>", 5)),
              }, " / ")
            end
            return table.concat(out, "\\n")
            """
    }

    @Test("4,000 generated patterns and subjects give what Lua's own functions give", arguments: 0..<8)
    func agrees(_ batch: Int) throws {
        var g = Generator(state: UInt64(batch) &* 0x1234_5678_9ABC_DEF1 &+ 17)
        let cases = (0..<500).map { _ in (pattern: Self.pattern(&g), subject: Self.subject(&g), initial: g.next(12) - 4) }
        let source = Self.chunk(cases)
        let expected = try #require(PatternTests.reference(source, capacity: 1 << 22), "the reference state ran the batch")
        let sandbox = try LuaSandbox(memoryLimit: 64 << 20, instructionBudget: 400_000_000, deadline: .seconds(120))
        let result = try sandbox.call(try sandbox.compile(source, name: "=differential"), binding: "unused", to: .nil)
        guard case .string(let text) = result else {
            Issue.record("the sandbox gave \(result)")
            return
        }
        let ours = text.split(separator: "\n", omittingEmptySubsequences: false)
        let theirs = expected.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(ours.count == cases.count && theirs.count == cases.count)
        var differences = 0
        for (index, (mine, reference)) in zip(ours, theirs).enumerated() where mine != reference {
            differences += 1
            if differences <= 5 {
                let c = cases[index]
                Issue.record("pattern \(String(reflecting: c.pattern)) on \(String(reflecting: c.subject)) init \(c.initial):\n  sandbox:   \(mine)\n  reference: \(reference)")
            }
        }
        #expect(differences == 0, "\(differences) of \(cases.count) cases differ")
    }
}
