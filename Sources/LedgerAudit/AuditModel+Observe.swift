import LedgerCore
import LedgerDomain

extension AuditModel {
    /// Folds one event (in log order) into the model when it had happened by `asOfDay` (its
    /// effective day on or before it): the audit's one "as of" rule, whichever way the entries
    /// arrive (the verifier's pass, a bundle, a year judged day by day). `decoded` is the payload
    /// as the verifier's admission policy decoded it, if it did (``Catalogue/current(_:of:)``
    /// brings it to the newest version of its type, decoding only when it must).
    mutating func observe(_ event: Event, decoded: (any Sendable)? = nil, at index: Int, asOf asOfDay: Int) {
        let day = Day.number(EffectiveTime.of(event)) ?? 0
        guard day <= asOfDay else { return }
        observe(event, payload: Catalogue.current(decoded, of: event), at: index, day: day)
    }

    /// Folds one event (in log order) on its effective day, switching on its typed payload. An
    /// event whose payload does not decode counts only for its signer, its day and its private
    /// part. Constant work per event apart from the arrays it carries, so the audit stays linear
    /// in the log's size.
    private mutating func observe(_ event: Event, payload: (any EventPayload)?, at index: Int, day: Int) {
        firstDay = min(firstDay ?? day, day)
        lastDay = max(lastDay ?? day, day)
        func dayOf(_ text: String?) -> Int { text.flatMap(Day.number) ?? day }
        signedBy[event.signer, default: []].append(Signed(index: index, day: day))
        observePrivacy(event, payload: payload, at: index)
        guard let payload else {
            observeUndecodable(event, at: index, day: day)
            return
        }
        switch payload {
        case let p as LedgerGenesis:
            genesisPlan = p.planId?.rawValue
            for admin in p.admins {
                keyHolders[admin.keyId.rawValue] = (admin.holder?.rawValue, KeyRole.admin.rawValue)
            }
        case let p as KeyRegistered:
            keyHolders[p.keyId.rawValue] = (p.holder?.rawValue, (p.role ?? .member).rawValue)
        case let p as PersonRegistered:
            persons[p.personId.rawValue] = p.categories.map(\.rawValue)
        case let p as RoleAssigned:
            roleTenures[p.roleId.rawValue, default: []].append(
                Tenure(
                    person: p.personId.rawValue, from: dayOf(p.from.rawValue), to: nil, body: p.bodyId?.rawValue,
                    index: index, endIndex: nil))
        case let p as RoleEnded:
            let person = p.personId.rawValue
            if let open = roleTenures[p.roleId.rawValue]?.lastIndex(where: { $0.person == person && $0.to == nil }) {
                roleTenures[p.roleId.rawValue]?[open].to = dayOf(p.to.rawValue)
                roleTenures[p.roleId.rawValue]?[open].endIndex = index
            }
        case let p as RegionRegistered:
            if p.servicesProvided { regions[p.regionId.rawValue] = Dated(day: day, index: index) }
        case let p as ServiceRegistered:
            services[p.serviceId.rawValue] = (p.regionId.rawValue, Dated(day: day, index: index))
        case let p as PartnerRegistered:
            partners[p.partnerId] = (p.type.rawValue, p.regionIds)
        case let p as BodyEstablished:
            bodies[p.bodyId.rawValue] = Body(
                index: index, id: p.bodyId.rawValue, type: p.bodyType.rawValue, day: day, region: p.regionId?.rawValue,
                chairRole: p.chairRoleId?.rawValue, facilitatorRoles: p.facilitatorRoleIds.map(\.rawValue),
                quorumMin: p.quorumRule.min.value, quorumOf: p.quorumRule.ofCategory?.rawValue,
                ebeMin: p.ebePresenceRule.minCount.value, ebeShare: p.ebePresenceRule.minShare?.value,
                chairHistory: [(p.chairRoleId?.rawValue, index)], facilitatorsIndex: index)
        case let p as BodyTermsAmended:
            observeAmendment(p, at: index)
        case let p as BodyDissolved:
            bodies[p.bodyId.rawValue]?.dissolved = day
        case let p as MemberJoined:
            memberships[p.bodyId.rawValue, default: []].append(
                Membership(
                    person: p.personId.rawValue, category: p.membershipCategory.rawValue, from: dayOf(p.from.rawValue),
                    to: nil, index: index, endIndex: nil))
        case let p as MemberLeft:
            let person = p.personId.rawValue
            if let open = memberships[p.bodyId.rawValue]?.lastIndex(where: { $0.person == person && $0.to == nil }) {
                memberships[p.bodyId.rawValue]?[open].to = dayOf(p.to.rawValue)
                memberships[p.bodyId.rawValue]?[open].endIndex = index
            }
        case let p as MeetingHeld:
            observeMeeting(p, at: index, day: day)
        case let p as MinutesApproved:
            minutesApproved[p.meetingId.rawValue, default: []].append((p.approvedAtMeetingId.rawValue, index))
        case let p as DecisionProposed:
            let id = p.decisionId.rawValue
            let cited = p.inputs.filter { $0.kind == .event }.map(\.id.rawValue)
            for e in cited { decisionsCiting[e, default: []].append(id) }
            proposals[id] = Proposal(
                index: index, body: p.bodyId.rawValue, proposer: p.proposer.rawValue,
                contributions: p.inputs.filter { $0.kind == .contribution }.map(\.id.rawValue), events: cited)
            cite(p.inputs)
        case let p as DecisionRecorded:
            let tally = p.tally.map { $0.inFavour.value + $0.against.value + $0.abstained.value }
            decisions.append(
                Decision(
                    index: index, id: p.decisionId.rawValue, meeting: p.meetingId.rawValue, day: day, tally: tally,
                    recusals: Set(p.recusals.map(\.rawValue)), ladderRung: p.ladderRung.rawValue))
        case let p as BoardUpdateGiven:
            boardUpdates.append(BoardUpdate(body: p.bodyId, mode: p.mode.rawValue, day: day, index: index))
        case let p as RepresentationReviewed:
            let cells = p.aggregateComposition.map { c in
                ([c.bodyId?.rawValue ?? "", c.dimension.rawValue].joined(separator: " "), c.count)
            }
            representationReviews.append(RepresentationReview(day: day, index: index, cells: cells))
        case let p as FeedbackReceived:
            feedback[p.feedbackId] = Feedback(
                index: index, id: p.feedbackId, day: dayOf(p.receivedAt), contactConsent: p.contactConsent,
                publishConsent: p.consentToPublish)
            feedbackOrder.append(p.feedbackId)
        case let p as FeedbackAcknowledged:
            feedback[p.feedbackId]?.acks.append((dayOf(p.at), index))
        case let p as FeedbackStatusUpdated:
            feedback[p.feedbackId]?.updates.append(day)
        case let p as FeedbackTriaged:
            feedback[p.feedbackId]?.updates.append(day)
        case let p as FeedbackLinked:
            feedback[p.feedbackId]?.updates.append(day)
        case let p as FeedbackResponded:
            let id = p.feedbackId
            feedback[id]?.responses.append((day, index))
            // Texts the submitter did not consent to publish belong in the private part (rule P-1).
            if feedback[id]?.publishConsent == false, let leaked = p.consentedTextsPresent.first {
                privateInPayload.append((index, event.type, leaked))
            }
            responses.append(
                Response(
                    index: index, feedback: id, changeStatus: p.changeStatus.rawValue,
                    changeDescription: p.changeDescription, actionRef: p.actionRef))
        case let p as FeedbackClosed:
            feedback[p.feedbackId]?.closed = day
        case let p as SubmitterNotified:
            feedback[p.feedbackId]?.notified.append(dayOf(p.at))
        case let p as ContributionRecorded:
            contributions[p.contributionId] = Contribution(
                index: index, id: p.contributionId, day: day, person: p.personId,
                body: p.bodyId ?? p.meetingId.flatMap { meetings[$0]?.body })
            contributionOrder.append(p.contributionId)
        case let p as ContributionInfluenceTraced:
            contributions[p.contributionId]?.traced.append(day)
            if p.targetType == .action { actions[p.targetId]?.tracedContributions += 1 }
        case let p as InvolvementRecognitionRecorded:
            let id = p.recognitionId
            if recognitions[id] == nil {
                recognitions[id] = Recognition(index: index)
                recognitionOrder.append(id)
            }
            if p.status == .offered {
                if recognitions[id]?.offered == nil { recognitions[id]?.offered = day }
            } else if recognitions[id]?.settled == nil {
                recognitions[id]?.settled = Dated(day: day, index: index)
            }
        case let p as PlanVersionPublished:
            planVersions.append(
                PlanVersion(
                    index: index, plan: p.planId.rawValue, version: p.version.value, scope: p.scope.rawValue,
                    region: p.regionId?.rawValue,
                    owner: p.ownerRoleId.rawValue,
                    coDeveloped: p.coDevelopedWith.map { ($0.kind.rawValue, $0.id.rawValue) }, day: day))
            cite(p.coDevelopedWith)
        case let p as ActionCreated:
            let id = p.actionId.rawValue
            actions[id] = Action(
                index: index, id: id, code: p.actionCode.rawValue, day: day, owner: p.ownerRoleId.rawValue,
                due: Day.number(p.dueDate.rawValue),
                competencies: p.competencies.map(\.rawValue), sourceDecision: p.sourceDecisionId?.rawValue)
        case let p as ActionStatusChanged:
            actions[p.actionId.rawValue]?.changes.append((day, p.status.rawValue))
            cite(p.evidenceRefs)
        case let p as MilestoneRecorded:
            cite([p.evidenceRef])
        case let p as ObligationRegistered:
            cite(p.evidenceRefs)
        case let p as ReviewHeld:
            reviews.append(Review(index: index, region: p.regionId, day: day, participants: p.participants))
        case let p as ReportPublished:
            observeReport(p, at: index, day: day)
        case is IndependentEvaluationReported:
            evaluations.append((event.signer, day, index))
        case let p as PlaceBasedProjectStarted:
            projectCategory[p.projectId] = p.category.rawValue
        case let p as PlaceBasedProjectCompleted:
            projectsCompleted.append((p.projectId, day, index))
        case let p as ServicePlanCoproduced:
            let missing = p.needsAddressed.byName.filter { need in
                need.need.status == .notApplicable && (need.need.reason ?? "").allSatisfy(\.isWhitespace)
            }.map(\.name)
            servicePlans.append(
                ServicePlan(
                    index: index, id: p.servicePlanId, service: p.serviceId, day: day, needsMissing: missing,
                    partners: p.partners,
                    ladderRung: p.ladderRung.rawValue, contributions: p.contributionRefs))
        case let p as MetricDefined:
            if metrics[p.metricId] == nil { metricOrder.append(p.metricId) }
            metrics[p.metricId] = Metric(
                index: index, id: p.metricId, code: p.code, day: day, competencies: p.competencies.map(\.rawValue),
                scope: p.scope.rawValue,
                dimensions: p.dimensions.map(\.rawValue), cadence: p.cadence.rawValue,
                coproducedRefs: p.locallyCoproducedRefs.count)
        case let p as MetricObserved:
            observeObservation(p, event: event, at: index, day: day)
        case let p as DisparityIdentified:
            disparities.append(
                Disparity(
                    index: index, id: p.disparityId, metric: p.metricId, observation: p.observationRef, event: event.id,
                    day: day))
        case let p as PartnerSatisfactionObserved:
            satisfaction.append((p.respondentGroup.rawValue, day, index))
        case let p as PolicyParameterSet:
            let value: String
            switch p.value {
            case .text(let text): value = text
            case .bool(let flag): value = "\(JSONValue.bool(flag))"
            case .number(let number): value = "\(JSONValue.number(number))"
            }
            exemptions[p.ruleId.rawValue, default: []].append((p.parameter.rawValue, value, index))
        case let p as ErasureRequested:
            erasureRequests[p.requestId] = (dayOf(p.receivedAt), index)
        case let p as SubjectKeyShredded:
            erased[p.requestRef] = dayOf(p.at)
            erasedSubjects[p.subject] = index
        case let p as KeyRevoked:
            revokedKeys[p.keyId.rawValue] = (
                index, p.reason?.rawValue ?? "", p.effectiveAt.flatMap { Day.number($0.rawValue) }
            )
        case let p as VisibilityChanged:
            visibilityChanges.append((p.eventId, p.newVisibility.rawValue, index))
        default:
            break
        }
    }

