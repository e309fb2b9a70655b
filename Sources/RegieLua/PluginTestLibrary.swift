/// The small test library plugin authors write their tests with (`regie plugin test`):
/// `describe`, `it`, `expect(...)` with `to_be`, `to_equal`, `to_be_truthy`, `to_be_falsy` and
/// `to_contain`, plus `sample_case`, `context` and `move` to build a hook's arguments. Tests run
/// in the same sandbox as the plugin; `plugin` is a fresh instance of the plugin's table.
package enum PluginTestLibrary {
    package static let source = #"""
        local results = { passed = 0, failures = {} }
        local names = {}
        local defaults = {}
        local L = {}

        local function deep_equal(a, b)
          if a == b then return true end
          if type(a) ~= "table" or type(b) ~= "table" then return false end
          for k, v in pairs(a) do if not deep_equal(v, b[k]) then return false end end
          for k in pairs(b) do if a[k] == nil then return false end end
          return true
        end

        local function show(value)
          if type(value) == "string" then return string.format("%q", value) end
          if type(value) ~= "table" then return tostring(value) end
          local parts = {}
          for k, v in pairs(value) do parts[#parts + 1] = tostring(k) .. " = " .. show(v) end
          return "{" .. table.concat(parts, ", ") .. "}"
        end

        function L.describe(name, body)
          names[#names + 1] = name
          body()
          names[#names] = nil
        end

        function L.it(name, body)
          local full = table.concat(names, " ")
          full = full == "" and name or full .. " " .. name
          local ok, err = pcall(body)
          if ok then
            results.passed = results.passed + 1
          else
            results.failures[#results.failures + 1] = { name = full, message = type(err) == "string" and err or show(err) }
          end
        end

        function L.expect(actual)
          local m = {}
          local function check(holds, message) if not holds then error(message, 3) end end
          function m.to_be(expected) check(actual == expected, "expected " .. show(expected) .. ", got " .. show(actual)) end
          function m.to_equal(expected) check(deep_equal(actual, expected), "expected " .. show(expected) .. ", got " .. show(actual)) end
          function m.to_be_truthy() check(actual, "expected a true value, got " .. show(actual)) end
          function m.to_be_falsy() check(not actual, "expected false or nil, got " .. show(actual)) end
          function m.to_contain(expected)
            if type(actual) == "string" then
              check(actual:find(expected, 1, true) ~= nil, show(actual) .. " does not contain " .. show(expected))
            else
              check(type(actual) == "table" and any(actual, function(x) return deep_equal(x, expected) end),
                    show(actual) .. " does not contain " .. show(expected))
            end
          end
          return m
        end

        --- The ids of a list of checklist items.
        function L.ids(items)
          local out = {}
          for i, item in ipairs(items or {}) do out[i] = item.id end
          return out
        end

        --- The item with this id in a list of checklist items, or nil.
        function L.item(items, id)
          for _, item in ipairs(items or {}) do if item.id == id then return item end end
          return nil
        end

        local function resource(r, id)
          return {
            id = r.id or id, label = r.label or ("Person " .. id), relation = r.relation or "friend",
            kind = r.kind or "informal", contact = r.contact or "not_contacted",
            one_to_one_held = r.one_to_one_held or false, can_do = r.can_do, cannot_do = r.cannot_do,
            tension = r.tension or "none", member = r.member or false,
          }
        end

        --- A case snapshot with every field filled in; give only what a test is about.
        function L.sample_case(fields)
          fields = fields or {}
          local c = {
            id = fields.id or 1, team = fields.team or "team", phase = fields.phase or "goals",
            status = fields.status or "active", round = fields.round or 1, complex = fields.complex or false,
            minutes_logged = fields.minutes_logged or 0, ticked = fields.ticked or {},
            opened_on = fields.opened_on or "2026-01-05", goals = {}, resources = {}, members = {},
            questions = fields.questions or {}, meetings = {}, history = fields.history or {},
          }
          for i, g in ipairs(fields.goals or {}) do
            c.goals[i] = { id = g.id or i, text = g.text or "a goal", term = g.term or "short",
                           worded_by = g.worded_by or "client", status = g.status or "open" }
          end
          for i, r in ipairs(fields.resources or {}) do
            c.resources[i] = resource(r, i)
            if c.resources[i].member then c.members[#c.members + 1] = c.resources[i] end
          end
          for i, m in ipairs(fields.meetings or {}) do
            c.meetings[i] = { id = m.id or i, round = m.round or 1, planned_on = m.planned_on or "2026-02-01",
                              held_on = m.held_on, attendees = m.attendees or {}, led_by = m.led_by }
          end
          return c
        end

        --- A hook's ctx: the plugin's setting defaults, with `settings` over them.
        function L.context(fields)
          fields = fields or {}
          local settings = {}
          for k, v in pairs(defaults) do settings[k] = v end
          for k, v in pairs(fields.settings or {}) do settings[k] = v end
          return { today = fields.today or "2026-11-23", now = fields.now or 1795420800,
                   locale = fields.locale or "en", team = fields.team or "team", settings = settings }
        end

        --- A guard's move: `move("advance", "mapping", "activation")`.
        function L.move(kind, from_phase, to_phase)
          return { kind = kind, from_phase = from_phase, to_phase = to_phase or from_phase, to_status = "active" }
        end

        function L.use_plugin(p)
          defaults = p.settings or {}
        end

        function L.report()
          return results
        end

        return L
        """#
}
