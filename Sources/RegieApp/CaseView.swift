import RegieCore
import RegieReports

/// What is shown of a case to the person working on it (`case show`, `GET /api/v1/cases/{id}`):
/// the case, its current phase's checklist and prompts, and what is due within two weeks.
package struct CaseView {
    package var state: CaseState
    package var checklist: [ChecklistItemState]
    package var prompts: [LocalizedText]
    package var tasks: [AgendaTask]

    /// The view as `--json` and the API give it.
    package func json(today: LocalDate, l: L10n) -> CaseDetailJSON {
        var detail = CaseDetailJSON(state, checklist: checklist, prompts: prompts, l: l)
        detail.tasks = tasks.map { TaskJSON($0, today: today, l: l) }
        return detail
    }

    /// The view as `case show` prints it: the case, then what is due within two weeks.
    package func text(today: LocalDate, l: L10n, names: [String: String]) -> [String] {
        var lines = CaseText(l: l, names: names).render(state, checklist: checklist, prompts: prompts)
        if !tasks.isEmpty {
            lines.append("")
            lines.append(l("Due within two weeks (see `regie agenda`)", "Te doen binnen twee weken (zie `regie agenda`)"))
            let text = AgendaText(l)
            for task in tasks {
                let mark = task.isOverdue(today: today) ? l(" (overdue)", " (te laat)") : ""
                lines.append("  \(task.due)\(mark) · \(text.what(task))")
            }
        }
        return lines
    }
}

extension CaseSession {
    /// A case as shown to a member of its team; the read is logged before anything is shown.
    package func view(_ caseID: Int, action: String) async throws(RegieError) -> CaseView {
        let (state, workflow, _) = try await read(caseID, action: action)
        let checklist = try checklist(state.status.phase, of: state, workflow: workflow)
        let prompts = try prompts(state.status.phase, of: state, workflow: workflow)
        let horizon = LocalDate(daysSinceEpoch: today.daysSinceEpoch + 14)
        let tasks = try await tasks(of: state).filter { $0.due <= horizon }
        return CaseView(state: state, checklist: checklist, prompts: prompts, tasks: tasks)
    }
}

extension CaseSession {
    /// What a move just performed did, with the new phase's prompts, for the front end to tell;
    /// nil when the last event recorded is not a move. A plugin that fails to give the prompts
    /// or reminders does not make the move look unrecorded: the report says why they are missing.
    package func moveReport(_ state: CaseState, recorded: [RecordedEvent]) async -> MoveReport? {
        guard let last = recorded.last, case .transitioned(let t) = last.event else { return nil }
        var report = MoveReport(t, actor: last.actor)
        guard report.entersPhase else { return report }
        do throws(RegieError) {
            let workflow = try await rules.pinned(state.workflowHash)
            report.prompts = try prompts(state.status.phase, of: state, workflow: workflow)
            if let failure = reminderFailure { throw failure }
        } catch {
            report.promptsFailure = error.text(in: l.language)
        }
        return report
    }
}
