import LedgerCore
import LedgerDomain

extension AuditModel {
    /// Folds one event (in log order) into the model when it had happened by `asOfDay` (its
    /// effective day on or before it): the audit's one "as of" rule, whichever way the entries
    /// arrive (the verifier's pass, a bundle, a year judged day by day).
    mutating func observe(_ event: Event, at index: Int, asOf asOfDay: Int) {
        let day = Day.number(EffectiveTime.of(event)) ?? 0
        guard day <= asOfDay else { return }
        observe(event, at: index, day: day)
    }

    /// Folds one event (in log order) into the model, on its effective day. Constant work per
    /// event apart from the arrays it carries, so the audit stays linear in the log's size.
    private mutating func observe(_ event: Event, at index: Int, day: Int) {
        let p = event.payload
        firstDay = min(firstDay ?? day, day)
        lastDay = max(lastDay ?? day, day)
        func string(_ k: String) -> String? { p[k]?.stringValue }
        func strings(_ k: String) -> [String] { (p[k]?.arrayValue ?? []).compactMap(\.stringValue) }
        func dayOf(_ k: String) -> Int { string(k).flatMap(Day.number) ?? day }
        func refs(_ k: String) -> [(kind: String, id: String)] {
            (p[k]?.arrayValue ?? []).compactMap { r in r["kind"]?.stringValue.flatMap { kind in r["id"]?.stringValue.map { (kind, $0) } } }
        }
        signedBy[event.signer, default: []].append(Signed(index: index, day: day))
        observePrivacy(event, at: index)
        switch event.type {
        case "ledger.genesis":
            genesisPlan = string("planId")
            for admin in p["admins"]?.arrayValue ?? [] {
                if let id = admin["keyId"]?.stringValue { keyHolders[id] = (admin["holder"]?.stringValue, "admin") }
            }
        case "key.registered":
            if let id = string("keyId") { keyHolders[id] = (string("holder"), string("role") ?? "member") }
        case "person.registered":
            if let id = string("personId") { persons[id] = strings("categories") }
        case "role.assigned":
            if let role = string("roleId"), let person = string("personId") {
                roleTenures[role, default: []].append(Tenure(person: person, from: dayOf("from"), to: nil, body: string("bodyId"), index: index, endIndex: nil))
            }
        case "role.ended":
            if let role = string("roleId"), let person = string("personId"),
                let open = roleTenures[role]?.lastIndex(where: { $0.person == person && $0.to == nil })
            {
                roleTenures[role]?[open].to = dayOf("to")
                roleTenures[role]?[open].endIndex = index
            }
        case "region.registered":
            if let id = string("regionId"), p["servicesProvided"]?.boolValue != false { regions[id] = Dated(day: day, index: index) }
        case "service.registered":
            if let id = string("serviceId"), let region = string("regionId") { services[id] = (region, Dated(day: day, index: index)) }
        case "partner.registered":
            if let id = string("partnerId") { partners[id] = (string("type") ?? "other", strings("regionIds")) }
        case "body.established", "body.terms_amended":
            observeBody(event, at: index, day: day)
        case "body.dissolved":
            if let id = string("bodyId") { bodies[id]?.dissolved = day }
        case "member.joined":
            if let body = string("bodyId"), let person = string("personId") {
                memberships[body, default: []].append(Membership(
                    person: person, category: string("membershipCategory") ?? "", from: dayOf("from"), to: nil, index: index, endIndex: nil))
            }
        case "member.left":
            if let body = string("bodyId"), let person = string("personId"),
                let open = memberships[body]?.lastIndex(where: { $0.person == person && $0.to == nil })
            {
                memberships[body]?[open].to = dayOf("to")
                memberships[body]?[open].endIndex = index
            }
        case "meeting.held":
            observeMeeting(event, at: index, day: day)
        case "minutes.approved":
            if let id = string("meetingId"), let at = string("approvedAtMeetingId") { minutesApproved[id, default: []].append((at, index)) }
        case "decision.proposed":
            if let id = string("decisionId"), let body = string("bodyId") {
                let inputs = refs("inputs")
                let cited = inputs.filter { $0.kind == "event" }.map(\.id)
                for e in cited { decisionsCiting[e, default: []].append(id) }
                proposals[id] = Proposal(
                    index: index, body: body, proposer: string("proposer"), contributions: inputs.filter { $0.kind == "contribution" }.map(\.id),
                    events: cited)
            }
        case "decision.recorded":
            if let id = string("decisionId"), let meeting = string("meetingId") {
                let tally = p["tally"].map { t in ["inFavour", "against", "abstained"].reduce(0) { $0 + (t[$1]?.intValue ?? 0) } }
                decisions.append(Decision(
                    index: index, id: id, meeting: meeting, day: day, tally: tally, recusals: Set(strings("recusals")), ladderRung: string("ladderRung")))
            }
        case "board.update_given":
            if let body = string("bodyId") { boardUpdates.append(BoardUpdate(body: body, mode: string("mode") ?? "", day: day, index: index)) }
        case "representation.reviewed":
            let cells = (p["aggregateComposition"]?.arrayValue ?? []).compactMap { c -> (String, JSONValue)? in
                guard let count = c["count"] else { return nil }
                return ([c["bodyId"]?.stringValue ?? "", c["dimension"]?.stringValue ?? ""].joined(separator: " "), count)
            }
            representationReviews.append(RepresentationReview(day: day, index: index, cells: cells))
        case "feedback.received":
            if let id = string("feedbackId") {
                feedback[id] = Feedback(
                    index: index, id: id, day: dayOf("receivedAt"), contactConsent: p["contactConsent"]?.boolValue ?? false,
                    publishConsent: p["consentToPublish"]?.boolValue ?? false)
                feedbackOrder.append(id)
            }
        case "feedback.acknowledged":
            if let id = string("feedbackId") { feedback[id]?.acks.append((dayOf("at"), index)) }
        case "feedback.status_updated", "feedback.triaged", "feedback.linked":
            if let id = string("feedbackId") { feedback[id]?.updates.append(day) }
        case "feedback.responded":
            if let id = string("feedbackId") {
                feedback[id]?.responses.append((day, index))
                // Texts the submitter did not consent to publish belong in the private part (rule P-1).
                if feedback[id]?.publishConsent == false,
                    let leaked = FeedbackResponded.consentedTextFields.first(where: { p[$0] != nil })
                {
                    privateInPayload.append((index, event.type, leaked))
                }
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
                contributions[id] = Contribution(
                    index: index, id: id, day: day, person: string("personId"), body: string("bodyId") ?? string("meetingId").flatMap { meetings[$0]?.body })
                contributionOrder.append(id)
            }
        case "contribution.influence_traced":
            if let id = string("contributionId") { contributions[id]?.traced.append(day) }
            if string("targetType") == "action", let action = string("targetId") { actions[action]?.tracedContributions += 1 }
        case "involvement.recognition_recorded":
            if let id = string("recognitionId"), let status = string("status") {
                if recognitions[id] == nil {
                    recognitions[id] = Recognition(index: index)
                    recognitionOrder.append(id)
                }
                if status == "offered" {
                    if recognitions[id]?.offered == nil { recognitions[id]?.offered = day }
                } else if recognitions[id]?.settled == nil {
                    recognitions[id]?.settled = Dated(day: day, index: index)
                }
            }
        case "plan.version_published":
            if let plan = string("planId") {
                planVersions.append(PlanVersion(
                    index: index, plan: plan, version: p["version"]?.intValue ?? 1, scope: string("scope") ?? "national", region: string("regionId"),
                    owner: string("ownerRoleId") ?? "", coDeveloped: refs("coDevelopedWith"), day: day))
            }
        case "action.created":
            if let id = string("actionId") {
                actions[id] = Action(
                    index: index, id: id, code: string("actionCode") ?? id, day: day, owner: string("ownerRoleId"), due: string("dueDate").flatMap(Day.number),
                    competencies: strings("competencies"), sourceDecision: string("sourceDecisionId"))
            }
        case "action.status_changed":
            if let id = string("actionId") { actions[id]?.changes.append((day, string("status") ?? "")) }
        case "review.held":
            if let region = string("regionId") {
                var participants: [String: Int] = [:]
                for (k, v) in p["participants"]?.objectValue ?? [:] { participants[k] = v.intValue ?? 0 }
                reviews.append(Review(index: index, region: region, day: day, participants: participants))
            }
        case "report.published":
            observeReport(event, at: index, day: day)
        case "evaluation.reported":
            evaluations.append((event.signer, day, index))
        case "project.started":
            if let id = string("projectId") { projectCategory[id] = string("category") ?? "other" }
        case "project.completed":
            if let id = string("projectId") { projectsCompleted.append((id, day, index)) }
        case "service.plan_coproduced":
            if let service = string("serviceId") {
                let needs = ["languageAccessibility", "culturalFood", "faithSpiritual", "aftercare", "traumaInformed"]
                let missing = needs.filter { need in
                    guard let n = p["needsAddressed"]?[need], let status = n["status"]?.stringValue else { return true }
                    return status == "not_applicable" && (n["reason"]?.stringValue ?? "").isEmpty
                }
                servicePlans.append(ServicePlan(
                    index: index, id: string("servicePlanId") ?? service, service: service, day: day, needsMissing: missing, partners: strings("partners"),
                    ladderRung: string("ladderRung"), contributions: strings("contributionRefs")))
            }
        case "metric.defined":
            if let id = string("metricId") {
                if metrics[id] == nil { metricOrder.append(id) }
                metrics[id] = Metric(
                    index: index, id: id, code: string("code") ?? id, day: day, competencies: strings("competencies"), scope: string("scope") ?? "national",
                    dimensions: strings("dimensions"), cadence: string("cadence") ?? "ad_hoc", coproducedRefs: strings("locallyCoproducedRefs").count)
            }
        case "metric.observed":
            observeObservation(event, at: index, day: day)
        case "metric.disparity_identified":
            if let id = string("disparityId"), let metric = string("metricId") {
                disparities.append(Disparity(index: index, id: id, metric: metric, observation: string("observationRef"), event: event.id, day: day))
            }
        case "partner.satisfaction_observed":
            if let group = string("respondentGroup") { satisfaction.append((group, day, index)) }
        case "policy.parameter_set":
            if let rule = string("ruleId"), let parameter = string("parameter") {
                let value = string("value") ?? p["value"].map { "\($0)" } ?? ""
                exemptions[rule, default: []].append((parameter, value, index))
            }
        case "subject.erasure_requested":
            if let id = string("requestId") { erasureRequests[id] = (dayOf("receivedAt"), index) }
        case "subject.erased":
            if let ref = string("requestRef") { erased[ref] = dayOf("at") }
            if let subject = string("subject") { erasedSubjects[subject] = index }
        case "key.revoked":
            if let id = string("keyId") {
                revokedKeys[id] = (index, string("reason") ?? "", string("effectiveAt").flatMap(Day.number))
            }
        case "event.visibility_changed":
            if let id = string("eventId"), let visibility = string("newVisibility") { visibilityChanges.append((id, visibility, index)) }
        default:
            break
        }
        for key in ["evidenceRefs", "coDevelopedWith"] {
            for r in p[key]?.arrayValue ?? [] where r["kind"]?.stringValue == "event" {
                if let id = r["id"]?.stringValue { citedEvents.insert(id) }
            }
        }
        if let r = p["evidenceRef"], r["kind"]?.stringValue == "event", let id = r["id"]?.stringValue { citedEvents.insert(id) }
        if event.type == "decision.proposed" {
            for r in p["inputs"]?.arrayValue ?? [] where r["kind"]?.stringValue == "event" {
                if let id = r["id"]?.stringValue { citedEvents.insert(id) }
            }
        }
    }

