import RegieReports
import RegieCore
import RegieStore

extension RegieError {
    /// A refusal or invalid input from the core, as a code and its fields.
    package static func from(_ error: CaseError, caseID: Int) -> RegieError {
        let en = L10n(language: .en), nl = L10n(language: .nl)
        func term(_ name: String, _ wording: (L10n) -> String) -> ErrorValue {
            .term(name, LocalizedText(nl: wording(nl), en: wording(en)))
        }
        let id = ErrorValue.number(caseID)
        switch error {
        case .caseClosed:
            return RegieError(.refused, .caseClosed, ["case": id])
        case .illegalMove(let move, let status, let legal):
            var fields: [String: ErrorValue] = ["case": id, "move": term(move.rawValue, move.title), "status": term(status.state, status.title)]
            if !legal.isEmpty {
                let options = legal.map { "`\($0.command)`" }.joined(separator: ", ")
                fields["possible"] = .term(legal.map(\.command).joined(separator: ","), LocalizedText(nl: options, en: options))
            }
            return RegieError(.refused, .illegalMove, fields)
        case .refused(let move, let unmet):
            let names = unmet.map(\.item.id).joined(separator: ",")
            // An item that says what is missing names it: "no one-to-one talk yet with: Moeder".
            func missing(_ state: ChecklistItemState, _ language: Language) -> String {
                guard let names = state.missing, let text = state.item.missing?.text else { return "" }
                let phrase = language == .nl ? text.nl : text.en
                return " " + phrase.prefix(1).uppercased() + phrase.dropFirst() + ": " + names.joined(separator: ", ")
            }
            let listEN = unmet.map { "\($0.item.id) (\($0.item.text.en)\(missing($0, .en))\($0.failure.map { "; failed: \($0)" } ?? ""))" }
            let listNL = unmet.map { "\($0.item.id) (\($0.item.text.nl)\(missing($0, .nl))\($0.failure.map { "; mislukt: \($0)" } ?? ""))" }
            return RegieError(.refused, .moveRefused, [
                "case": id, "move": term(move.rawValue, move.title),
                "open_items": .term(names, LocalizedText(nl: listNL.joined(separator: "; "), en: listEN.joined(separator: "; "))),
            ])
        case .notFound(.case, _):
            return RegieError(.notFound, .caseNotFound, ["case": id])
        case .notFound(let entity, let entityID):
            return RegieError(.notFound, .entityNotFound, ["case": id, "entity": term(entity.rawValue, entity.title), "id": .text(entityID)])
        case .overrideNeedsCoordinator:
            return RegieError(.notPermitted, .overrideNeedsCoordinator)
        case .migrationNeedsCoordinator:
            return RegieError(.notPermitted, .migrationNeedsCoordinator)
        case .guardRefused(let move, let refusals):
            let names = refusals.map(\.plugin).joined(separator: ",")
            let listEN = refusals.map { "\($0.plugin): \($0.reason?.en ?? "no reason given")" }.joined(separator: "; ")
            let listNL = refusals.map { "\($0.plugin): \($0.reason?.nl ?? "geen reden gegeven")" }.joined(separator: "; ")
            return RegieError(.refused, .guardRefused, [
                "case": id, "move": term(move.rawValue, move.title), "refusals": .term(names, LocalizedText(nl: listNL, en: listEN)),
            ])
        case .undo(.nothingToUndo):
            return RegieError(.refused, .nothingToUndo, ["case": id])
        case .undo(.someoneElses(let actor)):
            return RegieError(.refused, .undoSomeoneElses, ["case": id, "person": .text(actor)])
        case .undo(.tooLate(let minutes)):
            return RegieError(.refused, .undoTooLate, ["case": id, "minutes": .number(minutes)])
        case .undo(.notUndoable(let type)):
            return RegieError(.refused, .undoNotPossible, ["case": id, "event": .text(type)])
        case .undo(.guardedMove):
            return RegieError(.refused, .undoGuardedMove, ["case": id])
        case .invalid(let input):
            return invalid(input, caseID: caseID, move: { term($0.rawValue, $0.title) }, dateField: { term($0.rawValue, $0.title) },
                           field: { name in term(name) { FieldNames.title(name, $0) } })
        }
    }

