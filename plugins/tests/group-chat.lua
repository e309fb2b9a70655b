-- Tests for plugins/group-chat.lua. Run with: regie plugin test plugins/group-chat.lua
describe("meeting", function()
  it("adds chat agreements; only the topics are required", function()
    local items = plugin.checklist("meeting", sample_case{}, context())
    expect(ids(items)).to_equal({ "group_chat.topics", "group_chat.client_decides" })
    expect(item(items, "group_chat.topics").required).to_be(nil)
    expect(item(items, "group_chat.client_decides").required).to_be(false)
  end)

  it("prompts about who creates the chat and what stays out", function()
    local prompts = plugin.prompts("meeting", sample_case{}, context())
    expect(#prompts).to_be(2)
    expect(prompts[2].en).to_contain("private matters")
  end)

  it("reminds on entering the meeting", function()
    expect(plugin.on_enter("meeting", sample_case{}, context())[1].en).to_contain("agenda")
  end)

  it("adds nothing elsewhere", function()
    expect(plugin.checklist("goals", sample_case{}, context())).to_be(nil)
    expect(plugin.prompts("follow_up", sample_case{}, context())).to_be(nil)
  end)
end)
