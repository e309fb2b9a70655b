-- Tests for plugins/youth.lua. Run with: regie plugin test plugins/youth.lua
describe("checklist", function()
  it("asks for a parent or guardian in goals", function()
    local items = plugin.checklist("goals", sample_case{}, context())
    expect(ids(items)).to_equal({ "youth.guardian_involved" })
    expect(items[1].required).to_be(true)
    local optional = plugin.checklist("goals", sample_case{}, context{ settings = { guardian_required = false } })
    expect(optional[1].required).to_be(false)
  end)

  it("sees school in a resource's label or relation, in Dutch or English", function()
    local function holds(resources)
      return item(plugin.checklist("mapping", sample_case{ resources = resources }, context()), "youth.school_considered").holds
    end
    expect(holds({})).to_be(false)
    expect(holds({ { label = "Aunt", relation = "aunt" } })).to_be(false)
    expect(holds({ { label = "Mevrouw Jansen", relation = "Mentor op school", kind = "professional" } })).to_be(true)
    expect(holds({ { label = "Football COACH", relation = "club" } })).to_be(true)
  end)
end)

describe("guard", function()
  it("keeps the young person in goals until a goal is in their own words", function()
    local step = move("advance", "goals", "mapping")
    local ok, why = plugin.guard(step, sample_case{ goals = { { worded_by = "worker" } } }, context())
    expect(ok).to_be(false)
    expect(why.en).to_contain("own words")
    expect(plugin.guard(step, sample_case{ goals = { { worded_by = "worker" }, { worded_by = "client" } } }, context())).to_be(true)
  end)

  it("does not guard later phases", function()
    expect(plugin.guard(move("advance", "mapping", "activation"), sample_case{}, context())).to_be(true)
  end)
end)
