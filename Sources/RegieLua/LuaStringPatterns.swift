/// `string.find`, `string.match`, `string.gmatch` and `string.gsub` for the sandbox, written in
/// Lua after the reference manual (§6.4.1). Lua's own versions run in C, where a backtracking
/// pattern such as `("a"):rep(3000):find("a*a*a*b")` can take minutes without ever reaching
/// the instruction hook; these run as Lua code, so the budget and the deadline stop them.
/// The C side passes in the original functions they need and installs what this returns into
/// the string library, so `s:find(p)` uses them too.
package enum LuaStringPatterns {
    package static let source = #"""
        local T = ...
        local byte, sub, len, char, lower = T.byte, T.sub, T.len, T.char, T.lower
        local plain_find, pcall, error, type, tostring, tonumber, select, concat =
          T.plain_find, T.pcall, T.error, T.type, T.tostring, T.tonumber, T.select, T.concat
        local _ENV = nil

        local MAX_CAPTURES = 32
        local UNFINISHED, POSITION = -1, -2
        local PERCENT, LBRACKET, RBRACKET, CARET, DOLLAR = 37, 91, 93, 94, 36
        local LPAREN, RPAREN, DOT, STAR, PLUS, MINUS, QUESTION = 40, 41, 46, 42, 43, 45, 63
        local SPECIALS = "^$*+?.([%-"

        -- Errors in the pattern itself are tagged so the public functions can report them at
        -- the caller's line; errors from a replacement function pass through unchanged.
        local function fail(message) error({ pattern_error = message }, 0) end

        local function class_matches(c, class)
          local l = class | 32
          local r
          if l == 97 then r = (c >= 65 and c <= 90) or (c >= 97 and c <= 122)          -- %a
          elseif l == 99 then r = c < 32 or c == 127                                    -- %c
          elseif l == 100 then r = c >= 48 and c <= 57                                  -- %d
          elseif l == 103 then r = c > 32 and c < 127                                   -- %g
          elseif l == 108 then r = c >= 97 and c <= 122                                 -- %l
          elseif l == 112 then                                                          -- %p
            r = (c >= 33 and c <= 47) or (c >= 58 and c <= 64) or (c >= 91 and c <= 96) or (c >= 123 and c <= 126)
          elseif l == 115 then r = c == 32 or (c >= 9 and c <= 13)                      -- %s
          elseif l == 117 then r = c >= 65 and c <= 90                                  -- %u
          elseif l == 119 then r = (c >= 48 and c <= 57) or (c >= 65 and c <= 90) or (c >= 97 and c <= 122) -- %w
          elseif l == 120 then r = (c >= 48 and c <= 57) or (c >= 65 and c <= 70) or (c >= 97 and c <= 102) -- %x
          elseif l == 122 then r = c == 0                                               -- %z (deprecated)
          else return class == c end
          if class >= 65 and class <= 90 then return not r end
          return r
        end

        -- The index just after the single-character class that starts at pi.
        local function class_end(ms, pi)
          local p = ms.p
          local c = byte(p, pi)
          pi = pi + 1
          if c == PERCENT then
            if pi > ms.plen then fail("malformed pattern (ends with '%')") end
            return pi + 1
          elseif c == LBRACKET then
            if byte(p, pi) == CARET then pi = pi + 1 end
            repeat
              if pi > ms.plen then fail("malformed pattern (missing ']')") end
              local cc = byte(p, pi)
              pi = pi + 1
              if cc == PERCENT and pi <= ms.plen then pi = pi + 1 end
            until byte(p, pi) == RBRACKET
            return pi + 1
          end
          return pi
        end

        -- Does byte c match the set [ ... ] from pi (at '[') to ec (at ']')?
        local function set_matches(ms, c, pi, ec)
          local p = ms.p
          local found = true
          pi = pi + 1
          if byte(p, pi) == CARET then found = false; pi = pi + 1 end
          while pi < ec do
            local pc = byte(p, pi)
            if pc == PERCENT then
              pi = pi + 1
              if class_matches(c, byte(p, pi)) then return found end
              pi = pi + 1
            elseif byte(p, pi + 1) == MINUS and pi + 2 < ec then
              if pc <= c and c <= byte(p, pi + 2) then return found end
              pi = pi + 3
            else
              if pc == c then return found end
              pi = pi + 1
            end
          end
          return not found
        end

        local function single_matches(ms, si, pi, ep)
          if si > ms.slen then return false end
          local c = byte(ms.s, si)
          local pc = byte(ms.p, pi)
          if pc == DOT then return true
          elseif pc == PERCENT then return class_matches(c, byte(ms.p, pi + 1))
          elseif pc == LBRACKET then return set_matches(ms, c, pi, ep - 1)
          end
          return pc == c
        end

        local do_match

        local function max_expand(ms, si, pi, ep)
          local i = 0
          while single_matches(ms, si + i, pi, ep) do i = i + 1 end
          while i >= 0 do
            local r = do_match(ms, si + i, ep + 1)
            if r then return r end
            i = i - 1
          end
          return nil
        end

        local function min_expand(ms, si, pi, ep)
          while true do
            local r = do_match(ms, si, ep + 1)
            if r then return r end
            if single_matches(ms, si, pi, ep) then si = si + 1 else return nil end
          end
        end

        local function start_capture(ms, si, pi, what)
          local level = ms.level + 1
          if level > MAX_CAPTURES then fail("too many captures") end
          ms.cstart[level] = si
          ms.clen[level] = what
          ms.level = level
          local r = do_match(ms, si, pi)
          if not r then ms.level = ms.level - 1 end
          return r
        end

        local function end_capture(ms, si, pi)
          local l = nil
          for i = ms.level, 1, -1 do
            if ms.clen[i] == UNFINISHED then l = i; break end
          end
          if not l then fail("invalid pattern capture") end
          ms.clen[l] = si - ms.cstart[l]
          local r = do_match(ms, si, pi)
          if not r then ms.clen[l] = UNFINISHED end
          return r
        end

        local function match_balance(ms, si, pi)
          if pi + 1 > ms.plen then fail("malformed pattern (missing arguments to '%b')") end
          if si > ms.slen or byte(ms.s, si) ~= byte(ms.p, pi) then return nil end
          local open, close = byte(ms.p, pi), byte(ms.p, pi + 1)
          local depth = 1
          si = si + 1
          while si <= ms.slen do
            local c = byte(ms.s, si)
            if c == close then
              depth = depth - 1
              if depth == 0 then return si + 1 end
            elseif c == open then
              depth = depth + 1
            end
            si = si + 1
          end
          return nil
        end

        local function match_back_reference(ms, si, digit)
          local l = digit - 48
          if l < 1 or l > ms.level or ms.clen[l] == UNFINISHED then fail("invalid capture index %" .. (l > 0 and l or 0)) end
          local n = ms.clen[l]
          -- A position capture has no text: Lua compares its length as a huge unsigned size,
          -- so a back-reference to one never matches.
          if n == POSITION then return nil end
          if ms.slen - si + 1 >= n and sub(ms.s, ms.cstart[l], ms.cstart[l] + n - 1) == sub(ms.s, si, si + n - 1) then
            return si + n
          end
          return nil
        end

        -- Matches the pattern from pi against the subject from si; returns the index just
        -- after the match, or nil.
        do_match = function(ms, si, pi)
          if pi > ms.plen then return si end
          local p = ms.p
          local pc = byte(p, pi)
          if pc == LPAREN then
            if byte(p, pi + 1) == RPAREN then return start_capture(ms, si, pi + 2, POSITION) end
            return start_capture(ms, si, pi + 1, UNFINISHED)
          elseif pc == RPAREN then
            return end_capture(ms, si, pi + 1)
          elseif pc == DOLLAR and pi == ms.plen then
            if si == ms.slen + 1 then return si end
            return nil
          elseif pc == PERCENT then
            local nc = byte(p, pi + 1)
            if nc == 98 then -- %b
              local r = match_balance(ms, si, pi + 2)
              if r then return do_match(ms, r, pi + 4) end
              return nil
            elseif nc == 102 then -- %f
              pi = pi + 2
              if byte(p, pi) ~= LBRACKET then fail("missing '[' after '%f' in pattern") end
              local ep = class_end(ms, pi)
              local previous = si == 1 and 0 or byte(ms.s, si - 1)
              local current = si <= ms.slen and byte(ms.s, si) or 0
              if not set_matches(ms, previous, pi, ep - 1) and set_matches(ms, current, pi, ep - 1) then
                return do_match(ms, si, ep)
              end
              return nil
            elseif nc and nc >= 48 and nc <= 57 then -- %0-%9
              local r = match_back_reference(ms, si, nc)
              if r then return do_match(ms, r, pi + 2) end
              return nil
            end
          end
          local ep = class_end(ms, pi)
          local epc = byte(p, ep)
          if not single_matches(ms, si, pi, ep) then
            if epc == STAR or epc == QUESTION or epc == MINUS then return do_match(ms, si, ep + 1) end
            return nil
          end
          if epc == QUESTION then
            local r = do_match(ms, si + 1, ep + 1)
            if r then return r end
            return do_match(ms, si, ep + 1)
          elseif epc == PLUS then return max_expand(ms, si + 1, pi, ep)
          elseif epc == STAR then return max_expand(ms, si, pi, ep)
          elseif epc == MINUS then return min_expand(ms, si, pi, ep)
          end
          return do_match(ms, si + 1, ep)
        end

        local function capture(ms, i, si, ei)
          if i > ms.level then
            if i == 1 then return sub(ms.s, si, ei - 1) end
            fail("invalid capture index %" .. i)
          end
          local l = ms.clen[i]
          if l == UNFINISHED then fail("unfinished capture") end
          if l == POSITION then return ms.cstart[i] end
          return sub(ms.s, ms.cstart[i], ms.cstart[i] + l - 1)
        end

        local function captures(ms, si, ei, whole)
          local n = ms.level
          if n == 0 and whole then n = 1 end
          local out = {}
          for i = 1, n do out[i] = capture(ms, i, si, ei) end
          return out, n
        end

        local function new_state(s, p)
          return { s = s, slen = len(s), p = p, plen = len(p), level = 0, cstart = {}, clen = {} }
        end

        local function start_index(init, slen)
          if init == nil then return 1 end
          init = tonumber(init)
          if init == nil or init ~= init // 1 then error("bad argument #3 (number has no integer representation)", 3) end
          if init > 0 then return init end
          if init == 0 then return 1 end
          if init < -slen then return 1 end
          return slen + init + 1
        end

        local function unpack_list(list, i, n)
          if i > n then return end
          return list[i], unpack_list(list, i + 1, n)
        end

        local function check_string(value, position, name)
          local t = type(value)
          if t == "string" then return value end
          if t == "number" then return tostring(value) end
          error("bad argument #" .. position .. " to '" .. name .. "' (string expected, got " .. (value == nil and "no value" or t) .. ")", 3)
        end

        local SPECIAL = {}
        for i = 1, len(SPECIALS) do SPECIAL[byte(SPECIALS, i)] = true end

        local function has_specials(p)
          for i = 1, len(p) do
            if SPECIAL[byte(p, i)] then return true end
          end
          return false
        end

        local function search(s, p, init, plain, find)
          local slen = len(s)
          init = start_index(init, slen)
          if init > slen + 1 then return nil end
          if find and (plain or not has_specials(p)) then
            return plain_find(s, p, init)
          end
          local ms = new_state(s, p)
          local pi = 1
          local anchored = byte(p, 1) == CARET
          if anchored then pi = 2 end
          local si = init
          repeat
            ms.level = 0
            local e = do_match(ms, si, pi)
            if e then
              if find then
                local list, n = captures(ms, si, e, false)
                return si, e - 1, unpack_list(list, 1, n)
              end
              local list, n = captures(ms, si, e, true)
              return unpack_list(list, 1, n)
            end
            si = si + 1
          until anchored or si > slen + 1
          return nil
        end

        local function pack(...) return { n = select("#", ...), ... } end

        -- Called (not tail-called) by the public functions with pcall's results: a pattern
        -- error is reported at the line of the plugin's call (level 3), anything else as it is.
        local function raise_if_failed(r)
          if r[1] then return end
          local e = r[2]
          if type(e) == "table" and e.pattern_error then error(e.pattern_error, 3) end
          error(e, 0)
        end

        local M = {}

        function M.find(s, p, init, plain)
          s = check_string(s, 1, "find")
          p = check_string(p, 2, "find")
          local r = pack(pcall(search, s, p, init, plain, true))
          raise_if_failed(r)
          return unpack_list(r, 2, r.n)
        end

        function M.match(s, p, init)
          s = check_string(s, 1, "match")
          p = check_string(p, 2, "match")
          local r = pack(pcall(search, s, p, init, false, false))
          raise_if_failed(r)
          return unpack_list(r, 2, r.n)
        end

        function M.gmatch(s, p, init)
          s = check_string(s, 1, "gmatch")
          p = check_string(p, 2, "gmatch")
          local slen = len(s)
          local si = start_index(init, slen)
          local last = nil
          -- As in Lua 5.4, a leading '^' is not an anchor here.
          local function step()
            local ms = new_state(s, p)
            while si <= slen + 1 do
              ms.level = 0
              local e = do_match(ms, si, 1)
              if e and e ~= last then
                local start = si
                si, last = e, e
                local list, n = captures(ms, start, e, true)
                return unpack_list(list, 1, n)
              end
              si = si + 1
            end
            return nil
          end
          return function()
            local r = pack(pcall(step))
            raise_if_failed(r)
            return unpack_list(r, 2, r.n)
          end
        end

        local function replacement(ms, repl, kind, si, ei)
          local whole = sub(ms.s, si, ei - 1)
          local value
          if kind == "string" then
            local parts = {}
            local i, n = 1, len(repl)
            while i <= n do
              local c = byte(repl, i)
              if c == PERCENT then
                i = i + 1
                local d = byte(repl, i)
                if d == PERCENT then parts[#parts + 1] = "%"
                elseif d and d >= 48 and d <= 57 then
                  if d == 48 then parts[#parts + 1] = whole
                  else
                    local v = capture(ms, d - 48, si, ei)
                    parts[#parts + 1] = type(v) == "number" and tostring(v) or v
                  end
                else
                  fail("invalid use of '%' in replacement string")
                end
              else
                parts[#parts + 1] = char(c)
              end
              i = i + 1
            end
            return concat(parts)
          end
          local key = capture(ms, 1, si, ei)
          if kind == "table" then value = repl[key]
          else
            local list, n = captures(ms, si, ei, true)
            value = repl(unpack_list(list, 1, n))
          end
          if value == nil or value == false then return whole end
          local t = type(value)
          if t == "string" then return value end
          if t == "number" then return tostring(value) end
          fail("invalid replacement value (a " .. t .. ")")
        end

        local function substitute(s, p, repl, max)
          local kind = type(repl)
          if kind == "number" then repl = tostring(repl); kind = "string" end
          if kind ~= "string" and kind ~= "table" and kind ~= "function" then
            fail("bad argument #3 to 'gsub' (string/function/table expected, got " .. (repl == nil and "no value" or kind) .. ")")
          end
          local slen = len(s)
          local anchored = byte(p, 1) == CARET
          local pi = anchored and 2 or 1
          local limit = max == nil and slen + 1 or tonumber(max)
          local ms = new_state(s, p)
          local out, count, si, last = {}, 0, 1, nil
          while count < limit do
            ms.level = 0
            local e = do_match(ms, si, pi)
            if e and e ~= last then
              count = count + 1
              out[#out + 1] = replacement(ms, repl, kind, si, e)
              si, last = e, e
            elseif si <= slen then
              out[#out + 1] = sub(s, si, si)
              si = si + 1
            else
              break
            end
            if anchored then break end
          end
          if si <= slen then out[#out + 1] = sub(s, si) end
          return concat(out), count
        end

        function M.gsub(s, p, repl, max)
          s = check_string(s, 1, "gsub")
          p = check_string(p, 2, "gsub")
          local r = pack(pcall(substitute, s, p, repl, max))
          raise_if_failed(r)
          return unpack_list(r, 2, r.n)
        end

        return M
        """#
}
