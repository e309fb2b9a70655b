import Testing
@testable import RegieCore

@Suite("The table of legal moves")
struct LifecycleTests {
    static let pause = PauseInfo(kind: .crisis, reason: "r")
    static let close = CloseInfo(outcome: .other, reason: "r")

    @Test("advance goes to the next phase, and not past follow-up", arguments: Phase.allCases)
    func advance(from phase: Phase) {
        let target = Lifecycle.target(of: .advance, from: .active(phase))
        #expect(target == phase.next.map(CaseStatus.active))
    }

    @Test("revisit goes only to an earlier phase", arguments: Phase.allCases)
    func revisit(from phase: Phase) {
        for earlier in Phase.allCases {
            let target = Lifecycle.target(of: .revisit(earlier), from: .active(phase))
            #expect(target == (earlier < phase ? .active(earlier) : nil), "revisit \(earlier) from \(phase)")
        }
    }

    @Test("next round and renew leave only from follow-up", arguments: Phase.allCases)
    func loops(from phase: Phase) {
        #expect(Lifecycle.target(of: .nextRound, from: .active(phase)) == (phase == .followUp ? .active(.meeting) : nil))
        #expect(Lifecycle.target(of: .renew, from: .active(phase)) == (phase == .followUp ? .active(.goals) : nil))
    }

    @Test("pause keeps the phase and resume returns to exactly it", arguments: Phase.allCases)
    func pauseAndResume(in phase: Phase) throws {
        let paused = try #require(Lifecycle.target(of: .pause(.crisis), from: .active(phase), reason: "r"))
        #expect(paused == .paused(phase, Self.pause))
        #expect(Lifecycle.target(of: .resume, from: paused) == .active(phase))
    }

    @Test("close from active or paused, reopen to the same phase", arguments: Phase.allCases)
    func closeAndReopen(in phase: Phase) throws {
        let closed = try #require(Lifecycle.target(of: .close(.other), from: .active(phase), reason: "r"))
        #expect(closed == .closed(phase, Self.close))
        #expect(Lifecycle.target(of: .close(.other), from: .paused(phase, Self.pause), reason: "r") == closed)
        #expect(Lifecycle.target(of: .reopen, from: closed) == .active(phase))
    }

    @Test("illegal moves in every status", arguments: Phase.allCases)
    func illegal(in phase: Phase) {
        let active = CaseStatus.active(phase)
        let paused = CaseStatus.paused(phase, Self.pause)
        let closed = CaseStatus.closed(phase, Self.close)
        #expect(Lifecycle.target(of: .resume, from: active) == nil)
        #expect(Lifecycle.target(of: .reopen, from: active) == nil)
        for move in [Move.advance, .revisit(.goals), .nextRound, .renew, .pause(.other), .reopen] {
            #expect(Lifecycle.target(of: move, from: paused) == nil, "\(move) while paused")
        }
        for move in [Move.advance, .revisit(.goals), .nextRound, .renew, .pause(.other), .resume, .close(.other)] {
            #expect(Lifecycle.target(of: move, from: closed) == nil, "\(move) while closed")
        }
    }

    @Test("legal moves are listed for error messages")
    func legalMoves() {
        #expect(Lifecycle.legalMoves(from: .active(.goals)) == [.advance, .pause, .close])
        #expect(Lifecycle.legalMoves(from: .active(.followUp)) == [.revisit, .nextRound, .renew, .pause, .close])
        #expect(Lifecycle.legalMoves(from: .paused(.meeting, Self.pause)) == [.resume, .close])
        #expect(Lifecycle.legalMoves(from: .closed(.meeting, Self.close)) == [.reopen])
    }

    @Test("phases read from what users type")
    func phaseInput() {
        #expect(Phase(userInput: "follow-up") == .followUp)
        #expect(Phase(userInput: "Vervolg") == .followUp)
        #expect(Phase(userInput: "doelen") == .goals)
        #expect(Phase(userInput: "3") == .activation)
        #expect(Phase(userInput: "phase-six") == nil)
    }
}
