-- FACT team (flexible assertive community treatment, mental health care).
-- The group knows how to recognise a crisis and what to do, and a clinician of the team
-- is part of it when the client agrees.
return {
  api = 1,
  name = "fact",
  version = "1.0",
  description = {
    nl = "FACT-team: signaleringsplan met de groep besproken, behandelaar in de groep.",
    en = "FACT team: crisis plan discussed with the group, clinician in the group.",
  },
  settings = {
    -- Require a professional of the team among the members before the first meeting.
    clinician_in_group = true,
  },

  checklist = function(phase, case, ctx)
    if phase == "activation" then
      return {
        {
          id = "fact.crisis_plan",
          nl = "Het signaleringsplan is met de cliënt besproken; de cliënt bepaalt wat de groep ervan weet.",
          en = "The crisis plan has been discussed with the client, who decides what the group may know of it.",
        },
        {
          id = "fact.clinician_in_group",
          nl = "Een behandelaar van het FACT-team zit in de groep (als de cliënt dat wil).",
          en = "A clinician of the FACT team is in the group (if the client wants that).",
          required = ctx.settings.clinician_in_group,
          holds = any(case.members, function(m) return m.kind == "professional" end),
        },
      }
    elseif phase == "meeting" then
      return {
        {
          id = "fact.crisis_agreements",
          nl = "De groep heeft afgesproken wat ieder doet als het minder goed gaat.",
          en = "The group agreed what each member does when things go less well.",
        },
      }
    end
  end,

  prompts = function(phase, case, ctx)
    if phase == "goals" then
      return { { nl = "Vraag wat in eerdere crises hielp, en wie er toen was.",
                 en = "Ask what helped in earlier crises, and who was there then." } }
    elseif phase == "activation" then
      return { { nl = "Vraag welke vroege signalen groepsleden mogen kennen.",
                 en = "Ask which early warning signs group members may know about." } }
    end
  end,

  -- A complex case does not reach its first meeting without a clinician in the group.
  guard = function(move, case, ctx)
    if move.kind == "advance" and move.from_phase == "activation" and case.complex and ctx.settings.clinician_in_group then
      if not any(case.members, function(m) return m.kind == "professional" end) then
        return false, {
          nl = "Bij een complexe casus zit een behandelaar in de groep voor de eerste bijeenkomst.",
          en = "In a complex case a clinician joins the group before the first meeting.",
        }
      end
    end
    return true
  end,
}
