import Testing
@testable import RegieCore
@testable import RegieLua

@Suite("Malformed input gives errors, never crashes")
struct RobustnessTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("random and truncated byte streams into the C decoder are refused cleanly")
    func randomArguments() throws {
        let sandbox = try LuaSandbox(instructionBudget: 10_000)
        let chunk = try sandbox.compile("return case", name: "=t")
        var rng = SplitMix(state: 42)
        let tags: [UInt8] = Array("ntfidsam".utf8) + [0, 255]
        var refused = 0
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &rng)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if !bytes.isEmpty, Bool.random(using: &rng) { bytes[0] = tags.randomElement(using: &rng)! }
            do {
                _ = try sandbox.call(chunk, binding: "case", encoded: bytes)
            } catch {
                refused += 1
            }
        }
        #expect(refused > 1_000, "most random streams are not valid values")
        // A valid value whose tail is cut off at every point.
        var valid: [UInt8] = []
        LuaValueCoding.encode(.record(["a": .array([.string("xyz"), .integer(7)]), "b": .bool(true)]), into: &valid)
        for cut in 0..<valid.count {
            #expect(throws: LuaError.self) { try sandbox.call(chunk, binding: "case", encoded: Array(valid[..<cut])) }
        }
        #expect(try sandbox.call(chunk, binding: "case", encoded: valid) != .nil)
    }

    @Test("a value nested deeper than the limit is refused both ways")
    func depth() throws {
        var value = LuaValue.integer(1)
        for _ in 0..<40 { value = .array([value]) }
        let sandbox = try LuaSandbox()
        let chunk = try sandbox.compile("return case", name: "=t")
        #expect(throws: LuaError.self) { try sandbox.call(chunk, binding: "case", to: value) }
        let deep = try sandbox.compile("local t = {} for i = 1, 40 do t = {t} end return t", name: "=t")
        #expect(throws: LuaError.self) { try sandbox.call(deep, binding: "case", to: .nil) }
    }

    @Test("random text never crashes the workflow parser")
    func randomYAML() {
        var rng = SplitMix(state: 7)
        let pieces = ["workflow: x\n", "phases:\n", "  goals:\n", "    checklist:\n", "      - id: a\n", "        nl: a\n",
                      "        en: a\n", "        derived: \"#case.goals > 0\"\n", "    prompts: [", "]", "{", "}", "- ", ": ",
                      "\t", "&anchor ", "*anchor ", "!!binary ", "\"", "'", "\n", "  ", "# comment\n", "---\n", "...\n", "é"]
        var parsed = 0
        for _ in 0..<1_000 {
            let text = (0..<Int.random(in: 0...25, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            do {
                _ = try WorkflowParser.parse(text, file: "random.yaml")
                parsed += 1
            } catch {
                #expect(error.file == "random.yaml")
                #expect(!error.problem.isEmpty)
            }
        }
        #expect(parsed < 1_000)
    }
}
