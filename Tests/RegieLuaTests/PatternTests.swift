import CLuaShims
import Testing
@testable import RegieLua

/// The sandbox's pattern functions are Lua code (so the budget covers them); they must give
/// exactly what Lua's own C functions give.
@Suite("Pattern functions agree with Lua's own")
struct PatternTests {
    /// Runs the same Lua text in the sandbox and in a plain Lua state; both give a string.
    static let cases: [String] = [
        #"return ("hello world"):find("o w")"#,
        #"return ("hello world"):find("o", 6)"#,
        #"return ("hello world"):find("l+")"#,
        #"return ("hello world"):find("(l+)(o)")"#,
        #"return ("hello"):find("", 10)"#,
        #"return ("hello"):find("", 6)"#,
        #"return ("hello"):find("l", -2)"#,
        #"return ("a.b"):find(".", 1, true)"#,
        #"return ("  trim me  "):match("^%s*(.-)%s*$")"#,
        #"return ("key = value"):match("(%w+)%s*=%s*(%w+)")"#,
        #"return ("2026-11-23"):match("^(%d%d%d%d)-(%d%d)-(%d%d)$")"#,
        #"return ("THE (quick) fox"):find("%((%a+)%)")"#,
        #"return ("f(a(b)c)d"):match("%b()")"#,
        #"return ("THE (quick) fox"):gsub("%f[%a]%a+", "W")"#,
        #"return ("hello world"):gsub("o", "0", 1)"#,
        #"return ("hello world"):gsub("(%w+)", "<%1>")"#,
        #"return ("hello world"):gsub("%w+", "%0 %0")"#,
        #"return ("abc"):gsub("", "-")"#,
        #"return ("hello"):gsub("l*", "x")"#,
        #"return ("$name is $age"):gsub("%$(%w+)", {name = "Sanne", age = 41})"#,
        #"return ("abc"):gsub("%w", function(c) return c:upper() .. "." end)"#,
        #"return ("abc"):gsub("(b)", function(c) return nil end)"#,
        #"return ("x = 1, y = 2"):gsub("()(%w+)()", "%1-%2-%3")"#,
        #"local out = {} for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do out[#out+1] = k .. v end return table.concat(out, ";")"#,
        #"local out = {} for w in ("one two  three"):gmatch("%a+") do out[#out+1] = w end return table.concat(out, ",")"#,
        #"local out = {} for w in ("abc"):gmatch("") do out[#out+1] = "[" .. w .. "]" end return table.concat(out)"#,
        #"local out = {} for w in ("hello world from lua"):gmatch("%a+", 7) do out[#out+1] = w end return table.concat(out, ",")"#,
        #"return ("aaa"):match("^(a-)a$")"#,
        #"return ("[x]"):match("[]x[]+")"#,
        #"return ("a-b_c"):gsub("[%-_]", " ")"#,
        #"return ("abcABC123"):gsub("[^%l]", "")"#,
        #"return ("hello hello"):match("(h%a+) %1")"#,
        #"return ("x"):match("()")"#,
        #"return ("a,b,,c"):gsub(",", ";")"#,
        #"return ("\0a\0"):find("%z?a")"#,
        #"return ("tab\there"):match("%c")"#,
        #"return ("abc"):find("b", 1.0)"#,
        #"return string.find(12345, "34")"#,
        #"return ("abc"):match("(a)(b)(c)(x?)")"#,
        #"return ("end"):find("d$")"#,
        #"return ("a$b"):find("$b")"#,
        #"return ("x^y"):find("x^")"#,
    ]

    static func render(_ body: String) -> String {
        """
        local function show(...)
          local n = select("#", ...)
          local parts = {}
          for i = 1, n do parts[i] = type((select(i, ...))) .. ":" .. tostring((select(i, ...))) end
          return table.concat(parts, "|")
        end
        local function body() \(body) end
        return show(body())
        """
    }

    static func reference(_ source: String, capacity: Int = 1 << 16) -> String? {
        var out = [UInt8](repeating: 0, count: capacity)
        var message = [CChar](repeating: 0, count: 256)
        let n = source.withCString { regie_lua_reference_eval($0, source.utf8.count, &out, out.count, &message, message.count) }
        guard n >= 0, let value = LuaValueCoding.decode(out.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[..<n]) }),
              case .array(let items) = value, case .string(let text)? = items.first else { return nil }
        return text
    }

    @Test("the same results as Lua 5.4's string library", arguments: cases)
    func agrees(_ body: String) throws {
        let source = Self.render(body)
        let expected = try #require(Self.reference(source))
        let sandbox = try LuaSandbox()
        let chunk = try sandbox.compile(source, name: "=t")
        #expect(try sandbox.call(chunk, binding: "unused", to: .nil) == .string(expected))
    }

    @Test("malformed patterns are errors at the caller's line", arguments: ["(", "%", "[a", "%b", "%f", "(()", "%1"])
    func malformed(_ pattern: String) throws {
        let sandbox = try LuaSandbox()
        let chunk = try sandbox.compile("\nlocal found = ('abc'):find(\(String(reflecting: pattern)))\nreturn found", name: "@p.lua")
        let error = try #require(throws: LuaError.self) { try sandbox.call(chunk, binding: "unused", to: .nil) }
        #expect(error.kind == .runtime)
        #expect(error.message.hasPrefix("p.lua:2:"), "\(error.message)")
    }
}
