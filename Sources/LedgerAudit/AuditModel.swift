import LedgerCore

/// What the accountability rules need from a log, gathered in one pass over its events up to the
/// audit date (events that occurred later are not seen).
struct AuditModel {
    struct Meeting { var index: Int; var body: String; var day: Int; var attendees: [(person: String, category: String)]; var recused: Set<String> }
    struct Decision { var index: Int; var id: String; var meeting: String; var day: Int }
    struct Feedback {
        var index: Int; var id: String; var day: Int; var contactConsent: Bool
        var acks: [(day: Int, index: Int)] = []
        var updates: [Int] = []
        var responses: [(day: Int, index: Int)] = []
        var closed: Int?
        var notified: [Int] = []
    }
    struct Response { var index: Int; var feedback: String; var changeStatus: String; var changeDescription: String?; var actionRef: String? }
    struct Contribution { var index: Int; var id: String; var day: Int; var body: String?; var traced: [Int] = [] }
    struct Action { var index: Int; var id: String; var code: String; var owner: String?; var due: Int?; var changes: [(day: Int, status: String)] = [] }
    struct Review { var index: Int; var region: String; var day: Int; var participants: [String: Int] }
    struct Body { var type: String; var quorumMin: Int; var quorumOf: String?; var ebeMin: Int?; var ebeShare: Double? }

    var bodies: [String: Body] = [:]
    var meetings: [String: Meeting] = [:]
    var decisionBody: [String: String] = [:]
    var decisions: [Decision] = []
    var feedback: [String: Feedback] = [:]
    var feedbackOrder: [String] = []
    var responses: [Response] = []
    var contributions: [String: Contribution] = [:]
    var contributionOrder: [String] = []
    var actions: [String: Action] = [:]
    var regions: [String: (index: Int, day: Int)] = [:]
    var reviews: [Review] = []
    var annualReports: [(day: Int, index: Int)] = []
    var projectCategory: [String: String] = [:]
    var projectsCompleted: [(id: String, day: Int, index: Int)] = []
    var erasureRequests: [String: (day: Int, index: Int)] = [:]
    var erased: [String: Int] = [:]
    var revokedKeys: [String: (index: Int, reason: String, effective: Int?)] = [:]
    var signedBy: [String: [(index: Int, day: Int)]] = [:]
    var firstDay: Int?
    var lastDay: Int?

    mutating func observe(_ event: Event, at index: Int) {
        let p = event.payload
        let day = Day.number(event.occurredAt) ?? 0
        firstDay = min(firstDay ?? day, day)
        lastDay = max(lastDay ?? day, day)
        func string(_ k: String) -> String? { p[k]?.stringValue }
        func dayOf(_ k: String) -> Int { string(k).flatMap(Day.number) ?? day }
        signedBy[event.signer, default: []].append((index, day))
        switch event.type {
        case "body.established":
            if let id = string("bodyId") {
                bodies[id] = Body(
                    type: string("bodyType") ?? id, quorumMin: p["quorumRule"]?["min"]?.intValue ?? 0,
                    quorumOf: p["quorumRule"]?["ofCategory"]?.stringValue, ebeMin: p["ebePresenceRule"]?["minCount"]?.intValue,
                    ebeShare: p["ebePresenceRule"]?["minShare"]?.doubleValue)
            }
        case "meeting.held":
            if let id = string("meetingId"), let body = string("bodyId") {
                let attendees = (p["attendees"]?.arrayValue ?? []).compactMap { a -> (String, String)? in
                    guard let person = a["personId"]?.stringValue, let category = a["category"]?.stringValue else { return nil }
                    return (person, category)
                }
                let recused = Set((p["declarationsMade"]?.arrayValue ?? []).compactMap { d -> String? in
                    d["action"]?.stringValue == "recused" ? d["personId"]?.stringValue : nil
                })
                meetings[id] = Meeting(index: index, body: body, day: day, attendees: attendees, recused: recused)
            }
        case "decision.proposed":
            if let id = string("decisionId"), let body = string("bodyId") { decisionBody[id] = body }
        case "decision.recorded":
            if let id = string("decisionId"), let meeting = string("meetingId") {
                decisions.append(Decision(index: index, id: id, meeting: meeting, day: day))
            }
        case "feedback.received":
            if let id = string("feedbackId") {
                feedback[id] = Feedback(index: index, id: id, day: dayOf("receivedAt"), contactConsent: p["contactConsent"]?.boolValue ?? false)
                feedbackOrder.append(id)
            }
        case "feedback.acknowledged":
            if let id = string("feedbackId") { feedback[id]?.acks.append((dayOf("at"), index)) }
        case "feedback.status_updated", "feedback.triaged", "feedback.linked":
            if let id = string("feedbackId") { feedback[id]?.updates.append(day) }
        case "feedback.responded":
            if let id = string("feedbackId") {
                feedback[id]?.responses.append((day, index))
                responses.append(Response(
                    index: index, feedback: id, changeStatus: string("changeStatus") ?? "", changeDescription: string("changeDescription"),
                    actionRef: string("actionRef")))
            }
        case "feedback.closed":
            if let id = string("feedbackId") { feedback[id]?.closed = day }
        case "feedback.submitter_notified":
            if let id = string("feedbackId") { feedback[id]?.notified.append(dayOf("at")) }
        case "contribution.recorded":
            if let id = string("contributionId") {
                contributions[id] = Contribution(index: index, id: id, day: day, body: string("bodyId") ?? string("meetingId").flatMap { meetings[$0]?.body })
                contributionOrder.append(id)
            }
        case "contribution.influence_traced":
            if let id = string("contributionId") { contributions[id]?.traced.append(day) }
        case "action.created":
            if let id = string("actionId") {
                actions[id] = Action(index: index, id: id, code: string("actionCode") ?? id, owner: string("ownerRoleId"), due: string("dueDate").flatMap(Day.number))
            }
        case "action.status_changed":
            if let id = string("actionId") { actions[id]?.changes.append((day, string("status") ?? "")) }
        case "region.registered":
            if let id = string("regionId"), p["servicesProvided"]?.boolValue != false { regions[id] = (index, day) }
        case "review.held":
            if let region = string("regionId") {
                var participants: [String: Int] = [:]
                for (k, v) in p["participants"]?.objectValue ?? [:] { participants[k] = v.intValue ?? 0 }
                reviews.append(Review(index: index, region: region, day: day, participants: participants))
            }
        case "report.published":
            // A publication recorded afterwards for the record (historical) counts at the end of the
            // period it covers, since the log cannot know the day it came out.
            if string("type") == "annual_findings" {
                let covered = p["period"]?["to"]?.stringValue.flatMap(Day.number)
                annualReports.append((p["historical"]?.boolValue == true ? (covered ?? day) : day, index))
            }
        case "project.started":
            if let id = string("projectId") { projectCategory[id] = string("category") ?? "other" }
        case "project.completed":
            if let id = string("projectId") { projectsCompleted.append((id, day, index)) }
        case "subject.erasure_requested":
            if let id = string("requestId") { erasureRequests[id] = (dayOf("receivedAt"), index) }
        case "subject.erased":
            if let ref = string("requestRef") { erased[ref] = dayOf("at") }
        case "key.revoked":
            if let id = string("keyId") {
                revokedKeys[id] = (index, string("reason") ?? "", string("effectiveAt").flatMap(Day.number))
            }
        default:
            break
        }
    }
}
