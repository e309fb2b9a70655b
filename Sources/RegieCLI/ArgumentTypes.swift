import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

// Values typed on the command line. Multi-word values accept `-` as well as `_`.

extension Phase: ExpressibleByArgument {
    public init?(argument: String) { self.init(userInput: argument) }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
    public static var defaultCompletionKind: CompletionKind { .default }
}

extension DayInput: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
    public static var defaultCompletionKind: CompletionKind { .list(["today", "tomorrow", "vandaag", "morgen"]) }
}

extension GoalTerm: ExpressibleByArgument {}
extension Author: ExpressibleByArgument {}
extension GoalStatus: ExpressibleByArgument {}
extension QuestionStatus: ExpressibleByArgument {}
extension MeetingLead: ExpressibleByArgument {}
extension TensionState: ExpressibleByArgument {}

extension ResourceKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.snakeCased) }
}

extension ContactStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.snakeCased) }
}

extension PauseKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.snakeCased) }
}

extension CloseOutcome: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.snakeCased) }
}

extension TimeActivity: ExpressibleByArgument {}

extension String {
    var snakeCased: String { lowercased().split(separator: "-", omittingEmptySubsequences: false).joined(separator: "_") }
}

