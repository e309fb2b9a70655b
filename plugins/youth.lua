-- Youth care: the young person's own words, a parent or guardian involved, school as a resource.
local SCHOOL_WORDS = { "school", "teacher", "mentor", "coach", "leraar", "docent", "juf", "meester" }

local function mentions_school(resource)
  local text = (resource.label .. " " .. resource.relation):lower()
  for _, word in ipairs(SCHOOL_WORDS) do
    if text:find(word, 1, true) then return true end
  end
  return false
end

return {
  api = 1,
  name = "youth",
  version = "1.0",
  description = {
    nl = "Jeugdhulp: ouder of voogd betrokken, school als bron, doelen in eigen woorden.",
    en = "Youth care: parent or guardian involved, school as a resource, goals in the young person's words.",
  },
  settings = { guardian_required = true },

  checklist = function(phase, case, ctx)
    if phase == "goals" then
      return {
        {
          id = "youth.guardian_involved",
          nl = "Een ouder of voogd kent het plan en is betrokken, voor zover de jongere dat wil.",
          en = "A parent or guardian knows the plan and is involved, as far as the young person wants.",
          required = ctx.settings.guardian_required,
        },
      }
    elseif phase == "mapping" then
      return {
        {
          id = "youth.school_considered",
          nl = "School is als bron bekeken (een leraar, mentor of coach).",
          en = "School has been considered as a resource (a teacher, mentor or coach).",
          holds = any(case.resources, mentions_school),
        },
      }
    end
  end,

  prompts = function(phase, case, ctx)
    if phase == "goals" then
      return { { nl = "Gebruik de woorden van de jongere; check dat elk doel begrepen wordt.",
                 en = "Use the young person's words; check that every goal is understood." } }
    elseif phase == "activation" then
      return { { nl = "Vraag wie de jongere zelf wil uitnodigen; oefen de uitnodiging samen als dat helpt.",
                 en = "Ask whom the young person wants to invite; practise the invitation together if that helps." } }
    end
  end,

  guard = function(move, case, ctx)
    if move.kind == "advance" and move.from_phase == "goals" then
      if not any(case.goals, function(g) return g.worded_by == "client" end) then
        return false, {
          nl = "Minstens één doel staat in de woorden van de jongere zelf.",
          en = "At least one goal must be in the young person's own words.",
        }
      end
    end
    return true
  end,
}
