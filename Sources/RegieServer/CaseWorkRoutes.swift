import Foundation
import Hummingbird
import RegieApp
import RegieCore

/// `/api/v1/cases/{case}/…`: the method's work on a case beyond goals, checklist and moves: the
/// people around the client and the group they choose, the questions for the network, the
/// meetings, time spent, and taking back one's last command. Each is the command line's
/// command of the same name, through the same core; each needs `If-Match`.
struct CaseWorkRoutes {
    let environment: ServerEnvironment

    func addRoutes(to group: RouterGroup<RegieRequestContext>) {
        group.post("cases/:case/resources", use: mapResource)
        group.patch("cases/:case/resources/:resource", use: changeResource)
        group.delete("cases/:case/resources/:resource", use: removeResource)
        group.put("cases/:case/resources/:resource/member", use: chooseMember)
        group.post("cases/:case/resources/:resource/leave", use: leaveGroup)
        group.post("cases/:case/questions", use: recordQuestion)
        group.patch("cases/:case/questions/:question", use: editQuestion)
        group.put("cases/:case/questions/:question/owner", use: assignQuestion)
        group.put("cases/:case/questions/:question/status", use: setQuestionStatus)
        group.post("cases/:case/meetings", use: planMeeting)
        group.patch("cases/:case/meetings/:meeting", use: moveMeeting)
        group.post("cases/:case/meetings/:meeting/held", use: meetingHeld)
        group.post("cases/:case/meetings/:meeting/cancel", use: cancelMeeting)
        group.post("cases/:case/time", use: logTime)
        group.post("cases/:case/undo", use: undo)
    }

    // MARK: Resources and the group

    struct NewResource: APIRequestBody {
        static let fields: Set<String> = ["label", "relation", "kind"]
        var label: String
        var relation: String
        var kind: ResourceKind
    }

    @Sendable func mapResource(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(NewResource.self, request, context, status: .created) { .mapResource(label: $0.label, relation: $0.relation, kind: $0.kind) }
    }

    struct ResourceChange: APIRequestBody {
        static let fields: Set<String> = ["contact", "one_to_one", "can", "cannot", "tension", "label", "relation", "kind"]
        var contact: ContactStatus?
        /// The one-to-one conversation before the meeting took place.
        var oneToOne: Bool?
        var can: String?
        var cannot: String?
        var tension: TensionState?
        var label: String?
        var relation: String?
        var kind: ResourceKind?
    }

    @Sendable func changeResource(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let resource = try Query.pathNumber(context, "resource")
        return try await environment.change(ResourceChange.self, request, context) { body in
            var change = ResourceChanged(resourceID: resource)
            change.contact = body.contact
            change.oneToOneHeld = body.oneToOne
            change.canDo = body.can
            change.cannotDo = body.cannot
            change.tension = body.tension
            change.label = body.label
            change.relation = body.relation
            change.kind = body.kind
            return .changeResource(change)
        }
    }

    @Sendable func removeResource(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(request, context, .removeResource(resource: try Query.pathNumber(context, "resource")))
    }

    struct MemberChoice: APIRequestBody {
        static let fields: Set<String> = ["client_chose", "note"]
        /// Confirms that this is the client's own choice; the rules refuse the member without it.
        var clientChose: Bool
        var note: String?
    }

    @Sendable func chooseMember(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let resource = try Query.pathNumber(context, "resource")
        return try await environment.change(MemberChoice.self, request, context) { .chooseMember(resource: resource, clientChose: $0.clientChose, note: $0.note) }
    }

    struct Reason: APIRequestBody {
        static let fields: Set<String> = ["reason"]
        var reason: String
    }

    @Sendable func leaveGroup(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let resource = try Query.pathNumber(context, "resource")
        return try await environment.change(Reason.self, request, context) { .removeMember(resource: resource, reason: $0.reason) }
    }

    // MARK: Questions

