import RegieCore

/// What a stored event type is called where a person reads it (an undo names what it took back).
package enum EventNames {
    package static func title(_ type: String, _ l: L10n) -> String {
        switch type {
        case "goal_added": l("goal added", "doel toegevoegd")
        case "goal_changed": l("goal changed", "doel gewijzigd")
        case "resource_mapped": l("resource added", "resource toegevoegd")
        case "resource_changed": l("resource changed", "resource gewijzigd")
        case "member_chosen": l("member chosen", "lid gekozen")
        case "member_left": l("member left the group", "lid uit de groep")
        case "question_recorded": l("question added", "vraag toegevoegd")
        case "question_assigned": l("question assigned", "vraag toegewezen")
        case "question_status_changed": l("question status changed", "status van vraag gewijzigd")
        case "question_edited": l("question edited", "vraag aangepast")
        case "meeting_planned": l("meeting planned", "bijeenkomst gepland")
        case "meeting_held": l("meeting recorded as held", "bijeenkomst vastgelegd als gehouden")
        case "meeting_cancelled": l("meeting cancelled", "bijeenkomst afgezegd")
        case "meeting_moved": l("meeting moved", "bijeenkomst verzet")
        case "meeting_corrected": l("meeting corrected", "bijeenkomst gecorrigeerd")
        case "item_ticked": l("item ticked", "punt afgevinkt")
        case "item_unticked": l("item unticked", "vinkje weggehaald")
        case "time_logged": l("time logged", "tijd geregistreerd")
        case "time_corrected": l("time corrected", "tijd gecorrigeerd")
        case "time_withdrawn": l("time withdrawn", "tijd ingetrokken")
        case "transitioned": l("move", "stap")
        case "workers_assigned": l("workers assigned", "werkers toegewezen")
        case "client_relabelled": l("client label corrected", "cliëntlabel gecorrigeerd")
        case "reminder_closed": l("reminder closed", "herinnering afgehandeld")
        default: type
        }
    }
}
