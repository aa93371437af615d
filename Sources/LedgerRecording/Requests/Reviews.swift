public import LedgerDomain

// Reviews, reports, place-based projects and independent evaluations (groups I and J): the
// verbs that had needed `coledger new` and hand-edited JSON. None needs anything from the log, so
// each payload is its own request (``DirectRequest``), built with its `make(...)` builder.

/// A local or regional review was held (`review.held`).
extension ReviewHeld: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.reviewId.stringValue: "--id", K.scope.stringValue: "--scope", K.regionId.stringValue: "--region",
        K.serviceId.stringValue: "--service", K.meetingId.stringValue: "--meeting",
        K.period.stringValue: "--period-from/--period-to",
        K.participants.stringValue: "--service-users/--carers/--vcse/--marginalised/--staff",
        K.findingsHash.stringValue: "--findings-hash", K.actionsRaised.stringValue: "--action-raised",
    ]

    /// `Recorded the local review RV-1 in london (2026-04-01 to 2026-09-30, 27 taking part).`
    public func summary(of payload: ReviewHeld) -> String {
        let p = participants
        let total = p.serviceUsers + p.carers + p.vcse + p.marginalisedCommunities + p.staff
        return
            "Recorded the \(scope.rawValue) review \(reviewId) in \(regionId) (\(period.from) to \(period.to), \(total) taking part)."
    }
}

/// A report was published (`report.published`).
extension ReportPublished: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.reportId.stringValue: "--id", K.type.stringValue: "--type", K.title.stringValue: "--title",
        K.period.stringValue: "--period-from/--period-to", K.url.stringValue: "--url",
        K.docHash.stringValue: "--document-hash",
        K.sdcAttestation.stringValue: "--sdc-policy/--sdc-checked-by", K.accessibleFormats.stringValue: "--format",
        K.regionId.stringValue: "--region", K.planId.stringValue: "--plan", K.planVersion.stringValue: "--plan-version",
        K.observationRefs.stringValue: "--observation", K.supersedesReportId.stringValue: "--supersedes",
    ]

    /// `Published report RP-1 (annual_findings, 2026-04-01 to 2027-03-31).`
    public func summary(of payload: ReportPublished) -> String {
        "Published report \(reportId) (\(type.rawValue), \(period.from) to \(period.to))."
    }
}

/// A place-based project started (`project.started`).
extension PlaceBasedProjectStarted: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.projectId.stringValue: "--id", K.category.stringValue: "--category", K.regionId.stringValue: "--region",
        K.partners.stringValue: "--partner", K.objectives.stringValue: "--objective",
        K.actionId.stringValue: "--action",
    ]

    /// `Started project PBP-1 in north-east (community_engagement).`
    public func summary(of payload: PlaceBasedProjectStarted) -> String {
        "Started project \(projectId) in \(regionId) (\(category.rawValue))."
    }
}

/// A place-based project was completed (`project.completed`, rule M-7).
extension PlaceBasedProjectCompleted: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.projectId.stringValue: "--id", K.outcomeSummary.stringValue: "--outcome",
        K.evidenceRefs.stringValue: "--evidence",
    ]

    /// `Completed project PBP-1 (2 pieces of evidence).`
    public func summary(of payload: PlaceBasedProjectCompleted) -> String {
        "Completed project \(projectId) (\(evidenceRefs.count) piece\(evidenceRefs.count == 1 ? "" : "s") of evidence)."
    }
}

/// An independent evaluation was commissioned (`evaluation.commissioned`, rule M-5).
extension IndependentEvaluationCommissioned: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.evaluationId.stringValue: "--id", K.evaluatorOrg.stringValue: "--evaluator",
        K.evaluatorPartnerId.stringValue: "--evaluator-partner", K.independenceStatement.stringValue: "--independence",
        K.scope.stringValue: "--scope", K.regionId.stringValue: "--region", K.decisionRef.stringValue: "--decision",
    ]

    /// `Commissioned evaluation EV-1 from <org> (national).`
    public func summary(of payload: IndependentEvaluationCommissioned) -> String {
        "Commissioned evaluation \(evaluationId) from \(evaluatorOrg) (\(scope.rawValue))."
    }
}

/// An independent evaluation reported (`evaluation.reported`, rule M-5).
extension IndependentEvaluationReported: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.evaluationId.stringValue: "--id", K.reportHash.stringValue: "--report-hash",
        K.findings.stringValue: "--findings",
        K.recommendations.stringValue: "--recommendation", K.reportId.stringValue: "--report-id",
    ]

    /// `Recorded the report of evaluation EV-1 (2 recommendations).`
    public func summary(of payload: IndependentEvaluationReported) -> String {
        "Recorded the report of evaluation \(evaluationId) (\(recommendations.count) recommendation\(recommendations.count == 1 ? "" : "s"))."
    }
}
