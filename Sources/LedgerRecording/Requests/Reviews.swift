public import LedgerDomain

// Reviews, reports, place-based projects and independent evaluations (groups I and J): the
// verbs that had needed `coledger new` and hand-edited JSON.

/// A local or regional review was held (`review.held`).
public struct HoldReview: RecordingRequest {
    typealias K = ReviewHeld.CodingKeys
    /// The review id, e.g. `RV-london-2026H1`.
    public var reviewId: String
    /// Local or regional.
    public var scope: ReportingVocabulary.ReviewScope
    /// The region.
    public var regionId: String
    /// The service, for a local review.
    public var serviceId: String?
    /// The meeting it was held at.
    public var meetingId: String?
    /// The period reviewed.
    public var period: MetricVocabulary.Period
    /// How many took part, by group.
    public var participants: ReportingVocabulary.Participants
    /// The findings' digest, `sha256:<hex>`.
    public var findingsHash: String
    /// Actions it raised.
    public var actionsRaised: [String]

    /// Creates the request.
    public init(
        reviewId: String, scope: ReportingVocabulary.ReviewScope, regionId: String, serviceId: String? = nil,
        meetingId: String? = nil,
        period: MetricVocabulary.Period, participants: ReportingVocabulary.Participants, findingsHash: String,
        actionsRaised: [String] = []
    ) {
        self.reviewId = reviewId
        self.scope = scope
        self.regionId = regionId
        self.serviceId = serviceId
        self.meetingId = meetingId
        self.period = period
        self.participants = participants
        self.findingsHash = findingsHash
        self.actionsRaised = actionsRaised
    }

    /// The fields, by member.
    public static let fields = [
        K.reviewId.stringValue: "--id", K.scope.stringValue: "--scope", K.regionId.stringValue: "--region",
        K.serviceId.stringValue: "--service", K.meetingId.stringValue: "--meeting",
        K.period.stringValue: "--period-from/--period-to",
        K.participants.stringValue: "--service-users/--carers/--vcse/--marginalised/--staff",
        K.findingsHash.stringValue: "--findings-hash", K.actionsRaised.stringValue: "--action-raised",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> ReviewHeld {
        .make(
            reviewId: reviewId, scope: scope, regionId: regionId, serviceId: serviceId, meetingId: meetingId,
            period: period,
            participants: participants, findingsHash: findingsHash, actionsRaised: actionsRaised)
    }

    /// `Recorded the local review RV-1 in london (2026-04-01 to 2026-09-30, 27 taking part).`
    public func summary(of payload: ReviewHeld) -> String {
        let p = participants
        let total = p.serviceUsers + p.carers + p.vcse + p.marginalisedCommunities + p.staff
        return
            "Recorded the \(scope.rawValue) review \(reviewId) in \(regionId) (\(period.from) to \(period.to), \(total) taking part)."
    }
}

/// A report was published (`report.published`).
public struct PublishReport: RecordingRequest {
    typealias K = ReportPublished.CodingKeys
    /// The report id.
    public var reportId: String
    /// What kind of report.
    public var type: ReportingVocabulary.ReportType
    /// Its title.
    public var title: String
    /// The period it covers.
    public var period: MetricVocabulary.Period
    /// Where it is published.
    public var url: String
    /// The document's digest, `sha256:<hex>`.
    public var docHash: String
    /// The statistical disclosure control check.
    public var sdcAttestation: ReportingVocabulary.SdcAttestation
    /// Accessible formats it is published in.
    public var accessibleFormats: [ReportingVocabulary.AccessibleFormat]
    /// The region, for a regional report.
    public var regionId: String?
    /// The plan it reports on.
    public var planId: String?
    /// The plan version.
    public var planVersion: String?
    /// Observations (event ids) it reports.
    public var observationRefs: [String]
    /// The report it replaces.
    public var supersedesReportId: String?

