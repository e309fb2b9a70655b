-- Addiction care: a relapse plan the group knows, and an experience expert offered.
return {
  api = 1,
  name = "addiction",
  version = "1.0",
  description = {
    nl = "Verslavingszorg: terugvalplan, ervaringsdeskundige aangeboden.",
    en = "Addiction care: relapse plan, experience expert offered.",
  },

  checklist = function(phase, case, ctx)
    if phase == "activation" then
      return {
        {
          id = "addiction.relapse_plan",
          nl = "Er is een terugvalplan met de cliënt: vroege signalen, wat de cliënt doet, wat de groep doet.",
          en = "There is a relapse plan with the client: early signs, what the client does, what the group does.",
        },
        {
          id = "addiction.experience_expert",
          nl = "Een ervaringsdeskundige is aangeboden en in kaart gebracht.",
          en = "An experience expert has been offered and mapped.",
          holds = any(case.resources, function(r) return r.kind == "experience_expert" end),
        },
      }
    end
  end,

  prompts = function(phase, case, ctx)
    if phase == "mapping" then
      return { { nl = "Vraag naar mensen van vóór en naast het gebruik: wie is er nog?",
                 en = "Ask about people from before and beside the use: who is still there?" } }
    elseif phase == "follow_up" then
      return { { nl = "Loop het terugvalplan met de groep na: klopt het nog?",
                 en = "Review the relapse plan with the group: is it still right?" } }
    end
  end,

  on_enter = function(phase, case, ctx)
    if phase == "follow_up" then
      return { { nl = "Zet het terugvalplan op de agenda van de volgende bijeenkomst.",
                 en = "Put the relapse plan on the agenda of the next meeting." } }
    end
  end,
}
