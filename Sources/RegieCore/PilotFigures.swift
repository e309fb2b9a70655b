/// What the Amsterdam pilot of the method measured (November 2018 to March 2020: 46
/// professionals of 13 organisations, 113 clients), which the team report draws as
/// reference lines so that a team sees where it stands. The pilot gave no figures for goals
/// achieved or for members with a can and cannot.
public enum PilotFigures {
    /// Cases in which the client's informal network got involved, in percent.
    public static let networkInvolved = 77.0
    /// Cases in which a resource group was formed, in percent.
    public static let groupFormed = 66.0
    /// Cases in which the informal network picked up at least one of the client's questions, in percent.
    public static let networkPickedUpQuestion = 64.0
    /// Hours of professional time to form a group, on average.
    public static let hoursToGroup = 8.0...15.0
    /// The same for complex mental-health cases.
    public static let hoursToGroupComplex = 20.0...30.0
}