    private mutating func observeBody(_ event: Event, at index: Int, day: Int) {
        let p = event.payload
        guard let id = p["bodyId"]?.stringValue else { return }
        if event.type == "body.established" {
            bodies[id] = Body(
                index: index, id: id, type: p["bodyType"]?.stringValue ?? id, day: day, region: p["regionId"]?.stringValue,
                chairRole: p["chairRoleId"]?.stringValue, facilitatorRoles: (p["facilitatorRoleIds"]?.arrayValue ?? []).compactMap(\.stringValue),
                quorumMin: p["quorumRule"]?["min"]?.intValue ?? 0, quorumOf: p["quorumRule"]?["ofCategory"]?.stringValue,
                ebeMin: p["ebePresenceRule"]?["minCount"]?.intValue, ebeShare: p["ebePresenceRule"]?["minShare"]?.doubleValue,
                chairHistory: [(p["chairRoleId"]?.stringValue, index)], facilitatorsIndex: index)
            return
        }
        guard bodies[id] != nil else { return }
        if let chair = p["chairRoleId"]?.stringValue {
            bodies[id]?.chairRole = chair
            bodies[id]?.chairHistory.append((chair, index))
        }
        if let roles = p["facilitatorRoleIds"]?.arrayValue {
            bodies[id]?.facilitatorRoles = roles.compactMap(\.stringValue)
            bodies[id]?.facilitatorsIndex = index
        }
        if let quorum = p["quorumRule"] {
            bodies[id]?.quorumMin = quorum["min"]?.intValue ?? 0
            bodies[id]?.quorumOf = quorum["ofCategory"]?.stringValue
        }
        if let rule = p["ebePresenceRule"] {
            bodies[id]?.ebeMin = rule["minCount"]?.intValue
            bodies[id]?.ebeShare = rule["minShare"]?.doubleValue
        }
    }

