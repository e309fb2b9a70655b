-- Tests for plugins/neighbourhood.lua. Run with: regie plugin test plugins/neighbourhood.lua
local neighbour = { label = "Ans", relation = "neighbour", kind = "informal" }
local friend = { label = "Kees", relation = "friend", kind = "informal", contact = "contacted" }
local nurse = { label = "Nurse", relation = "district nurse", kind = "professional" }
local gp = { label = "GP", relation = "general practitioner", kind = "professional" }

describe("checklist", function()
  it("needs two people from the client's own life by default", function()
    local function holds(resources, settings)
      local items = plugin.checklist("mapping", sample_case{ resources = resources }, context{ settings = settings })
      return item(items, "neighbourhood.informal_first").holds
    end
    expect(holds({ neighbour, nurse })).to_be(false)
    expect(holds({ neighbour, friend, nurse })).to_be(true)
    expect(holds({ neighbour }, { min_informal = 1 })).to_be(true)
  end)

  it("says the team's number in the text", function()
    local items = plugin.checklist("mapping", sample_case{}, context{ settings = { min_informal = 3 } })
    expect(items[1].en).to_contain("At least 3 people")
  end)

  it("checks in activation that someone informal was approached", function()
    local items = plugin.checklist("activation", sample_case{ resources = { neighbour } }, context())
    expect(items[1].holds).to_be(false)
    items = plugin.checklist("activation", sample_case{ resources = { neighbour, friend } }, context())
    expect(items[1].holds).to_be(true)
  end)
end)

describe("guard", function()
  local leave_mapping = move("advance", "mapping", "activation")

  it("refuses leaving mapping with more professionals than informal people", function()
    local ok, why = plugin.guard(leave_mapping, sample_case{ resources = { neighbour, nurse, gp } }, context())
    expect(ok).to_be(false)
    expect(why.en).to_contain("Informal help comes first")
  end)

  it("allows it when informal help is at least as large", function()
    expect(plugin.guard(leave_mapping, sample_case{ resources = { neighbour, friend, nurse } }, context())).to_be(true)
  end)
end)
