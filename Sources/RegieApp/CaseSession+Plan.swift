import RegieCore
import RegieReports

extension CaseSession {
    /// The client's plan (`report case`, `GET /api/v1/cases/{id}/plan`), read and logged as
    /// `action` before anything is shown, with the worker who holds the case as its contact;
    /// it shows the group, or everyone mapped with `people: .all`.
    package func plan(_ caseID: Int, action: String, people: CasePlan.People = .group) async throws(RegieError) -> CasePlan {
        let (state, workflow, _) = try await read(caseID, action: action)
        // Chat agreements are checklist items of the meeting phase (the group-chat plugin's, or
        // a team's own with an id starting with `group_chat.`) that hold in the current round.
        let chat = try checklist(.meeting, of: state, workflow: workflow)
            .filter { $0.holds && $0.item.id.hasPrefix("group_chat.") }.map(\.item.text)
        var plan = CasePlan(state, today: today, groupChat: chat, people: people)
        plan.contact = contact(for: state)
        return plan
    }
}
