import Foundation
import RegieCore

/// A case's report facts (``CaseFacts``) as the plain column values every backend stores in
/// `case_facts`: counts, days and codes, no client text. Reading them back refuses values
/// Regie could not have written.
public struct CaseFactsColumns: Sendable, Equatable {
    public var caseID: Int
    public var team: String
    public var complex: Bool
    public var openedOn: Int
    public var phase: Int
    public var state: String
    public var closedAs: String?
    public var networkInvolved: Bool
    public var groupFormed: Bool
    public var networkQuestion: Bool
    public var minutesToGroup: Int?
    public var furthestPhase: Int
    public var goals: Int
    /// NULL in a row written before Regie counted dropped goals: the team report then works
    /// the case out from its events, until its next command writes the row again.
    public var goalsDropped: Int?
    public var goalsAchieved: Int
    public var members: Int
    public var membersCanCannot: Int
    /// `phase:days phase:days …`
    public var stays: String
    /// `kind:ending kind:ending …`
    public var pauses: String
    /// What the case list shows (``CaseWork``) as JSON; nil when the facts were made without it.
    public var work: String?

    public init(caseID: Int, team: String, complex: Bool, openedOn: Int, phase: Int, state: String, closedAs: String?,
                 networkInvolved: Bool, groupFormed: Bool, networkQuestion: Bool, minutesToGroup: Int?, furthestPhase: Int,
                 goals: Int, goalsDropped: Int?, goalsAchieved: Int, members: Int, membersCanCannot: Int, stays: String, pauses: String,
                 work: String? = nil) {
        self.work = work
        self.goalsDropped = goalsDropped
        self.caseID = caseID
        self.team = team
        self.complex = complex
        self.openedOn = openedOn
        self.phase = phase
        self.state = state
        self.closedAs = closedAs
        self.networkInvolved = networkInvolved
        self.groupFormed = groupFormed
        self.networkQuestion = networkQuestion
        self.minutesToGroup = minutesToGroup
        self.furthestPhase = furthestPhase
        self.goals = goals
        self.goalsAchieved = goalsAchieved
        self.members = members
        self.membersCanCannot = membersCanCannot
        self.stays = stays
        self.pauses = pauses
    }

    package init(_ facts: CaseFacts) {
        self.init(caseID: facts.caseID, team: facts.team, complex: facts.complex, openedOn: facts.openedOn.daysSinceEpoch,
                  phase: facts.phase.number, state: facts.state.rawValue, closedAs: facts.closedAs?.rawValue,
                  networkInvolved: facts.networkInvolved, groupFormed: facts.groupFormed,
                  networkQuestion: facts.networkPickedUpQuestion, minutesToGroup: facts.minutesToGroup,
                  furthestPhase: facts.furthestPhase.number, goals: facts.goals, goalsDropped: facts.goalsDropped,
                  goalsAchieved: facts.goalsAchieved,
                  members: facts.members, membersCanCannot: facts.membersWithCanAndCannot,
                  stays: facts.phaseStays.map { "\($0.phase.number):\($0.days)" }.joined(separator: " "),
                  pauses: facts.pauses.map { "\($0.kind.rawValue):\($0.ending.rawValue)" }.joined(separator: " "),
                  work: facts.work.map(WorkColumn.text))
    }

    package func facts() throws(StoreError) -> CaseFacts {
        func bad(_ what: String) -> StoreError { .corrupt(caseID: caseID, version: 0, problem: "its report facts hold \(what)") }
        guard let phase = Phase.allCases.first(where: { $0.number == self.phase }), let state = CaseFacts.State(rawValue: state),
              let furthest = Phase.allCases.first(where: { $0.number == furthestPhase })
        else { throw bad("an unknown phase or state") }
        // Days and counts Regie could not have written (a day outside 1900–9999, a negative
        // count) are refused here, before any arithmetic on them can overflow.
        guard (-25_567...2_932_896).contains(openedOn) else { throw bad("an impossible day") }
        for count in [minutesToGroup ?? 0, goals, goalsDropped ?? 0, goalsAchieved, members, membersCanCannot] {
            guard (0...(1 << 40)).contains(count) else { throw bad("an impossible count") }
        }
        guard (goalsDropped ?? 0) <= goals else { throw bad("more dropped goals than goals") }
        var facts = CaseFacts(caseID: caseID, team: team, complex: complex, openedOn: LocalDate(daysSinceEpoch: openedOn),
                              phase: phase, state: state, networkInvolved: networkInvolved, groupFormed: groupFormed,
                              networkPickedUpQuestion: networkQuestion, minutesToGroup: minutesToGroup)
        if let closedAs {
            guard let outcome = CloseOutcome(rawValue: closedAs) else { throw bad("an unknown outcome") }
            facts.closedAs = outcome
        }
        facts.furthestPhase = furthest
        facts.goals = goals
        facts.goalsDropped = goalsDropped
        facts.goalsAchieved = goalsAchieved
        facts.members = members
        facts.membersWithCanAndCannot = membersCanCannot
        guard let parsed = CaseFactsTable.parseStays(stays) else { throw bad("an unreadable stay") }
        facts.phaseStays = parsed
        for pair in pauses.split(separator: " ") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let kind = PauseKind(rawValue: String(parts[0])),
                  let ending = CaseTimeline.PauseEnding(rawValue: String(parts[1]))
            else { throw bad("an unreadable pause") }
            facts.pauses.append((kind, ending))
        }
        if let work {
            guard let read = WorkColumn.work(from: work) else { throw bad("an unreadable case-list part") }
            facts.work = read
        }
        return facts
    }
}

/// ``CaseWork`` in the `work` column of `case_facts`, as fields separated by `|`:
/// `zone|worker|second|transfer_to|status_since|next_meeting|task_dues`, with the time in
/// milliseconds since 1970, days as days since 1970-01-01 and the dues separated by spaces
/// (empty for none). Ids, team ids and zone names hold no `|`. Read for every case a list
/// shows, so it is split by hand rather than decoded as JSON.
enum WorkColumn {
    static func text(_ work: CaseWork) -> String {
        [work.zone, work.worker, work.secondWorker ?? "", work.transferTo ?? "", String(StoredForm.millis(work.statusSince)),
         work.nextMeeting.map { String($0.daysSinceEpoch) } ?? "", work.taskDues.map { String($0.daysSinceEpoch) }.joined(separator: " ")]
            .joined(separator: "|")
    }

    /// The work the column holds, or nil when it is not what Regie writes.
    static func work(from text: String) -> CaseWork? {
        let fields = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 7, !fields[0].isEmpty, !fields[1].isEmpty, let millis = Int64(fields[4]),
              RecordedTime.readableMillis.contains(millis) else { return nil }
        func day(_ text: Substring) -> LocalDate? {
            guard let number = Int(text), (-25_567...2_932_896).contains(number) else { return nil }
            return LocalDate(daysSinceEpoch: number)
        }
        var next: LocalDate?
        if !fields[5].isEmpty {
            guard let parsed = day(Substring(fields[5])) else { return nil }
            next = parsed
        }
        var dues: [LocalDate] = []
        for part in fields[6].split(separator: " ") {
            guard let due = day(part), dues.count < 10_000 else { return nil }
            dues.append(due)
        }
        return CaseWork(zone: fields[0], worker: fields[1], secondWorker: fields[2].isEmpty ? nil : fields[2],
                        transferTo: fields[3].isEmpty ? nil : fields[3], statusSince: Date(timeIntervalSince1970: Double(millis) / 1000),
                        nextMeeting: next, taskDues: dues)
    }
}
