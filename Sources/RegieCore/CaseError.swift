/// Why a command was refused. The command line turns each into one sentence in the user's language.
public enum CaseError: Error, Sendable, Equatable {
    /// A closed case accepts nothing but a reopen.
    case caseClosed
    /// The move is not in the table of legal moves for the case's status.
    case illegalMove(MoveKind, from: CaseStatus, legal: [MoveKind])
    /// A forward move whose required checklist items do not all hold.
    case refused(MoveKind, unmet: [ChecklistItemState])
    case notFound(Entity, String)
    case invalid(InvalidInput)
    /// Only a coordinator may override a refused move.
    case overrideNeedsCoordinator
    /// Only a coordinator moves a case to other rules.
    case migrationNeedsCoordinator
    /// A plugin's guard refused the move (or failed, which refuses it too).
    case guardRefused(MoveKind, [GuardVerdict])
    /// The last command cannot be taken back.
    case undo(UndoRefusal)
}

/// Why `undo` refuses.
public enum UndoRefusal: Sendable, Equatable {
    /// Nothing to take back: the case was just opened, or its last command was an undo.
    case nothingToUndo
    /// The last command on the case was someone else's.
    case someoneElses(actor: String)
    /// The last command is older than ``CaseDecider/undoWindow``.
    case tooLate(minutes: Int)
    /// Commands of this kind (stored type name) are corrected in another way.
    case notUndoable(type: String)
    /// A move that plugin guards agreed to: what they decided stays on record.
    case guardedMove
}

/// The kinds of things a command can name.
public enum Entity: String, Sendable, Equatable {
    case `case`, goal, resource, question, meeting, checklistItem = "checklist item", timeEntry = "time entry", reminder
}

/// Input that breaks a rule of the record.
public enum InvalidInput: Sendable, Equatable {
    case emptyText(field: String)
    case tooLong(field: String, limit: Int)
    /// Looks like a national identification number (BSN), which Regie never stores.
    case nationalIdentifier(field: String)
    case reasonRequired(MoveKind)
    /// New words for a goal must say who worded them.
    case authorRequired
    case overrideOnlyForForwardMoves
    /// A group member can only be added as the client's own choice.
    case notClientsChoice
    case resourceDeclined(Int)
    case alreadyMember(Int)
    case notMember(Int)
    case itemIsDerived(String)
    case itemInOtherPhase(String, itemPhase: Phase, casePhase: Phase)
    case meetingAlreadyHeld(Int)
    /// Only a held meeting's day and attendees can be corrected.
    case meetingNotHeld(Int)
    case meetingCancelled(Int)
    case attendeeNotMember(Int)
    case durationOutOfRange
    case nothingToChange
    /// A date of something that has happened lies after today.
    case dateInFuture(DateField, LocalDate, today: LocalDate)
    /// A date of something that has happened lies before the case was opened.
    case dateBeforeOpening(DateField, LocalDate, opened: LocalDate)
    /// A date of something still to come lies before today.
    case dateInPast(DateField, LocalDate, today: LocalDate)
    /// A date of something still to come lies further ahead than the horizon, unconfirmed.
    case dateFarAhead(DateField, LocalDate, horizon: LocalDate)
    /// A transfer is already waiting (to this team); another change of hands must wait.
    case transferPending(toTeam: String)
    case noTransferPending
    /// A case is transferred to a team other than its own.
    case transferToOwnTeam
    case reminderAlreadyClosed(Int)
    /// The responsible worker cannot also be the second.
    case sameWorkerTwice
}

/// The dates a command can give, named in refusals.
public enum DateField: String, Sendable, Equatable {
    case heldOn = "held_on", plannedOn = "planned_on", due, workedOn = "worked_on"
}
