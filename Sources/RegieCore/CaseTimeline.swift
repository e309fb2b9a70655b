import Foundation

/// A case's course in days (UTC): its stays in each phase, its pauses and its meetings. The
/// team report's days per phase and pauses and the client plan's timeline both read it.
public struct CaseTimeline: Sendable, Equatable {
    /// Time in one phase, from entering it to the move that left it.
    public struct Stay: Sendable, Equatable {
        public var phase: Phase
        /// The meeting round the stay belongs to.
        public var round: Int
        public var from: LocalDate
        /// The day of the move that ended the stay; nil while it goes on.
        public var to: LocalDate?
    }

    public enum PauseEnding: String, Sendable, Equatable, CaseIterable {
        case resumed
        /// The case was closed while paused.
        case closed
        case ongoing
    }

    public struct Pause: Sendable, Equatable {
        public var kind: PauseKind
        public var from: LocalDate
        /// The day it was resumed or the case closed; nil while it goes on.
        public var to: LocalDate?
        public var ending: PauseEnding
    }

    public struct MeetingMark: Sendable, Equatable {
        public var round: Int
        /// The day it was held, or else the day it is planned for.
        public var on: LocalDate
        public var held: Bool
    }

    /// A close of the case, with why; a reopened case can have several.
    public struct Closing: Sendable, Equatable {
        public var on: LocalDate
        public var outcome: CloseOutcome
    }

    public var opened: LocalDate
    /// The day the case was closed, if it is closed now.
    public var closed: LocalDate?
    public var stays: [Stay] = []
    public var pauses: [Pause] = []
    public var meetings: [MeetingMark]
    public var closings: [Closing] = []
    /// The days the case was reopened.
    public var reopenings: [LocalDate] = []

    /// A stay ends with a move to another phase, a next round or renewal (a new stay, even in
    /// the same phase) or a close; pausing and resuming stay in the phase; a reopen starts one.
    public init(_ state: CaseState) {
        opened = LocalDate(utcDayOf: state.openedAt)
        meetings = state.meetings.map { MeetingMark(round: $0.round, on: $0.heldOn ?? $0.plannedOn, held: $0.heldOn != nil) }
            .sorted { $0.on < $1.on }
        var current: Stay? = Stay(phase: .goals, round: 1, from: opened)
        var round = 1
        for record in state.history {
            let t = record.transition
            let day = LocalDate(utcDayOf: record.at)
            if t.move == .nextRound || t.move == .renew { round += 1 }
            let ends = t.from.phase != t.to.phase || t.move == .nextRound || t.move == .renew || t.move == .close
            if ends, var stay = current {
                stay.to = day
                stays.append(stay)
                current = nil
            }
            switch t.to {
            case .paused(_, let info):
                pauses.append(Pause(kind: info.kind, from: day, to: nil, ending: .ongoing))
            case .active where t.move == .resume && pauses.last?.ending == .ongoing:
                pauses[pauses.count - 1].to = day
                pauses[pauses.count - 1].ending = .resumed
            case .closed(_, let info):
                closings.append(Closing(on: day, outcome: info.outcome))
                if case .paused = t.from, pauses.last?.ending == .ongoing {
                    pauses[pauses.count - 1].to = day
                    pauses[pauses.count - 1].ending = .closed
                }
                closed = day
                continue
            default: break
            }
            if t.move == .reopen {
                closed = nil
                reopenings.append(day)
            }
            if current == nil { current = Stay(phase: t.to.phase, round: round, from: day) }
        }
        if let current { stays.append(current) }
    }

    /// Every finished stay with its length in whole days.
    public var finishedStays: [(phase: Phase, days: Int)] {
        stays.compactMap { stay in stay.to.map { (stay.phase, $0.daysSinceEpoch - stay.from.daysSinceEpoch) } }
    }

    /// The furthest phase the case has been in.
    public var furthestPhase: Phase { stays.map(\.phase).max() ?? .goals }

    /// The last day the timeline needs to show: the latest of its events and `today`.
    public func lastDay(today: LocalDate) -> LocalDate {
        ([today, opened] + stays.compactMap(\.to) + pauses.compactMap(\.to) + meetings.map(\.on) + closings.map(\.on)).max() ?? today
    }
}
