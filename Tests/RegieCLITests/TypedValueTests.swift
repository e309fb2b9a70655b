import Foundation
import RegieCore
import RegieReports
import Testing

@Suite struct TypedValueTests {
    @Test func dutchWordsAndRegiesNamesAreRead() {
        #expect(GoalTerm(typed: "kort") == .short)
        #expect(GoalTerm(typed: "Lange termijn") == .long)
        #expect(Author(typed: "cliënt") == .client)
        #expect(Author(typed: "CLIENT") == .client)
        #expect(ResourceKind(typed: "ervaringsdeskundige") == .experienceExpert)
        #expect(ResourceKind(typed: "experience-expert") == .experienceExpert)
        #expect(ResourceKind(typed: "experience_expert") == .experienceExpert)
        #expect(ContactStatus(typed: "doet mee") == .willing)
        #expect(ContactStatus(typed: "not-contacted") == .notContacted)
        #expect(PauseKind(typed: "op-verzoek") == .clientRequest)
        #expect(CloseOutcome(typed: "doelen_bereikt") == .goalsAchieved)
        #expect(MeetingLead(typed: "samen") == .together)
        #expect(TimeActivity(typed: "gesprek") == .conversation)
        #expect(QuestionStatus(typed: "geparkeerd") == .parked)
        #expect(GoalStatus(typed: "bereikt") == .achieved)
        #expect(TensionState(typed: "besproken") == .discussed)
        for wrong in ["", " ", "-", "kortt", "client worker"] {
            #expect(Author(typed: wrong) == nil && GoalTerm(typed: wrong) == nil, "\(wrong)")
        }
    }

    @Test func noWordNamesTwoValues() {
        func check<T: TypedValue>(_ type: T.Type) {
            var seen: [String: String] = [:]
            for value in T.allCases {
                for word in [value.rawValue] + value.dutchWords {
                    let key = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                        .split(whereSeparator: { "-_ ".contains($0) }).joined(separator: "_")
                    #expect(seen[key] == nil || seen[key] == value.rawValue, "\(T.self): `\(word)` names \(seen[key] ?? "") too")
                    seen[key] = value.rawValue
                    #expect(T(typed: word)?.rawValue == value.rawValue, "\(T.self): `\(word)`")
                }
            }
        }
        check(GoalTerm.self); check(Author.self); check(GoalStatus.self); check(QuestionStatus.self); check(MeetingLead.self)
        check(TensionState.self); check(ResourceKind.self); check(ContactStatus.self); check(PauseKind.self)
        check(CloseOutcome.self); check(TimeActivity.self)
    }
}
