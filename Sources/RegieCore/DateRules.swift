import Foundation

/// What makes a date sensible: something that happened lies between the case's opening and
/// today; something to come lies between today and two years ahead, unless the person confirms
/// a later date. "Today" is the day in the team's time zone.
public enum DateRules {
    /// How far ahead a planned or due date may lie without being confirmed.
    public static let horizonDays = 730

    /// A date still to come: today or later, and within the horizon unless confirmed.
    static func checkAhead(_ date: LocalDate, _ field: DateField, _ context: DecisionContext) throws(CaseError) {
        let today = context.today
        guard date >= today else { throw .invalid(.dateInPast(field, date, today: today)) }
        let horizon = LocalDate(daysSinceEpoch: today.daysSinceEpoch + horizonDays)
        guard date <= horizon || context.farDateConfirmed else { throw .invalid(.dateFarAhead(field, date, horizon: horizon)) }
    }

    /// A date that has happened, or happens today.
    static func checkNotAhead(_ date: LocalDate, _ field: DateField, _ context: DecisionContext) throws(CaseError) {
        guard date <= context.today else { throw .invalid(.dateInFuture(field, date, today: context.today)) }
    }

    /// A date that has happened: not after today, and not before the case was opened.
    static func checkPast(_ date: LocalDate, _ field: DateField, of state: CaseState, _ context: DecisionContext) throws(CaseError) {
        try checkNotAhead(date, field, context)
        let opened = LocalDate(dayOf: state.openedAt, in: context.timeZone)
        guard date >= opened else { throw .invalid(.dateBeforeOpening(field, date, opened: opened)) }
    }
}
