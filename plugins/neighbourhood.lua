-- Neighbourhood team: informal help from the client's own life is considered before formal care.
local function informal(case)
  return count(case.resources, function(r) return r.kind == "informal" end)
end

local function professional(case)
  return count(case.resources, function(r) return r.kind == "professional" end)
end

return {
  api = 1,
  name = "neighbourhood",
  version = "1.0",
  description = {
    nl = "Wijkteam: informele hulp uit de buurt vóór formele zorg.",
    en = "Neighbourhood team: informal neighbourhood help before formal care.",
  },
  settings = {
    -- How many people from the client's own life are mapped before moving on.
    min_informal = 2,
  },

  checklist = function(phase, case, ctx)
    if phase == "mapping" then
      return {
        {
          id = "neighbourhood.informal_first",
          nl = "Er zijn minstens " .. ctx.settings.min_informal .. " mensen uit het eigen leven van de cliënt in kaart gebracht.",
          en = "At least " .. ctx.settings.min_informal .. " people from the client's own life have been mapped.",
          holds = informal(case) >= ctx.settings.min_informal,
        },
      }
    elseif phase == "activation" then
      return {
        {
          id = "neighbourhood.informal_asked",
          nl = "Iemand uit het eigen netwerk is benaderd.",
          en = "Someone from the client's own network has been approached.",
          holds = any(case.resources, function(r) return r.kind == "informal" and r.contact ~= "not_contacted" end),
        },
      }
    end
  end,

  prompts = function(phase, case, ctx)
    if phase == "mapping" then
      return { { nl = "Vóór formele zorg: wie in de straat, het gebouw, de club of de kerk kan helpen?",
                 en = "Before formal care: who in the street, the building, the club or the church could help?" } }
    end
  end,

  -- Leaving mapping with more professionals than people from the client's own life is refused.
  guard = function(move, case, ctx)
    if move.kind == "advance" and move.from_phase == "mapping" and professional(case) > informal(case) then
      return false, {
        nl = "Informele hulp gaat voor: breng minstens zoveel mensen uit het eigen leven in kaart als professionals.",
        en = "Informal help comes first: map at least as many people from the client's own life as professionals.",
      }
    end
    return true
  end,
}
