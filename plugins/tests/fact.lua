-- Tests for plugins/fact.lua. Run with: regie plugin test plugins/fact.lua
local clinician = { label = "Dr. Bakker", relation = "psychiatrist", kind = "professional", member = true }
local mother = { label = "Mother", relation = "mother", kind = "informal", member = true }

describe("checklist", function()
  it("asks for the crisis plan and a clinician in activation", function()
    local items = plugin.checklist("activation", sample_case{ phase = "activation" }, context())
    expect(ids(items)).to_equal({ "fact.crisis_plan", "fact.clinician_in_group" })
    expect(item(items, "fact.crisis_plan").holds).to_be(nil)
  end)

  it("derives the clinician item from the members", function()
    local without = plugin.checklist("activation", sample_case{ resources = { mother } }, context())
    expect(item(without, "fact.clinician_in_group").holds).to_be(false)
    local with = plugin.checklist("activation", sample_case{ resources = { mother, clinician } }, context())
    expect(item(with, "fact.clinician_in_group").holds).to_be(true)
  end)

  it("makes the clinician optional when the team says so", function()
    local items = plugin.checklist("activation", sample_case{}, context{ settings = { clinician_in_group = false } })
    expect(item(items, "fact.clinician_in_group").required).to_be(false)
  end)

  it("adds crisis agreements to the meeting and nothing to goals", function()
    expect(ids(plugin.checklist("meeting", sample_case{}, context()))).to_equal({ "fact.crisis_agreements" })
    expect(plugin.checklist("goals", sample_case{}, context())).to_be(nil)
  end)
end)

describe("guard", function()
  local to_meeting = move("advance", "activation", "meeting")

  it("refuses a complex case's first meeting without a clinician", function()
    local ok, why = plugin.guard(to_meeting, sample_case{ complex = true, resources = { mother } }, context())
    expect(ok).to_be(false)
    expect(why.en).to_contain("clinician")
    expect(why.nl).to_contain("behandelaar")
  end)

  it("allows it with a clinician, or when the case is not complex", function()
    expect(plugin.guard(to_meeting, sample_case{ complex = true, resources = { mother, clinician } }, context())).to_be(true)
    expect(plugin.guard(to_meeting, sample_case{ complex = false, resources = { mother } }, context())).to_be(true)
  end)

  it("leaves other moves alone", function()
    expect(plugin.guard(move("pause", "activation"), sample_case{ complex = true }, context())).to_be(true)
  end)
end)

describe("prompts", function()
  it("has a prompt about earlier crises in goals", function()
    expect(plugin.prompts("goals", sample_case{}, context())[1].en).to_contain("earlier crises")
  end)
end)