    /// Creates the request.
    public init(
        reportId: String, type: ReportingVocabulary.ReportType, title: String, period: MetricVocabulary.Period,
        url: String,
        docHash: String, sdcAttestation: ReportingVocabulary.SdcAttestation,
        accessibleFormats: [ReportingVocabulary.AccessibleFormat] = [],
        regionId: String? = nil, planId: String? = nil, planVersion: String? = nil, observationRefs: [String] = [],
        supersedesReportId: String? = nil
    ) {
        self.reportId = reportId
        self.type = type
        self.title = title
        self.period = period
        self.url = url
        self.docHash = docHash
        self.sdcAttestation = sdcAttestation
        self.accessibleFormats = accessibleFormats
        self.regionId = regionId
        self.planId = planId
        self.planVersion = planVersion
        self.observationRefs = observationRefs
        self.supersedesReportId = supersedesReportId
    }

    /// The fields, by member.
    public static let fields = [
        K.reportId.stringValue: "--id", K.type.stringValue: "--type", K.title.stringValue: "--title",
        K.period.stringValue: "--period-from/--period-to", K.url.stringValue: "--url",
        K.docHash.stringValue: "--document-hash",
        K.sdcAttestation.stringValue: "--sdc-policy/--sdc-checked-by", K.accessibleFormats.stringValue: "--format",
        K.regionId.stringValue: "--region", K.planId.stringValue: "--plan", K.planVersion.stringValue: "--plan-version",
        K.observationRefs.stringValue: "--observation", K.supersedesReportId.stringValue: "--supersedes",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> ReportPublished {
        .make(
            reportId: reportId, type: type, title: title, period: period, url: url, docHash: docHash,
            sdcAttestation: sdcAttestation,
            accessibleFormats: accessibleFormats, regionId: regionId, planId: planId, planVersion: planVersion,
            observationRefs: observationRefs.isEmpty ? nil : observationRefs, supersedesReportId: supersedesReportId)
    }

    /// `Published report RP-1 (annual_findings, 2026-04-01 to 2027-03-31).`
    public func summary(of payload: ReportPublished) -> String {
        "Published report \(reportId) (\(type.rawValue), \(period.from) to \(period.to))."
    }
}

/// A place-based project started (`project.started`).
public struct StartProject: RecordingRequest {
    typealias K = PlaceBasedProjectStarted.CodingKeys
    /// The project id.
    public var projectId: String
    /// Its category.
    public var category: PartnershipVocabulary.ProjectCategory
    /// The region.
    public var regionId: String
    /// Partners (registered earlier).
    public var partners: [String]
    /// What it sets out to do (at least one).
    public var objectives: [String]
    /// The plan action it delivers.
    public var actionId: String?

    /// Creates the request.
    public init(
        projectId: String, category: PartnershipVocabulary.ProjectCategory, regionId: String, partners: [String] = [],
        objectives: [String], actionId: String? = nil
    ) {
        self.projectId = projectId
        self.category = category
        self.regionId = regionId
        self.partners = partners
        self.objectives = objectives
        self.actionId = actionId
    }

    /// The fields, by member.
    public static let fields = [
        K.projectId.stringValue: "--id", K.category.stringValue: "--category", K.regionId.stringValue: "--region",
        K.partners.stringValue: "--partner", K.objectives.stringValue: "--objective",
        K.actionId.stringValue: "--action",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> PlaceBasedProjectStarted {
        .make(
            projectId: projectId, category: category, regionId: regionId, partners: partners, objectives: objectives,
            actionId: actionId)
    }

    /// `Started project PBP-1 in north-east (community_engagement).`
    public func summary(of payload: PlaceBasedProjectStarted) -> String {
        "Started project \(projectId) in \(regionId) (\(category.rawValue))."
    }
}

/// A place-based project was completed (`project.completed`, rule M-7).
public struct CompleteProject: RecordingRequest {
    typealias K = PlaceBasedProjectCompleted.CodingKeys
    /// The project id.
    public var projectId: String
    /// What it achieved.
    public var outcomeSummary: String
    /// Evidence: `kind/id` references or `sha256:` digests (at least one).
    public var evidenceRefs: [String]

    /// Creates the request.
    public init(projectId: String, outcomeSummary: String, evidenceRefs: [String]) {
        self.projectId = projectId
        self.outcomeSummary = outcomeSummary
        self.evidenceRefs = evidenceRefs
    }

