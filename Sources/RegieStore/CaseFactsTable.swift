import Foundation
import GRDB
import RegieCore

/// The `case_facts` table: per case, what the team report counts (``CaseFacts``), written in
/// the same transaction as the case's events so that the report reads one row per case
/// instead of replaying every event. It holds no client text: counts, days, codes.
enum CaseFactsTable {
    static let create = """
        CREATE TABLE case_facts (
            case_id INTEGER PRIMARY KEY REFERENCES cases (id),
            team TEXT NOT NULL,
            complex INTEGER NOT NULL,
            opened_on INTEGER NOT NULL,
            phase INTEGER NOT NULL,
            state TEXT NOT NULL,
            closed_as TEXT,
            network_involved INTEGER NOT NULL,
            group_formed INTEGER NOT NULL,
            network_question INTEGER NOT NULL,
            minutes_to_group INTEGER,
            furthest_phase INTEGER NOT NULL,
            goals INTEGER NOT NULL,
            goals_achieved INTEGER NOT NULL,
            members INTEGER NOT NULL,
            members_can_cannot INTEGER NOT NULL,
            stays TEXT NOT NULL,
            pauses TEXT NOT NULL
        );
        """

    static func write(_ db: Database, _ facts: CaseFacts) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO case_facts (case_id, team, complex, opened_on, phase, state, closed_as, network_involved,
                group_formed, network_question, minutes_to_group, furthest_phase, goals, goals_achieved, members,
                members_can_cannot, stays, pauses, work, goals_dropped)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: {
                let c = CaseFactsColumns(facts)
                return [c.caseID, c.team, c.complex, c.openedOn, c.phase, c.state, c.closedAs, c.networkInvolved, c.groupFormed,
                        c.networkQuestion, c.minutesToGroup, c.furthestPhase, c.goals, c.goalsAchieved, c.members,
                        c.membersCanCannot, c.stays, c.pauses, c.work, c.goalsDropped]
            }())
    }

    /// Writes the facts without the case list's part: for the migration to schema 4, which runs
    /// before schema 6 adds the `work` column.
    static func writeReportPart(_ db: Database, _ facts: CaseFacts) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO case_facts (case_id, team, complex, opened_on, phase, state, closed_as, network_involved,
                group_formed, network_question, minutes_to_group, furthest_phase, goals, goals_achieved, members,
                members_can_cannot, stays, pauses)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: {
                let c = CaseFactsColumns(facts)
                return [c.caseID, c.team, c.complex, c.openedOn, c.phase, c.state, c.closedAs, c.networkInvolved, c.groupFormed,
                        c.networkQuestion, c.minutesToGroup, c.furthestPhase, c.goals, c.goalsAchieved, c.members,
                        c.membersCanCannot, c.stays, c.pauses]
            }())
    }

    /// Forgets a case's facts: the report then works them out from its events.
    static func forget(_ db: Database, caseID: Int) throws {
        try db.cachedStatement(sql: "DELETE FROM case_facts WHERE case_id = ?").execute(arguments: [caseID])
    }

    /// Hands the facts of every case of the given teams (nil: every team) to `body`, one at a time in case order,
    /// and gives the ids of their cases that have none.
    static func read(_ db: Database, teams: [String]?, _ body: (CaseFacts) throws -> Void) throws -> [Int] {
        let marks = Array(repeating: "?", count: teams?.count ?? 0).joined(separator: ", ")
        let which = teams == nil ? "" : "team IN (\(marks))"
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT case_id, team, complex, opened_on, phase, state, closed_as, network_involved, group_formed, network_question,
                minutes_to_group, furthest_phase, goals, goals_achieved, members, members_can_cannot, stays, pauses, work, goals_dropped
            FROM case_facts \(teams == nil ? "" : "WHERE " + which) ORDER BY case_id
            """, arguments: StatementArguments(teams ?? []))
        while let row = try cursor.next() {
            try body(try decode(row))
        }
        return try Int.fetchAll(db, sql: """
            SELECT id FROM cases WHERE \(teams == nil ? "" : which + " AND ") id NOT IN (SELECT case_id FROM case_facts) ORDER BY id
            """, arguments: StatementArguments(teams ?? []))
    }

    private static func decode(_ row: Row) throws -> CaseFacts {
        try CaseFactsColumns(
            caseID: try row.decode(atIndex: 0), team: try row.decode(atIndex: 1), complex: try row.decode(atIndex: 2),
            openedOn: try row.decode(atIndex: 3), phase: try row.decode(atIndex: 4), state: try row.decode(atIndex: 5),
            closedAs: try row.decode(atIndex: 6), networkInvolved: try row.decode(atIndex: 7), groupFormed: try row.decode(atIndex: 8),
            networkQuestion: try row.decode(atIndex: 9), minutesToGroup: try row.decode(atIndex: 10),
            furthestPhase: try row.decode(atIndex: 11), goals: try row.decode(atIndex: 12), goalsDropped: try row.decode(atIndex: 19),
            goalsAchieved: try row.decode(atIndex: 13),
            members: try row.decode(atIndex: 14), membersCanCannot: try row.decode(atIndex: 15), stays: try row.decode(atIndex: 16),
            pauses: try row.decode(atIndex: 17), work: try row.decode(atIndex: 18)
        ).facts()
    }

    /// Reads `phase:days phase:days …` byte by byte: every case has a few stays, and the team
    /// report reads them for every case.
    package static func parseStays(_ text: String) -> [(phase: Phase, days: Int)]? {
        guard text.utf8.last != UInt8(ascii: " ") else { return nil }
        var stays: [(phase: Phase, days: Int)] = []
        var phase: Phase?
        var number = 0, digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 9 else { return nil }
            case UInt8(ascii: ":"):
                guard phase == nil, digits > 0, let found = Phase.numbered(number) else { return nil }
                (phase, number, digits) = (found, 0, 0)
            case UInt8(ascii: " "):
                guard let current = phase, digits > 0 else { return nil }
                stays.append((current, number))
                (phase, number, digits) = (nil, 0, 0)
            default: return nil
            }
        }
        if let current = phase {
            guard digits > 0 else { return nil }
            stays.append((current, number))
        } else if digits > 0 {
            return nil
        }
        return stays
    }

    /// Works out the facts of every case from its events: for a database made before the table.
    /// Counts each case's dropped goals into its row, for the migration that adds the column;
    /// a case whose events cannot be read keeps NULL, and the report names it as before.
    static func fillGoalsDropped(_ db: Database) throws {
        let ids = try Int.fetchAll(db, sql: "SELECT case_id FROM case_facts ORDER BY case_id")
        let update = try db.makeStatement(sql: "UPDATE case_facts SET goals_dropped = ? WHERE case_id = ?")
        for id in ids {
            guard let events = try? SQLiteEventStore.events(db, of: id), let facts = try? CaseFacts.of(events) else { continue }
            try update.execute(arguments: [facts.goalsDropped, id])
        }
    }

    static func fill(_ db: Database) throws {
        let ids = try Int.fetchAll(db, sql: "SELECT id FROM cases ORDER BY id")
        for id in ids {
            // A case that cannot be read back keeps no facts; the report then names it.
            let events = try? SQLiteEventStore.events(db, of: id)
            if let events, let facts = try? CaseFacts.of(events) { try writeReportPart(db, facts) }
        }
    }
}

extension Phase {
    /// The phase with this number (1 to 5).
    static func numbered(_ number: Int) -> Phase? { allCases.first { $0.number == number } }
}
