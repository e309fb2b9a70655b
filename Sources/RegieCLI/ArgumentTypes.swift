import ArgumentParser
import RegieApp
import RegieCore
import RegieReports

// Values typed on the command line.

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

// Named values are typed as Regie writes them or in Dutch (``TypedValue``).
extension GoalTerm: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
extension Author: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
extension GoalStatus: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
extension QuestionStatus: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
extension MeetingLead: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
extension TensionState: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
extension ResourceKind: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
extension ContactStatus: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
extension PauseKind: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
extension CloseOutcome: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
extension TimeActivity: ExpressibleByArgument { public init?(argument: String) { self.init(typed: argument) } }