    /// The fields, by member.
    public static let fields = [
        K.projectId.stringValue: "--id", K.outcomeSummary.stringValue: "--outcome",
        K.evidenceRefs.stringValue: "--evidence",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> PlaceBasedProjectCompleted {
        .make(projectId: projectId, outcomeSummary: outcomeSummary, evidenceRefs: evidenceRefs)
    }

    /// `Completed project PBP-1 (2 pieces of evidence).`
    public func summary(of payload: PlaceBasedProjectCompleted) -> String {
        "Completed project \(projectId) (\(evidenceRefs.count) piece\(evidenceRefs.count == 1 ? "" : "s") of evidence)."
    }
}

/// An independent evaluation was commissioned (`evaluation.commissioned`, rule M-5).
public struct CommissionEvaluation: RecordingRequest {
    typealias K = IndependentEvaluationCommissioned.CodingKeys
    /// The evaluation id.
    public var evaluationId: String
    /// Who evaluates.
    public var evaluatorOrg: String
    /// The evaluator as a registered partner.
    public var evaluatorPartnerId: String?
    /// Why they are independent.
    public var independenceStatement: String
    /// National, regional or local.
    public var scope: MetricVocabulary.Scope
    /// The region, unless national.
    public var regionId: String?
    /// The decision that commissioned it.
    public var decisionRef: String?

    /// Creates the request.
    public init(
        evaluationId: String, evaluatorOrg: String, evaluatorPartnerId: String? = nil, independenceStatement: String,
        scope: MetricVocabulary.Scope, regionId: String? = nil, decisionRef: String? = nil
    ) {
        self.evaluationId = evaluationId
        self.evaluatorOrg = evaluatorOrg
        self.evaluatorPartnerId = evaluatorPartnerId
        self.independenceStatement = independenceStatement
        self.scope = scope
        self.regionId = regionId
        self.decisionRef = decisionRef
    }

    /// The fields, by member.
    public static let fields = [
        K.evaluationId.stringValue: "--id", K.evaluatorOrg.stringValue: "--evaluator",
        K.evaluatorPartnerId.stringValue: "--evaluator-partner", K.independenceStatement.stringValue: "--independence",
        K.scope.stringValue: "--scope", K.regionId.stringValue: "--region", K.decisionRef.stringValue: "--decision",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> IndependentEvaluationCommissioned {
        .make(
            evaluationId: evaluationId, evaluatorOrg: evaluatorOrg, evaluatorPartnerId: evaluatorPartnerId,
            independenceStatement: independenceStatement, scope: scope, regionId: regionId, decisionRef: decisionRef)
    }

    /// `Commissioned evaluation EV-1 from <org> (national).`
    public func summary(of payload: IndependentEvaluationCommissioned) -> String {
        "Commissioned evaluation \(evaluationId) from \(evaluatorOrg) (\(scope.rawValue))."
    }
}

/// An independent evaluation reported (`evaluation.reported`, rule M-5).
public struct ReportEvaluation: RecordingRequest {
    typealias K = IndependentEvaluationReported.CodingKeys
    /// The evaluation id.
    public var evaluationId: String
    /// The report's digest, `sha256:<hex>`.
    public var reportHash: String
    /// The findings in brief.
    public var findings: String
    /// Its recommendations.
    public var recommendations: [String]
    /// The published report, when there is one.
    public var reportId: String?

    /// Creates the request.
    public init(
        evaluationId: String, reportHash: String, findings: String, recommendations: [String] = [],
        reportId: String? = nil
    ) {
        self.evaluationId = evaluationId
        self.reportHash = reportHash
        self.findings = findings
        self.recommendations = recommendations
        self.reportId = reportId
    }

    /// The fields, by member.
    public static let fields = [
        K.evaluationId.stringValue: "--id", K.reportHash.stringValue: "--report-hash",
        K.findings.stringValue: "--findings",
        K.recommendations.stringValue: "--recommendation", K.reportId.stringValue: "--report-id",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> IndependentEvaluationReported {
        .make(
            evaluationId: evaluationId, reportHash: reportHash, findings: findings, recommendations: recommendations,
            reportId: reportId)
    }

    /// `Recorded the report of evaluation EV-1 (2 recommendations).`
    public func summary(of payload: IndependentEvaluationReported) -> String {
        "Recorded the report of evaluation \(evaluationId) (\(recommendations.count) recommendation\(recommendations.count == 1 ? "" : "s"))."
    }
}
