/// Helpers every sandboxed chunk can use. They keep derived checklist expressions and plugins
/// short: `any(case.members, function(r) return r.one_to_one_held end)`,
/// `days_between(meeting.held_on, ctx.today) > 90`.
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
        -- The labels of the entries that pass the test (all, without one), for `missing:` names.
        function labels(list, test)
          local found = {}
          for _, item in ipairs(list or {}) do
            if test == nil or test(item) then found[#found + 1] = tostring(item.label or item.id or item) end
          end
          return found
        end
        function count(list, test)
          local n = 0
          for _, item in ipairs(list or {}) do if test == nil or test(item) then n = n + 1 end end
          return n
        end

        -- Dates are texts written YYYY-MM-DD; these count in days (proleptic Gregorian).
        local function day_number(date)
          local y, m, d = string.match(tostring(date), "^(%d%d%d%d)-(%d%d)-(%d%d)$")
          if not y then error("not a date written YYYY-MM-DD: " .. tostring(date), 3) end
          y, m, d = tonumber(y), tonumber(m), tonumber(d)
          if m <= 2 then y = y - 1 end
          local era = y // 400
          local yoe = y - era * 400
          local doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
          return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
        end
        function days_between(from, to)
          return day_number(to) - day_number(from)
        end
        function add_days(date, days)
          local z = day_number(date) + days + 719468
          local era = z // 146097
          local doe = z - era * 146097
          local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
          local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
          local mp = (5 * doy + 2) // 153
          local d = doy - (153 * mp + 2) // 5 + 1
          local m = mp < 10 and mp + 3 or mp - 9
          local y = yoe + era * 400 + (m <= 2 and 1 or 0)
          return string.format("%04d-%02d-%02d", y, m, d)
        end
        """
}