    private mutating func observeMeeting(_ event: Event, at index: Int, day: Int) {
        let p = event.payload
        guard let id = p["meetingId"]?.stringValue, let body = p["bodyId"]?.stringValue else { return }
        let attendees = (p["attendees"]?.arrayValue ?? []).compactMap { a -> Attendee? in
            guard let person = a["personId"]?.stringValue, let category = a["category"]?.stringValue else { return nil }
            return Attendee(person: person, category: category, role: a["role"]?.stringValue ?? "member")
        }
        var declarations: [(person: String, item: String, action: String)]?
        if let made = p["declarationsMade"]?.arrayValue, !made.isEmpty {
            declarations = made.compactMap { d in
                d["personId"]?.stringValue.map { ($0, d["itemRef"]?.stringValue ?? "", d["action"]?.stringValue ?? "") }
            }
        } else if p["noneDeclared"]?.boolValue == true {
            declarations = []
        }
        let recused = Set((declarations ?? []).filter { $0.action == "recused" }.map(\.person))
        if meetings[id] == nil { meetingOrder.append(id) }
        meetings[id] = Meeting(
            index: index, id: id, body: body, day: day, attendees: attendees, recused: recused, terms: bodies[body], declarations: declarations)
    }

    private mutating func observeReport(_ event: Event, at index: Int, day: Int) {
        let p = event.payload
        guard let id = p["reportId"]?.stringValue, let type = p["type"]?.stringValue else { return }
        // A publication recorded afterwards for the record (historical) counts at the end of the
        // period it covers, since the log cannot know the day it came out.
        let covered = p["period"]?["to"]?.stringValue.flatMap(Day.number)
        let published = p["historical"]?.boolValue == true ? min(day, covered ?? day) : day
        reports.append(Report(
            index: index, id: id, type: type, day: published, plan: p["planId"]?.stringValue, planVersion: p["planVersion"]?.stringValue,
            observations: (p["observationRefs"]?.arrayValue ?? []).compactMap(\.stringValue)))
        if type == "annual_findings" { annualReports.append((published, index)) }
    }