    struct NewQuestion: APIRequestBody {
        static let fields: Set<String> = ["text", "owner", "due", "confirm_far_date"]
        var text: String
        /// The resource who takes the question on.
        var owner: Int?
        var due: LocalDate?
        /// A due day years away is refused as a likely typing error unless confirmed.
        var confirmFarDate: Bool?
    }

    @Sendable func recordQuestion(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(NewQuestion.self, request, context, status: .created, farDateConfirmed: { $0.confirmFarDate ?? false }) {
            .recordQuestion(text: $0.text, owner: $0.owner, due: $0.due)
        }
    }

    struct QuestionText: APIRequestBody {
        static let fields: Set<String> = ["text"]
        var text: String
    }

    @Sendable func editQuestion(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let question = try Query.pathNumber(context, "question")
        return try await environment.change(QuestionText.self, request, context) { .editQuestion(id: question, text: $0.text) }
    }

    struct QuestionOwner: APIRequestBody {
        static let fields: Set<String> = ["owner", "due", "confirm_far_date"]
        var owner: Int
        var due: LocalDate?
        var confirmFarDate: Bool?
    }

    @Sendable func assignQuestion(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let question = try Query.pathNumber(context, "question")
        return try await environment.change(QuestionOwner.self, request, context, farDateConfirmed: { $0.confirmFarDate ?? false }) {
            .assignQuestion(id: question, owner: $0.owner, due: $0.due)
        }
    }

    struct QuestionState: APIRequestBody {
        static let fields: Set<String> = ["status"]
        var status: QuestionStatus
    }

    @Sendable func setQuestionStatus(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let question = try Query.pathNumber(context, "question")
        return try await environment.change(QuestionState.self, request, context) { .setQuestionStatus(id: question, status: $0.status) }
    }

    // MARK: Meetings

    struct MeetingDay: APIRequestBody {
        static let fields: Set<String> = ["on", "confirm_far_date"]
        var on: LocalDate
        var confirmFarDate: Bool?
    }

    @Sendable func planMeeting(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(MeetingDay.self, request, context, status: .created, farDateConfirmed: { $0.confirmFarDate ?? false }) {
            .planMeeting(on: $0.on)
        }
    }

    @Sendable func moveMeeting(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let meeting = try Query.pathNumber(context, "meeting")
        return try await environment.change(MeetingDay.self, request, context, farDateConfirmed: { $0.confirmFarDate ?? false }) {
            .moveMeeting(id: meeting, to: $0.on)
        }
    }

    struct MeetingHeld: APIRequestBody {
        static let fields: Set<String> = ["on", "attendees", "led_by"]
        var on: LocalDate
        /// The members who came, by resource number.
        var attendees: [Int]
        var ledBy: MeetingLead?
    }

    @Sendable func meetingHeld(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let meeting = try Query.pathNumber(context, "meeting")
        return try await environment.change(MeetingHeld.self, request, context) {
            .recordMeetingHeld(id: meeting, on: $0.on, attendees: $0.attendees, ledBy: $0.ledBy)
        }
    }

    @Sendable func cancelMeeting(_ request: Request, context: RegieRequestContext) async throws -> Response {
        let meeting = try Query.pathNumber(context, "meeting")
        return try await environment.change(Reason.self, request, context) { .cancelMeeting(id: meeting, reason: $0.reason) }
    }

    // MARK: Time and undo

    struct TimeSpent: APIRequestBody {
        static let fields: Set<String> = ["minutes", "activity", "on"]
        var minutes: Int
        var activity: TimeActivity
        var on: LocalDate
    }

    @Sendable func logTime(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(TimeSpent.self, request, context, status: .created) { .logTime(minutes: $0.minutes, activity: $0.activity, on: $0.on) }
    }

    /// Takes back the asker's own last command on the case, within the undo window.
    @Sendable func undo(_ request: Request, context: RegieRequestContext) async throws -> Response {
        try await environment.change(request, context, .undo)
    }
}
