import RegieCore

extension CaseState {
    /// The read-only view of the case that Lua code sees as `case`. Field names are snake_case
    /// and documented in docs/workflows.md; lists are arrays in a fixed order.
    package var luaSnapshot: LuaValue {
        let ticked = (ticks[status.phase] ?? []).sorted().map { (key: $0, value: LuaValue.bool(true)) }
        return .record([
            "id": .integer(Int64(id)),
            "team": .string(team),
            "phase": .string(status.phase.rawValue),
            "status": .string(status.state),
            "round": .integer(Int64(round)),
            "complex": .bool(complex),
            "minutes_logged": .integer(Int64(minutesLogged)),
            "ticked": .table(ticked),
            "goals": .array(goals.map(\.luaValue)),
            "resources": .array(resources.map(\.luaValue)),
            "members": .array(members.map(\.luaValue)),
            "questions": .array(questions.map(\.luaValue)),
            "meetings": .array(meetings.map(\.luaValue)),
        ])
    }
}

extension Goal {
    var luaValue: LuaValue {
        .record(["id": .integer(Int64(id)), "text": .string(text), "term": .string(term.rawValue),
                 "worded_by": .string(wordedBy.rawValue), "status": .string(status.rawValue)])
    }
}

extension Resource {
    var luaValue: LuaValue {
        .record(["id": .integer(Int64(id)), "label": .string(label), "relation": .string(relation),
                 "kind": .string(kind.rawValue), "contact": .string(contact.rawValue),
                 "one_to_one_held": .bool(oneToOneHeld), "can_do": .optional(canDo), "cannot_do": .optional(cannotDo),
                 "tension": .string(tension.rawValue), "member": .bool(isMember)])
    }
}

extension Question {
    var luaValue: LuaValue {
        .record(["id": .integer(Int64(id)), "text": .string(text), "owner": owner.map { .integer(Int64($0)) } ?? .nil,
                 "due": .optional(due?.description), "status": .string(status.rawValue)])
    }
}

extension Meeting {
    var luaValue: LuaValue {
        .record(["id": .integer(Int64(id)), "round": .integer(Int64(round)), "planned_on": .string(plannedOn.description),
                 "held_on": .optional(heldOn?.description), "attendees": .array(attendees.map { .integer(Int64($0)) }),
                 "led_by": .optional(ledBy?.rawValue)])
    }
}