    /// An event whose payload the catalogue refuses (only a log kept without the domain policy
    /// holds one): an observation cannot show its ethnicity is coded (rule P-5), a meeting cannot
    /// show its declarations of interest (rule G-6).
    private mutating func observeUndecodable(_ event: Event, at index: Int, day: Int) {
        guard event.type == MetricObserved.eventType || event.type == MeetingHeld.eventType else { return }
        let problem: String
        do {
            _ = try Catalogue.decode(event)
            problem = "does not decode"
        } catch {
            problem = error.description
        }
        let detail = "entry \(index) in stream \(event.stream) is not a valid \(event.type): \(problem)"
        undecodable.append((index, event.type, event.stream, detail))
        if event.type == MetricObserved.eventType {
            ethnicityChecked += 1
            ethnicityProblems.append((index, detail))
            // Still an observation of its stream's metric on its day (cadence rules count it);
            // what it breaks down by cannot be read.
            if let metric = MetricObserved.metricId(inStream: event.stream) {
                observations.append(
                    Observation(
                        index: index, id: event.id, metric: metric, day: day, place: Scope.national.rawValue,
                        completeness: nil, hasEthnicity: false))
            }
        }
    }

    /// Event ids cited as evidence or input (`{"kind": "event"}` references).
    private mutating func cite(_ refs: [EntityRef]) {
        for r in refs where r.kind == .event { citedEvents.insert(r.id.rawValue) }
    }