    private static func invalid(_ input: InvalidInput, caseID: Int, move: (MoveKind) -> ErrorValue,
                                dateField: (DateField) -> ErrorValue, field: (String) -> ErrorValue) -> RegieError {
        switch input {
        case .emptyText(let name):
            RegieError(.usage, .emptyText, ["field": field(name)])
        case .tooLong(let name, let limit):
            RegieError(.usage, .textTooLong, ["field": field(name), "limit": .number(limit)])
        case .nationalIdentifier(let name):
            RegieError(.usage, .nationalIdentifier, ["field": field(name)])
        case .reasonRequired(let kind):
            RegieError(.usage, .reasonRequired, ["move": move(kind)])
        case .overrideOnlyForForwardMoves:
            RegieError(.usage, .overrideOnlyForForwardMoves)
        case .notClientsChoice:
            RegieError(.refused, .notClientsChoice)
        case .resourceDeclined(let resource):
            RegieError(.refused, .resourceDeclined, ["resource": .number(resource)])
        case .alreadyMember(let resource):
            RegieError(.refused, .alreadyMember, ["resource": .number(resource)])
        case .notMember(let resource):
            RegieError(.refused, .notMember, ["resource": .number(resource), "case": .number(caseID)])
        case .itemIsDerived(let item):
            RegieError(.refused, .itemIsDerived, ["item": .text(item), "case": .number(caseID)])
        case .itemInOtherPhase(let item, let itemPhase, let casePhase):
            RegieError(.refused, .itemInOtherPhase,
                       ["item": .text(item), "item_phase": .text(itemPhase.rawValue), "case_phase": .text(casePhase.rawValue)])
        case .meetingAlreadyHeld(let meeting):
            RegieError(.refused, .meetingAlreadyHeld, ["meeting": .number(meeting), "case": .number(caseID)])
        case .meetingNotHeld(let meeting):
            RegieError(.refused, .meetingNotHeld, ["meeting": .number(meeting), "case": .number(caseID)])
        case .meetingCancelled(let meeting):
            RegieError(.refused, .meetingCancelled, ["meeting": .number(meeting)])
        case .attendeeNotMember(let resource):
            RegieError(.refused, .attendeeNotMember, ["resource": .number(resource)])
        case .authorRequired:
            RegieError(.usage, .authorRequired)
        case .durationOutOfRange:
            RegieError(.usage, .durationOutOfRange)
        case .nothingToChange:
            RegieError(.usage, .nothingToChange)
        case .dateInFuture(let field, let date, let today):
            RegieError(.usage, .dateInFuture, ["date_field": dateField(field), "date": .text(date.description), "today": .text(today.description)])
        case .dateBeforeOpening(let field, let date, let opened):
            RegieError(.usage, .dateBeforeOpening,
                       ["date_field": dateField(field), "date": .text(date.description), "opened": .text(opened.description)])
        case .dateInPast(let field, let date, let today):
            RegieError(.usage, .dateInPast, ["date_field": dateField(field), "date": .text(date.description), "today": .text(today.description)])
        case .dateFarAhead(let field, let date, let horizon):
            RegieError(.usage, .dateFarAhead,
                       ["date_field": dateField(field), "date": .text(date.description), "horizon": .text(horizon.description)])
        case .transferPending(let team):
            RegieError(.refused, .transferPending, ["case": .number(caseID), "team": .text(team)])
        case .noTransferPending:
            RegieError(.refused, .noTransferPending, ["case": .number(caseID)])
        case .transferToOwnTeam:
            RegieError(.usage, .transferToOwnTeam, ["case": .number(caseID)])
        case .reminderAlreadyClosed(let reminder):
            RegieError(.refused, .reminderAlreadyClosed, ["case": .number(caseID), "reminder": .number(reminder)])
        case .sameWorkerTwice:
            RegieError(.usage, .sameWorkerTwice)
        }
    }

    /// A case whose stored events do not fold into a case.
    package static func from(_ error: ReplayError) -> RegieError {
        RegieError(.storage, .caseUnreplayable,
                   ["case": .number(error.caseID), "version": .number(error.version), "detail": .text(error.problem)])
    }

    /// A storage failure.
    package static func from(_ error: StoreError) -> RegieError {
        switch error {
        case .conflict(let caseID, let expected, let actual):
            RegieError(.conflict, .conflict,
                       ["case": .number(caseID), "expected_version": .number(expected), "actual_version": .number(actual)])
        case .caseNotFound(let id):
            RegieError(.notFound, .caseNotFound, ["case": .number(id)])
        case .notARegieDatabase(let path):
            RegieError(.storage, .notARegieDatabase, ["location": .text(path)])
        case .newerSchema(let path):
            RegieError(.storage, .newerSchema, ["location": .text(path)])
        case .missingDatabase(let path):
            RegieError(.storage, .databaseMissing, ["location": .text(path)])
        case .locked(let path):
            RegieError(.storage, .databaseLocked, ["location": .text(path)])
        case .readOnly(let path):
            RegieError(.storage, .databaseReadOnly, ["location": .text(path)])
        case .corrupt(let caseID, let version, let problem):
            RegieError(.storage, .caseCorrupt, ["case": .number(caseID), "version": .number(version), "detail": .text(problem)])
        case .ruleAltered(let hash):
            RegieError(.storage, .rulesAltered, ["hash": .text(String(hash.prefix(19)))])
        case .unreadableValue(let column):
            RegieError(.storage, .unreadableValue, ["column": .text(column)])
        case .targetNotEmpty(let location):
            RegieError(.refused, .targetNotEmpty, ["location": .text(location)])
        case .unreachable(let location, let reason):
            RegieError(.storage, .databaseUnreachable, ["location": .text(location), "detail": .text(reason)])
        case .database(0, let message):
            RegieError(.storage, .databaseFailed, ["detail": .text(message)])
        case .database(let code, let message):
            RegieError(.storage, .sqliteFailed, ["sqlite_code": .number(Int(code)), "detail": .text(message)])
        }
    }
}
