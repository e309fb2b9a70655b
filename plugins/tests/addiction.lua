-- Tests for plugins/addiction.lua. Run with: regie plugin test plugins/addiction.lua
describe("checklist", function()
  it("asks for a relapse plan and an experience expert in activation", function()
    local items = plugin.checklist("activation", sample_case{}, context())
    expect(ids(items)).to_equal({ "addiction.relapse_plan", "addiction.experience_expert" })
    expect(item(items, "addiction.relapse_plan").holds).to_be(nil)
    expect(item(items, "addiction.experience_expert").holds).to_be(false)
  end)

  it("counts a mapped experience expert", function()
    local case = sample_case{ resources = { { label = "Peter", kind = "experience_expert" } } }
    expect(item(plugin.checklist("activation", case, context()), "addiction.experience_expert").holds).to_be(true)
  end)
end)

describe("follow-up", function()
  it("prompts to review the relapse plan and reminds on entering", function()
    expect(plugin.prompts("follow_up", sample_case{}, context())[1].en).to_contain("relapse plan")
    local reminders = plugin.on_enter("follow_up", sample_case{}, context())
    expect(#reminders).to_be(1)
    expect(reminders[1].nl).to_contain("terugvalplan")
  end)

  it("is quiet in other phases", function()
    expect(plugin.on_enter("meeting", sample_case{}, context())).to_be(nil)
  end)
end)
