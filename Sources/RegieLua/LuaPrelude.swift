/// Helpers every sandboxed chunk can use. They keep derived checklist expressions short:
/// `any(case.members, function(r) return r.one_to_one_held end)`.
package enum LuaPrelude {
    package static let source = """
        function any(list, test)
          for _, item in ipairs(list or {}) do if test(item) then return true end end
          return false
        end
        function all(list, test)
          for _, item in ipairs(list or {}) do if not test(item) then return false end end
          return true
        end
        function count(list, test)
          local n = 0
          for _, item in ipairs(list or {}) do if test == nil or test(item) then n = n + 1 end end
          return n
        end
        """
}
