-- Quarterly rhythm: the group meets again within about three months of its last meeting.
local function last_held(case)
  local last = nil
  for _, m in ipairs(case.meetings) do
    if m.held_on and (last == nil or m.held_on > last) then last = m.held_on end
  end
  return last
end

local function next_planned(case)
  local first = nil
  for _, m in ipairs(case.meetings) do
    if m.held_on == nil and (first == nil or m.planned_on < first) then first = m.planned_on end
  end
  return first
end

return {
  api = 1,
  name = "quarterly",
  version = "1.0",
  description = {
    nl = "Kwartaalritme: de volgende bijeenkomst binnen ongeveer drie maanden.",
    en = "Quarterly rhythm: the next meeting within about three months.",
  },
  settings = { max_days = 92 },

  checklist = function(phase, case, ctx)
    if phase == "follow_up" then
      local last, planned = last_held(case), next_planned(case)
      return {
        {
          id = "quarterly.next_meeting",
          nl = "De volgende bijeenkomst is gepland, binnen " .. ctx.settings.max_days .. " dagen na de vorige.",
          en = "The next meeting is planned, within " .. ctx.settings.max_days .. " days of the last.",
          holds = last ~= nil and planned ~= nil and days_between(last, planned) <= ctx.settings.max_days,
        },
      }
    end
  end,

  prompts = function(phase, case, ctx)
    if phase == "follow_up" then
      return { { nl = "Vraag de groep hoe de afspraken sinds de vorige bijeenkomst liepen.",
                 en = "Ask the group how the agreements went since the last meeting." } }
    end
  end,

  -- The agenda asks for the next meeting within the same number of days.
  agenda = function(periods, case, ctx)
    return { meeting_every_days = ctx.settings.max_days }
  end,

  on_enter = function(phase, case, ctx)
    local last = last_held(case)
    if phase == "follow_up" and last then
      return { { nl = "Plan de volgende bijeenkomst van de groep.",
                 en = "Plan the next meeting of the group.",
                 due = add_days(last, ctx.settings.max_days) } }
    end
  end,
}