    private mutating func observeAmendment(_ p: BodyTermsAmended, at index: Int) {
        let id = p.bodyId.rawValue
        guard bodies[id] != nil else { return }
        if let chair = p.chairRoleId?.rawValue {
            bodies[id]?.chairRole = chair
            bodies[id]?.chairHistory.append((chair, index))
        }
        if let roles = p.facilitatorRoleIds {
            bodies[id]?.facilitatorRoles = roles.map(\.rawValue)
            bodies[id]?.facilitatorsIndex = index
        }
        if let quorum = p.quorumRule {
            bodies[id]?.quorumMin = quorum.min.value
            bodies[id]?.quorumOf = quorum.ofCategory?.rawValue
        }
        if let rule = p.ebePresenceRule {
            bodies[id]?.ebeMin = rule.minCount.value
            bodies[id]?.ebeShare = rule.minShare?.value
        }
    }

    private mutating func observeMeeting(_ p: MeetingHeld, at index: Int, day: Int) {
        let id = p.meetingId.rawValue
        let body = p.bodyId.rawValue
        let attendees = p.attendees.map {
            Attendee(person: $0.personId.rawValue, category: $0.category.rawValue, role: $0.role.rawValue)
        }
        var declarations: [(person: String, item: String, action: String)]?
        if let made = p.declarationsMade, !made.isEmpty {
            declarations = made.map { ($0.personId.rawValue, $0.itemRef.rawValue, $0.action.rawValue) }
        } else if p.noneDeclared == true {
            declarations = []
        }
        let recused = Set((p.declarationsMade ?? []).filter { $0.action == .recused }.map(\.personId.rawValue))
        if meetings[id] == nil { meetingOrder.append(id) }
        meetings[id] = Meeting(
            index: index, id: id, body: body, day: day, attendees: attendees, recused: recused, terms: bodies[body],
            declarations: declarations)
    }

