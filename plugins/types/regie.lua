---@meta
-- LuaCATS annotations for Regie plugins (API version 1), for lua-language-server.
-- Put this folder in your workspace's `.luarc.json`: { "workspace.library": ["plugins/types"] }
-- Nothing here runs; it only describes what Regie passes to a plugin and expects back.

---@alias regie.Phase "goals"|"mapping"|"activation"|"meeting"|"follow_up"
---@alias regie.MoveKind "advance"|"revisit"|"next_round"|"renew"|"pause"|"resume"|"close"|"reopen"
---@alias regie.ResourceKind "informal"|"experience_expert"|"volunteer"|"professional"
---@alias regie.Contact "not_contacted"|"contacted"|"willing"|"declined"
---@alias regie.Date string A date written YYYY-MM-DD.

---@class regie.Text
---@field nl string Dutch text.
---@field en string English text.

---@class regie.Goal
---@field id integer
---@field text string
---@field term "short"|"long"
---@field worded_by "client"|"worker"
---@field status "open"|"achieved"|"dropped"

---@class regie.Resource
---@field id integer
---@field label string
---@field relation string
---@field kind regie.ResourceKind
---@field contact regie.Contact
---@field one_to_one_held boolean
---@field can_do string? What the person said they can do (nil until known).
---@field cannot_do string? What the person said they cannot do (nil until known).
---@field tension "none"|"noted"|"discussed"
---@field member boolean Chosen by the client for the group.

---@class regie.Question
---@field id integer
---@field text string
---@field owner integer? The resource id of whoever picked it up.
---@field due regie.Date?
---@field status "open"|"accepted"|"done"|"parked"

---@class regie.Meeting
---@field id integer
---@field round integer
---@field planned_on regie.Date
---@field held_on regie.Date? nil until held.
---@field attendees integer[] Resource ids.
---@field led_by "client"|"worker"|"together"?

---@class regie.Transition
---@field move regie.MoveKind
---@field from_phase regie.Phase
---@field to_phase regie.Phase
---@field on regie.Date

---@class regie.Case A read-only snapshot of the case.
---@field id integer
---@field team string
---@field phase regie.Phase
---@field status "active"|"paused"|"closed"
---@field round integer
---@field complex boolean
---@field minutes_logged integer
---@field opened_on regie.Date
---@field ticked table<string, boolean> Hand-ticked item ids of the current phase.
---@field goals regie.Goal[]
---@field resources regie.Resource[]
---@field members regie.Resource[] The resources the client chose for the group.
---@field questions regie.Question[]
---@field meetings regie.Meeting[]
---@field history regie.Transition[]

---@class regie.Context
---@field today regie.Date The day of the command (UTC).
---@field now integer Seconds since 1970 (UTC).
---@field locale "nl"|"en" Do not decide on it: verdicts must not depend on who reads.
---@field team string
---@field settings table<string, string|integer|boolean|string[]> The plugin's settings, the team's over the defaults.

---@class regie.Move
---@field kind regie.MoveKind
---@field from_phase regie.Phase
---@field to_phase regie.Phase
---@field to_status "active"|"paused"|"closed"

---@class regie.ChecklistItem
---@field id string Unique across the workflow and all plugins, e.g. "fact.crisis_plan".
---@field nl string
---@field en string
---@field required boolean? Default true: a required item must hold before a forward move.
---@field holds boolean? Give it to derive the item from the case; leave it out for an item ticked by hand.

---@class regie.Prompt
---@field nl string
---@field en string

---@class regie.Suggestion
---@field nl string
---@field en string
---@field due regie.Date?

---The agenda's periods in days (each 1 to 731); an `agenda` hook returns the ones it changes.
---@class regie.Periods
---@field meeting_every_days integer?
---@field pause_days integer?
---@field goals_days integer?
---@field one_to_one_days integer?

---@class regie.Plugin
---@field api 1
---@field name string Lowercase letters, digits, - and _.
---@field version string
---@field description regie.Text|string?
---@field settings table<string, string|integer|boolean|string[]>? Defaults.
---@field checklist (fun(phase: regie.Phase, case: regie.Case, ctx: regie.Context): regie.ChecklistItem[]?)?
---@field prompts (fun(phase: regie.Phase, case: regie.Case, ctx: regie.Context): regie.Prompt[]?)?
---@field guard (fun(move: regie.Move, case: regie.Case, ctx: regie.Context): boolean, regie.Text|string?)?
---@field on_enter (fun(phase: regie.Phase, case: regie.Case, ctx: regie.Context): regie.Suggestion[]?)?
---@field agenda (fun(periods: regie.Periods, case: regie.Case, ctx: regie.Context): regie.Periods?)?

-- Helpers every plugin can use.

---True when `test` holds for some item of `list`.
---@generic T
---@param list T[]?
---@param test fun(item: T): boolean
---@return boolean
function any(list, test) end

---True when `test` holds for every item of `list` (also for an empty list).
---@generic T
---@param list T[]?
---@param test fun(item: T): boolean
---@return boolean
function all(list, test) end

---The number of items of `list` for which `test` holds (all items without a test).
---@generic T
---@param list T[]?
---@param test (fun(item: T): boolean)?
---@return integer
function count(list, test) end

---The `label` of each item of `list` for which `test` holds (all items without a test): the
---names a workflow item's `missing:` gives.
---@generic T
---@param list T[]?
---@param test (fun(item: T): boolean)?
---@return string[]
function labels(list, test) end

---Days from one date to another (negative when `to` is earlier).
---@param from regie.Date
---@param to regie.Date
---@return integer
function days_between(from, to) end

---The date `days` days after `date`.
---@param date regie.Date
---@param days integer
---@return regie.Date
function add_days(date, days) end

-- In test files (`regie plugin test`).

---@type regie.Plugin A fresh instance of the plugin under test.
plugin = nil

---@param name string
---@param body fun()
function describe(name, body) end

---@param name string
---@param body fun()
function it(name, body) end

---@class regie.Expectation
---@field to_be fun(expected: any)
---@field to_equal fun(expected: any) Deep comparison of tables.
---@field to_be_truthy fun()
---@field to_be_falsy fun()
---@field to_contain fun(expected: any) A substring, or an element of a list.

---@param actual any
---@return regie.Expectation
function expect(actual) end

---@param fields table? Any fields of regie.Case; resources may be partial.
---@return regie.Case
function sample_case(fields) end

---@param fields table? today, now, locale, team, settings.
---@return regie.Context
function context(fields) end

---@param kind regie.MoveKind
---@param from_phase regie.Phase
---@param to_phase regie.Phase?
---@return regie.Move
function move(kind, from_phase, to_phase) end

---@param items regie.ChecklistItem[]?
---@return string[]
function ids(items) end

---@param items regie.ChecklistItem[]?
---@param id string
---@return regie.ChecklistItem?
function item(items, id) end
