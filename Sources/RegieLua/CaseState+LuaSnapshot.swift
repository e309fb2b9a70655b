import Foundation
import RegieCore

extension CaseState {
    /// The read-only view of the case that Lua code sees as `case`, in the sandbox's byte
    /// encoding. Field names are snake_case and documented in docs/workflows.md; lists are
    /// arrays in record order. Absent optional values are written as nil, which Lua omits.
    package var luaSnapshotBytes: [UInt8] {
        var w = LuaWireWriter()
        writeLuaSnapshot(into: &w)
        return w.bytes
    }

    /// Writes the snapshot into a writer that may hold other values before it. It goes out
    /// sized, so that the sandbox can hand it to Lua as a lazy table without walking it.
    func writeLuaSnapshot(into w: inout LuaWireWriter) {
        let sized = w.beginSized()
        defer { w.endSized(sized) }
        w.beginTable(15)
        w.key("opened_on"); w.date(LocalDate(utcDayOf: openedAt))
        w.key("id"); w.integer(id)
        w.key("team"); w.string(team)
        w.key("phase"); w.string(status.phase.rawValue)
        w.key("status"); w.string(status.state)
        w.key("round"); w.integer(round)
        w.key("complex"); w.bool(complex)
        w.key("minutes_logged"); w.integer(minutesLogged)
        let ticked = ticks[status.phase] ?? []  // sorted below, so the bytes do not depend on hashing
        w.key("ticked"); w.beginTable(ticked.count)
        for item in ticked.sorted() { w.key(item); w.bool(true) }
        w.key("goals"); w.beginArray(goals.count)
        for goal in goals {
            w.beginTable(5)
            w.key("id"); w.integer(goal.id)
            w.key("text"); w.string(goal.text)
            w.key("term"); w.string(goal.term.rawValue)
            w.key("worded_by"); w.string(goal.wordedBy.rawValue)
            w.key("status"); w.string(goal.status.rawValue)
        }
        w.key("resources"); Self.write(resources, into: &w)
        w.key("members"); Self.write(members, into: &w)
        w.key("questions"); w.beginArray(questions.count)
        for q in questions {
            w.beginTable(5)
            w.key("id"); w.integer(q.id)
            w.key("text"); w.string(q.text)
            w.key("owner"); w.integer(q.owner)
            w.key("due"); w.date(q.due)
            w.key("status"); w.string(q.status.rawValue)
        }
        w.key("meetings"); w.beginArray(meetings.count)
        for m in meetings {
            w.beginTable(6)
            w.key("id"); w.integer(m.id)
            w.key("round"); w.integer(m.round)
            w.key("planned_on"); w.date(m.plannedOn)
            w.key("held_on"); w.date(m.heldOn)
            w.key("attendees"); w.beginArray(m.attendees.count)
            for a in m.attendees { w.integer(a) }
            w.key("led_by"); w.string(m.ledBy?.rawValue)
        }
        w.key("history"); w.beginArray(history.count)
        for record in history {
            w.beginTable(4)
            w.key("move"); w.string(record.transition.move.rawValue)
            w.key("from_phase"); w.string(record.transition.from.phase.rawValue)
            w.key("to_phase"); w.string(record.transition.to.phase.rawValue)
            w.key("on"); w.date(LocalDate(utcDayOf: record.at))
        }
    }


    private static func write(_ resources: [Resource], into w: inout LuaWireWriter) {
        w.beginArray(resources.count)
        for r in resources {
            w.beginTable(10)
            w.key("id"); w.integer(r.id)
            w.key("label"); w.string(r.label)
            w.key("relation"); w.string(r.relation)
            w.key("kind"); w.string(r.kind.rawValue)
            w.key("contact"); w.string(r.contact.rawValue)
            w.key("one_to_one_held"); w.bool(r.oneToOneHeld)
            w.key("can_do"); w.string(r.canDo)
            w.key("cannot_do"); w.string(r.cannotDo)
            w.key("tension"); w.string(r.tension.rawValue)
            w.key("member"); w.bool(r.isMember)
        }
    }
}
