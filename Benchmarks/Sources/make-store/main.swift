// Builds a workspace with N realistic cases (default 10,000) for measuring `regie case show`
// as a whole process: make-store FOLDER WORKFLOW_YAML [N] [TEAMS]. With TEAMS above 1 the cases
// are spread over teams bench-1 … bench-TEAMS in turn (case i in bench-((i-1) % TEAMS + 1)),
// each with one worker w1 … wTEAMS, for the server's load test.
import BenchmarkSupport
import Foundation
import RegieCore
import RegieLua
import RegieStore

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: make-store FOLDER WORKFLOW_YAML [CASES]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let source = try String(contentsOfFile: arguments[2], encoding: .utf8)
let count = arguments.count > 3 ? Int(arguments[3]) ?? 10_000 : 10_000
let teamCount = arguments.count > 4 ? max(1, Int(arguments[4]) ?? 1) : 1
let teams = teamCount == 1 ? ["bench"] : (1...teamCount).map { "bench-\($0)" }
let workflow = try WorkflowParser.parse(source, file: arguments[2])
let hash = RuleHash.of(source)
let evaluator = try LuaDerivedItemEvaluator()
let now = Date(timeIntervalSince1970: 1_790_000_000)
let context = DecisionContext(actor: Actor(id: "bench", role: .coordinator), now: now, workflow: workflow, evaluator: evaluator)
// The day of `now`: the meeting is planned and held today, as the date rules allow.
let day = LocalDate(utcDayOf: now)

/// A case like the demo's: goals, four resources in the group, a held meeting, questions, in follow-up.
@MainActor
func richCase(team: String) throws -> [RecordedEvent] {
    let open = OpenCase(team: team, clientLabel: "R.", externalReference: nil, complex: false, workflow: workflow.name, workflowHash: hash)
    var recorded = [RecordedEvent(caseID: 0, version: 1, actor: "bench", recordedAt: now, event: try CaseDecider.decide(nil, .open(open), context)[0])]
    var state = try CaseState.replay(recorded)
    func run(_ command: CaseCommand) throws {
        for event in try CaseDecider.decide(state, command, context) {
            let next = RecordedEvent(caseID: 0, version: state.version + 1, actor: "bench", recordedAt: now, event: event)
            try state.apply(next)
            recorded.append(next)
        }
    }
    try run(.addGoal(text: "Weer zelf boodschappen doen", term: .short, wordedBy: .client))
    try run(.addGoal(text: "Een plek om overdag naartoe te gaan", term: .long, wordedBy: .client))
    try run(.tick(item: "goals.own_story"))
    try run(.move(.advance, reason: nil, override: nil))
    for (label, kind) in [("Moeder", ResourceKind.informal), ("Buurvrouw", .informal), ("Peter", .experienceExpert), ("Wijkverpleging", .professional)] {
        try run(.mapResource(label: label, relation: "relation", kind: kind))
        try run(.chooseMember(resource: state.lastResourceID, clientChose: true, note: nil))
    }
    try run(.tick(item: "mapping.all_kinds"))
    try run(.move(.advance, reason: nil, override: nil))
    for id in 1...4 {
        var change = ResourceChanged(resourceID: id)
        change.contact = .willing
        change.oneToOneHeld = true
        change.canDo = "Iets concreets"
        change.cannotDo = "Iets anders"
        try run(.changeResource(change))
    }
    try run(.planMeeting(on: day))
    try run(.move(.advance, reason: nil, override: nil))
    try run(.recordMeetingHeld(id: 1, on: day, attendees: [1, 2, 3, 4], ledBy: .together))
    try run(.recordQuestion(text: "Boodschappen op zaterdag", owner: 2, due: day))
    try run(.recordQuestion(text: "Dagbesteding zoeken", owner: 3, due: day))
    try run(.tick(item: "meeting.questions_discussed"))
    try run(.logTime(minutes: 150, activity: .meeting, on: day))
    try run(.move(.advance, reason: nil, override: nil))
    return recorded
}

try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let database = folder.appendingPathComponent("regie.sqlite").path
try? FileManager.default.removeItem(atPath: database)
let teamLines = teams.map { "  - id: \($0)\n    workflow: resourcegroep" }.joined(separator: "\n")
let workerLines = teamCount == 1 ? "" : "\n" + (1...teamCount).map { "  - id: w\($0)\n    role: worker\n    teams: [bench-\($0)]" }.joined(separator: "\n")
try """
    organisation: "Benchmark"
    locale: en
    database: regie.sqlite
    teams:
    \(teamLines)
    people:
      - id: bench
        role: coordinator
        teams: [\(teams.joined(separator: ", "))]\(workerLines)

    """.write(to: folder.appendingPathComponent("regie.yaml"), atomically: true, encoding: .utf8)
let store = try SQLiteEventStore(path: database, create: true)
let streams = try teams.map { try richCase(team: $0) }
let stream = streams[0]
var imported = 0
while imported < count {
    let batch = min(500, count - imported)
    _ = try store.importCases((0..<batch).map { streams[(imported + $0) % teamCount] }, workflowSources: [hash: source])
    imported += batch
}
let counts = try store.counts()
print("\(counts.cases) cases, \(counts.events) events (\(stream.count) per case) in \(database)")
