/// What a team report covers and for whom it was made: the heading every format of it
/// shows, so that a printed report says whose figures they are and over which period.
public struct TeamReportScope: Sendable, Equatable {
    public struct Team: Sendable, Equatable {
        public var id: String
        /// The team's name as `regie.yaml` gives it.
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public var organisation: String
    public var teams: [Team]
    /// The day the report was made: the end of the period when no `until` was given.
    public var madeOn: LocalDate
    public var selection: TeamReport.Selection

    public init(organisation: String, teams: [Team], madeOn: LocalDate, selection: TeamReport.Selection) {
        self.organisation = organisation
        self.teams = teams
        self.madeOn = madeOn
        self.selection = selection
    }

    /// The team's name, or its id when the report has no name for it.
    public func name(of team: String) -> String { teams.first { $0.id == team }?.name ?? team }
}