    private mutating func observeObservation(_ event: Event, at index: Int, day: Int) {
        let p = event.payload
        guard let metric = p["metricId"]?.stringValue else { return }
        observationMetric[event.id] = metric
        let c = p["completeness"]
        let completeness = c.flatMap { c in
            c["notStated"]?.intValue.flatMap { s in c["notKnown"]?.intValue.map { (notStated: s, notKnown: $0, total: c["total"]?.intValue) } }
        }
        var hasEthnicity = false
        var bad: [String] = []
        for cell in p["cells"]?.arrayValue ?? [] {
            if let code = cell["dims"]?["ethnicity"]?.stringValue {
                hasEthnicity = true
                if EthnicityCode(rawValue: code) == nil { bad.append(code) }
            }
            if let group = cell["dims"]?["ethnicityGroup"]?.stringValue {
                hasEthnicity = true
                if !["white", "mixed", "asian", "black", "other", "not_stated", "not_known"].contains(group) { bad.append(group) }
            }
        }
        if hasEthnicity {
            ethnicityChecked += 1
            if p["ethnicityCodeSystem"]?.stringValue != EthnicityCode.codeSystem {
                ethnicityProblems.append((index, "observation of \(metric) breaks cells down by ethnicity without declaring the code system (\(EthnicityCode.codeSystem))"))
            } else if !bad.isEmpty {
                ethnicityProblems.append((index, "observation of \(metric) uses \(bad.joined(separator: ", ")), not codes of \(EthnicityCode.codeSystem)"))
            }
        }
        let place = p["serviceId"]?.stringValue ?? p["regionId"]?.stringValue ?? "national"
        observations.append(Observation(
            index: index, id: event.id, metric: metric, day: day, place: place, completeness: completeness, hasEthnicity: hasEthnicity))
    }

    private mutating func observePrivacy(_ event: Event, at index: Int) {
        if specialCategoryTypes.contains(event.type) { specialCategoryEvents[event.id] = index }
        if let fields = Self.privateFields[event.type] {
            if let leaked = fields.first(where: { event.payload[$0] != nil }) {
                privateInPayload.append((index, event.type, leaked))
            }
            if event.privatePart != nil || fields.contains(where: { event.payload[$0] != nil }) {
                privateEvents += 1
                if event.payload["lawfulBasisRef"] == nil { privateWithoutBasis.append((index, event.type)) }
            }
        } else if event.privatePart != nil {
            privateEvents += 1
            if event.payload["lawfulBasisRef"] == nil { privateWithoutBasis.append((index, event.type)) }
        }
    }
}
