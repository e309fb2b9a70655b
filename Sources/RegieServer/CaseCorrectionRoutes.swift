import Foundation
import Hummingbird
import RegieApp
import RegieCore

/// `/api/v1/cases/{case}/…`: putting the record right. A held meeting's day or attendees, a
/// time entry, how the team refers to the client, and a plugin's reminder done or dismissed.
/// Each correction is an event of its own; what it corrects stays on record. Each needs `If-Match`.
struct CaseCorrectionRoutes {
    let environment: ServerEnvironment

    func addRoutes(to group: RouterGroup<RegieRequestContext>) {
        group.patch("cases/:case", use: relabel)
        group.post("cases/:case/meetings/:meeting/correction", use: correctMeeting)
        group.patch("cases/:case/time/:entry", use: correctTime)
        group.post("cases/:case/time/:entry/withdraw", use: withdrawTime)
        group.post("cases/:case/reminders/:reminder/done", use: reminderDone)
        group.post("cases/:case/reminders/:reminder/dismiss", use: dismissReminder)
    }

    struct Label: APIRequestBody {
        static let fields: Set<String> = ["client_label", "reference"]
        /// Initials or a nickname; never a citizen service number.
        var clientLabel: String?
        /// The reference in the team's own system; an empty text removes it.
        var reference: String?
    }

    @Sendable func relabel(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(Label.self, request, context) { body in
            guard body.clientLabel != nil || body.reference != nil else { throw JSONBody.nothingGiven("client_label, reference") }
            return .relabel(label: body.clientLabel, reference: body.reference)
        }
    }

    struct MeetingCorrection: APIRequestBody {
        static let fields: Set<String> = ["on", "attendees"]
        /// The day it really took place.
        var on: LocalDate?
        /// The members who really came, by resource number.
        var attendees: [Int]?
    }

    @Sendable func correctMeeting(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let meeting = try Query.pathNumber(context, "meeting")
        return try await environment.change(MeetingCorrection.self, request, context) { body in
            guard body.on != nil || body.attendees != nil else { throw JSONBody.nothingGiven("on, attendees") }
            return .correctMeeting(id: meeting, on: body.on, attendees: body.attendees)
        }
    }

    struct TimeCorrection: APIRequestBody {
        static let fields: Set<String> = ["minutes", "activity", "on"]
        var minutes: Int?
        var activity: TimeActivity?
        var on: LocalDate?
    }

    @Sendable func correctTime(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let entry = try Query.pathNumber(context, "entry")
        return try await environment.change(TimeCorrection.self, request, context) { body in
            guard body.minutes != nil || body.activity != nil || body.on != nil else { throw JSONBody.nothingGiven("minutes, activity, on") }
            return .correctTime(entry: entry, minutes: body.minutes, activity: body.activity, on: body.on)
        }
    }

    @Sendable func withdrawTime(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let entry = try Query.pathNumber(context, "entry")
        return try await environment.change(CaseWorkRoutes.Reason.self, request, context) { .withdrawTime(entry: entry, reason: $0.reason) }
    }

    @Sendable func reminderDone(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(request, context, .closeReminder(id: try Query.pathNumber(context, "reminder"), dismissal: nil))
    }

    @Sendable func dismissReminder(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let reminder = try Query.pathNumber(context, "reminder")
        return try await environment.change(CaseWorkRoutes.Reason.self, request, context) { .closeReminder(id: reminder, dismissal: $0.reason) }
    }
}
