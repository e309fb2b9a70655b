-- Tests for plugins/quarterly.lua. Run with: regie plugin test plugins/quarterly.lua
local held = { planned_on = "2027-01-14", held_on = "2027-01-14" }

describe("follow-up checklist", function()
  local function holds(meetings, settings)
    local items = plugin.checklist("follow_up", sample_case{ meetings = meetings }, context{ settings = settings })
    return item(items, "quarterly.next_meeting").holds
  end

  it("holds when the next meeting is within 92 days of the last", function()
    expect(holds({ held, { planned_on = "2027-04-15" } })).to_be(true)
  end)

  it("does not hold when it is later, or not planned", function()
    expect(holds({ held, { planned_on = "2027-04-17" } })).to_be(false)
    expect(holds({ held })).to_be(false)
    expect(holds({})).to_be(false)
  end)

  it("follows the team's number of days", function()
    expect(holds({ held, { planned_on = "2027-04-15" } }, { max_days = 60 })).to_be(false)
  end)
end)

describe("on entering follow-up", function()
  it("suggests a date three months after the last meeting", function()
    local s = plugin.on_enter("follow_up", sample_case{ meetings = { held } }, context())
    expect(s[1].due).to_be("2027-04-16")
  end)

  it("says nothing before any meeting was held", function()
    expect(plugin.on_enter("follow_up", sample_case{}, context())).to_be(nil)
  end)
end)

describe("the agenda", function()
  it("asks for the next meeting within the team's number of days", function()
    expect(plugin.agenda({ meeting_every_days = 92 }, sample_case{}, context{ settings = { max_days = 60 } }).meeting_every_days).to_be(60)
  end)
end)

describe("date helpers", function()
  it("count across month and year ends and leap days", function()
    expect(days_between("2027-12-31", "2028-01-01")).to_be(1)
    expect(days_between("2028-02-28", "2028-03-01")).to_be(2)
    expect(add_days("2027-01-14", 92)).to_be("2027-04-16")
    expect(add_days("2024-03-01", -1)).to_be("2024-02-29")
  end)
end)