    private mutating func observeReport(_ p: ReportPublished, at index: Int, day: Int) {
        // A publication recorded afterwards for the record (historical) counts at the end of the
        // period it covers, since the log cannot know the day it came out.
        let covered = Day.number(p.period.to)
        let published = p.historical == true ? min(day, covered ?? day) : day
        reports.append(
            Report(
                index: index, id: p.reportId, type: p.type.rawValue, day: published, plan: p.planId,
                planVersion: p.planVersion,
                observations: p.observationRefs ?? []))
        if p.type == .annualFindings { annualReports.append((published, index)) }
    }

    private mutating func observeObservation(_ p: MetricObserved, event: Event, at index: Int, day: Int) {
        observationMetric[event.id] = p.metricId
        let completeness = p.completeness.map { (notStated: $0.notStated, notKnown: $0.notKnown, total: $0.total) }
        // Codes and groups decode only from their closed lists, so a typed observation can only
        // lack the code system it uses.
        let hasEthnicity = p.usesEthnicity
        if hasEthnicity {
            ethnicityChecked += 1
            if p.ethnicityCodeSystem?.rawValue != EthnicityCode.codeSystem {
                ethnicityProblems.append(
                    (
                        index,
                        "observation of \(p.metricId) breaks cells down by ethnicity without declaring the code system (\(EthnicityCode.codeSystem))"
                    ))
            }
        }
        let place = p.serviceId ?? p.regionId ?? Scope.national.rawValue
        observations.append(
            Observation(
                index: index, id: event.id, metric: p.metricId, day: day, place: place, completeness: completeness,
                hasEthnicity: hasEthnicity))
    }

    private mutating func observePrivacy(_ event: Event, payload: (any EventPayload)?, at index: Int) {
        if specialCategoryTypes.contains(event.type) { specialCategoryEvents[event.id] = index }
        let basis = payload?.lawfulBasis != nil
        if let fields = Self.privateFields[event.type] {
            let leaked = fields.first(where: { event.payload[$0] != nil })
            if let leaked { privateInPayload.append((index, event.type, leaked)) }
            if event.privatePart != nil || leaked != nil {
                privateEvents += 1
                // A payload holding a personal field does not decode, so its basis cannot be
                // read: the leak is the finding.
                if !basis && (payload != nil || leaked == nil) { privateWithoutBasis.append((index, event.type)) }
            }
        } else if event.privatePart != nil {
            privateEvents += 1
            if !basis { privateWithoutBasis.append((index, event.type)) }
        }
    }
}
