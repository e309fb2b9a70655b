-- Group chat agreements: what is and is not discussed in the group's chat, and who decides.
return {
  api = 1,
  name = "group-chat",
  version = "1.0",
  description = {
    nl = "Groepsapp: afspraken over wat wel en niet in de app besproken wordt.",
    en = "Group chat: agreements on what is and is not discussed in the chat.",
  },

  checklist = function(phase, case, ctx)
    if phase == "meeting" then
      return {
        {
          id = "group_chat.topics",
          nl = "De groep weet wat wel (praktische zaken) en niet (gezondheid, geld, conflicten) in de app hoort.",
          en = "The group knows what belongs in the chat (practical matters) and what does not (health, money, conflicts).",
        },
        {
          id = "group_chat.client_decides",
          nl = "De cliënt beslist wie er in de app zit.",
          en = "The client decides who is in the chat.",
          required = false,
        },
      }
    end
  end,

  prompts = function(phase, case, ctx)
    if phase == "meeting" then
      return {
        { nl = "Spreek af wie de app aanmaakt en dat de cliënt bepaalt wie erin komt.",
          en = "Agree who creates the chat and that the client decides who joins it." },
        { nl = "Spreek af dat persoonlijke zaken buiten de app blijven.",
          en = "Agree that private matters stay out of the chat." },
      }
    end
  end,

  on_enter = function(phase, case, ctx)
    if phase == "meeting" then
      return { { nl = "Neem de afspraken over de groepsapp op in de agenda.",
                 en = "Put the group chat agreements on the agenda." } }
    end
  end,
}
