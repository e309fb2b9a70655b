import Foundation
import RegieApp
import RegieCore
import RegieReports
import Testing

@Suite struct ErrorCatalogueTests {
    @Test func everyCodeSaysTheSameInBothLanguages() {
        for code in ErrorCode.allCases {
            let entry = ErrorCatalogue.entry(for: code)
            #expect(!entry.message.en.isEmpty && !entry.message.nl.isEmpty, "\(code)")
            #expect(ErrorCatalogue.placeholders(in: entry.message.en) == ErrorCatalogue.placeholders(in: entry.message.nl),
                    "\(code): the message's fields differ between the languages")
            if let hint = entry.hint {
                #expect(ErrorCatalogue.placeholders(in: hint.en) == ErrorCatalogue.placeholders(in: hint.nl),
                        "\(code): the hint's fields differ between the languages")
            }
        }
    }

    @Test func codesAreSnakeCase() {
        for code in ErrorCode.allCases {
            #expect(code.rawValue.wholeMatch(of: /[a-z][a-z0-9]*(_[a-z0-9]+)*/) != nil, "\(code.rawValue)")
        }
    }

    @Test func fieldsFillTheWordingInTheAskedLanguage() {
        let move = ErrorValue.term("advance", LocalizedText(nl: "door naar de volgende fase", en: "advance"))
        let fields: [String: ErrorValue] = ["case": 7, "move": move, "status": "closed", "possible": "`reopen`"]
        #expect(ErrorCatalogue.message(.illegalMove, fields, in: .en) == "Case 7 cannot advance now: it is closed.")
        #expect(ErrorCatalogue.message(.illegalMove, fields, in: .nl) == "Casus 7 kan nu niet ‘door naar de volgende fase’: hij is closed.")
        #expect(ErrorCatalogue.hint(.illegalMove, fields, in: .en) == "Possible now: `reopen`.")
    }

    @Test func aHintWithoutItsFieldIsLeftOut() {
        let fields: [String: ErrorValue] = ["case": 7, "move": "advance", "status": "closed"]
        #expect(ErrorCatalogue.hint(.illegalMove, fields, in: .en) == nil)
        #expect(ErrorCatalogue.message(.illegalMove, fields, in: .en) == "Case 7 cannot advance now: it is closed.")
    }

    @Test func aFieldIsNeverReadAsATemplate() {
        let error = RegieError(.usage, .durationInvalid, ["text": "{text} {case} {"])
        #expect(error.message(in: .en) == "“{text} {case} {” is not a duration.")
    }

    @Test func aMissingFieldShowsAsItsPlaceholder() {
        #expect(ErrorCatalogue.message(.caseClosed, [:], in: .en) == "Case {case} is closed and accepts no changes.")
    }

    @Test func scriptsGetTheStableFormOfEachField() throws {
        let move = ErrorValue.term("next_round", LocalizedText(nl: "volgende ronde", en: "next round"))
        let data = try JSONEncoder().encode(["case": ErrorValue.number(3), "move": move, "path": "a/b"])
        let decoded = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(decoded?["case"] as? Int == 3)
        #expect(decoded?["move"] as? String == "next_round")
        #expect(decoded?["path"] as? String == "a/b")
    }
}
