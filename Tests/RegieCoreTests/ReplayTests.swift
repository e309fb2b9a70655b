import Foundation
import Testing
@testable import RegieCore

@Suite("State is a fold over events")
struct ReplayTests {
    @Test("replaying the stored events gives the state built step by step")
    func replayMatchesIncremental() throws {
        var c = try Fixture.Driver()
        try c.run(.mapResource(label: "Moeder", relation: "mother", kind: .informal))
        try c.run(.chooseMember(resource: 1, clientChose: true, note: "eigen keuze"))
        try c.moveTo(.followUp)
        try c.run(.move(.pause(.crisis), reason: "crisis", override: nil))
        try c.run(.move(.resume, reason: nil, override: nil))
        let replayed = try CaseState.replay(c.events)
        #expect(replayed == c.state)
        #expect(replayed.version == c.events.count)
        #expect(replayed.history.map(\.transition.move) == [.advance, .advance, .advance, .advance, .pause, .resume])
    }

    @Test("every event survives its stored encoding")
    func codingRoundTrip() throws {
        var c = try Fixture.Driver()
        let day = LocalDate(utcDayOf: Fixture.t0)
        try c.run(.addGoal(text: "Werk", term: .long, wordedBy: .client))
        try c.run(.changeGoal(id: 1, text: "Betaald werk", wordedBy: .client, term: nil, status: .achieved))
        try c.run(.mapResource(label: "Ans", relation: "buurvrouw", kind: .informal))
        var change = ResourceChanged(resourceID: 1)
        change.contact = .willing
        change.oneToOneHeld = true
        change.canDo = "boodschappen"
        change.cannotDo = "geld"
        change.tension = .discussed
        try c.run(.changeResource(change))
        try c.run(.chooseMember(resource: 1, clientChose: true, note: nil))
        try c.run(.recordQuestion(text: "Vraag", owner: nil, due: day))
        try c.run(.assignQuestion(id: 1, owner: 1, due: nil))
        try c.run(.setQuestionStatus(id: 1, status: .accepted))
        try c.run(.planMeeting(on: day))
        try c.run(.recordMeetingHeld(id: 1, on: day, attendees: [1], ledBy: .together))
        try c.run(.correctMeeting(id: 1, on: nil, attendees: []))
        try c.run(.planMeeting(on: LocalDate(daysSinceEpoch: day.daysSinceEpoch + 30)))
        try c.run(.moveMeeting(id: 2, to: LocalDate(daysSinceEpoch: day.daysSinceEpoch + 40)))
        try c.run(.cancelMeeting(id: 2, reason: "Vakantie"))
        try c.run(.logTime(minutes: 90, activity: .meeting, on: day))
        try c.run(.logTime(minutes: 20, activity: .other, on: day))
        try c.run(.correctTime(entry: 1, minutes: 80, activity: .conversation, on: nil))
        try c.run(.withdrawTime(entry: 2, reason: "Dubbel"))
        try c.run(.editQuestion(id: 1, text: "Vraag, anders gezegd"))
        try c.run(.removeMember(resource: 1, reason: "verhuisd"))
        try c.run(.removeResource(resource: 1))
        try c.run(.tick(item: "goals.done"))
        try c.run(.untick(item: "goals.done"))
        try c.run(.move(.close(.networkCarries), reason: "netwerk draagt", override: nil))
        let types = Set(c.events.map(\.event.typeName))
        #expect(types.count == 23, "every event type is exercised except goal/transition variants: \(types.sorted())")
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for recorded in c.events {
            let payload = try recorded.event.encodedPayload()
            #expect(payload == (try foundationPayload(recorded.event, foundation)), "\(recorded.event.typeName) is canonical")
            let decoded = try CaseEvent(typeName: recorded.event.typeName, payload: payload)
            #expect(decoded == recorded.event)
            #expect(!String(decoding: payload, as: UTF8.self).contains("ID\""), "keys are snake_case")
        }
    }

    func foundationPayload(_ event: CaseEvent, _ encoder: JSONEncoder) throws -> Data {
        try encoder.encode(event.payload)
    }

    @Test("canonical JSON escapes what JSON needs and nothing else", arguments: [
        "quote \" backslash \\ slash / tab \t newline \n bell \u{07}", "héllo wereld ✓ 👋", "", "<script>&amp;",
    ])
    func canonicalStrings(text: String) throws {
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let value = ["zeta": text, "alpha": text, "a_b": "x", "ab": "y"]
        #expect(try CanonicalJSON.encode(value) == Array(try foundation.encode(value)))
        #expect(try JSONDecoder().decode([String: String].self, from: Data(try CanonicalJSON.encode(value))) == value)
    }

    @Test("a stream with a gap or a second opening is refused")
    func brokenStreams() throws {
        var c = try Fixture.Driver()
        try c.run(.addGoal(text: "a", term: .short, wordedBy: .client))
        try c.run(.addGoal(text: "b", term: .short, wordedBy: .client))
        var gap = c.events
        gap.remove(at: 1)
        #expect(throws: ReplayError.self) { try CaseState.replay(gap) }
        var twice = c.events
        twice.append(RecordedEvent(caseID: 7, version: 4, actor: "x", recordedAt: Fixture.t0, event: c.events[0].event))
        #expect(throws: ReplayError.self) { try CaseState.replay(twice) }
        #expect(throws: ReplayError.self) { try CaseState.replay(Array(c.events.dropFirst())) }
    }

    @Test("unknown stored types and bad payloads are errors, not crashes")
    func badStoredEvents() {
        #expect(throws: (any Error).self) { try CaseEvent(typeName: "goal_deleted", payload: Data("{}".utf8)) }
        #expect(throws: (any Error).self) { try CaseEvent(typeName: "goal_added", payload: Data("{\"goal_id\":1}".utf8)) }
    }

    @Test("the case list projection follows the events")
    func summaryProjection() throws {
        var c = try Fixture.Driver()
        guard case .opened(let opened) = c.events[0].event else { Issue.record("no opening"); return }
        var summary = CaseSummary(id: 7, opened: opened, at: Fixture.t0)
        try c.moveTo(.followUp)
        try c.completeAndAdvance()
        for event in c.events.dropFirst() { summary.apply(event) }
        #expect(summary.status == c.state.status)
        #expect(summary.round == c.state.round)
        #expect(summary.version == c.state.version)
    }
}
