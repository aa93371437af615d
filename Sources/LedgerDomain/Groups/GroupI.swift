extension Catalogue {
    /// Catalogue group I (DOMAIN.md section 7.3): reviews, evaluation and reporting.
    static let groupI: [any EventPayload.Type] = [
        ReviewHeld.self, IndependentEvaluationCommissioned.self, IndependentEvaluationReported.self,
        BoardUpdateGiven.self, ReportPublished.self,
    ]
}

/// `review.held`: a local or regional review took place (DF-2; rule M-4 checks the cadence and participants).
public struct ReviewHeld: EventPayload {
    /// `review.held`
    public static let eventType = "review.held"
    /// 1
    public static let typeVersion = 1
    /// Group I.
    public static let group = CatalogueGroup.reviews
    /// One-line description.
    public static let summary = "A local or regional review was held: period, participant counts, findings hash, actions raised"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The review id, e.g. `RV-london-2026H1`.
    public var reviewId: String
    /// Local or regional.
    public var scope: ReportingVocabulary.ReviewScope
    /// The region (the locality rule M-4 is kept per region).
    public var regionId: String
    /// The service, for a service-level review.
    public var serviceId: String?
    /// The meeting it was held at, if recorded.
    public var meetingId: String?
    /// The period under review.
    public var period: MetricVocabulary.Period
    /// How many of each required group took part.
    public var participants: ReportingVocabulary.Participants
    /// Hash of the findings document.
    public var findingsHash: String
    /// Ids of actions raised (not checked as references: they are usually created after the review).
    public var actionsRaised: [String]

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case reviewId, scope, regionId, serviceId, meetingId, period, participants, findingsHash, actionsRaised
    }

    /// `review/<reviewId>`
    public var stream: String { "review/\(reviewId)" }
    /// Defines the review.
    public var defines: EntityReference? { EntityReference(.review, reviewId, at: "/reviewId") }
    /// The region, service and meeting.
    public var references: [EntityReference] {
        var refs = [EntityReference(.region, regionId, at: "/regionId")]
        if let serviceId { refs.append(EntityReference(.service, serviceId, at: "/serviceId")) }
        if let meetingId { refs.append(EntityReference(.meeting, meetingId, at: "/meetingId")) }
        return refs
    }

    /// The first 2026-27 half-year review in London.
    public static var example: Self {
        ReviewHeld(
            reviewId: "RV-london-2026H1", scope: .local, regionId: "london", serviceId: "SVC-LDN-CMH",
            meetingId: "MTG-REGFORUM-london-2026-09", period: .init(from: "2026-04-01", to: "2026-09-30"),
            participants: .init(serviceUsers: 9, carers: 4, vcse: 3, marginalisedCommunities: 6, staff: 5),
            findingsHash: "sha256:9c1d4e7a0b3f5d2c8e6a1b4f7d0c3e9a2b5d8f1c4e7a0b3d6f9c2e5a8b1d4f70",
            actionsRaised: ["DF-2-london-01"])
    }
}

extension ReviewHeld {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reviewId = try c.fkString(.reviewId, .id)
        scope = try c.fk(.scope)
        regionId = try c.fkString(.regionId, .id)
        serviceId = try c.fkStringIfPresent(.serviceId, .id)
        meetingId = try c.fkStringIfPresent(.meetingId, .id)
        period = try c.fk(.period)
        participants = try c.fk(.participants)
        findingsHash = try c.fkString(.findingsHash, .hash)
        actionsRaised = try c.fkStrings(.actionsRaised, .id)
    }
}

/// `evaluation.commissioned`: an independent evaluation was commissioned (CAD-2, rule M-5).
public struct IndependentEvaluationCommissioned: EventPayload {
    /// `evaluation.commissioned`
    public static let eventType = "evaluation.commissioned"
    /// 1
    public static let typeVersion = 1
    /// Group I.
    public static let group = CatalogueGroup.reviews
    /// One-line description.
    public static let summary = "An independent evaluation was commissioned, with the evaluator's independence statement"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The evaluation id, e.g. `EV-2026`.
    public var evaluationId: String
    /// The evaluating organisation's name.
    public var evaluatorOrg: String
    /// The evaluator as a registered partner, if it is one.
    public var evaluatorPartnerId: String?
    /// Why the evaluator is independent of Rethink.
    public var independenceStatement: String
    /// National, regional or local.
    public var scope: MetricVocabulary.Scope
    /// The region, for a regional or local evaluation.
    public var regionId: String?
    /// The decision that commissioned it, if any.
    public var decisionRef: String?

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case evaluationId, evaluatorOrg, evaluatorPartnerId, independenceStatement, scope, regionId, decisionRef
    }

    /// `evaluation/<evaluationId>`
    public var stream: String { "evaluation/\(evaluationId)" }
    /// Defines the evaluation.
    public var defines: EntityReference? { EntityReference(.evaluation, evaluationId, at: "/evaluationId") }
    /// The partner, region and decision.
    public var references: [EntityReference] {
        var refs: [EntityReference] = []
        if let evaluatorPartnerId { refs.append(EntityReference(.partner, evaluatorPartnerId, at: "/evaluatorPartnerId")) }
        if let regionId { refs.append(EntityReference(.region, regionId, at: "/regionId")) }
        if let decisionRef { refs.append(EntityReference(.decision, decisionRef, at: "/decisionRef")) }
        return refs
    }

    /// A university unit evaluates the first plan year nationally.
    public static var example: Self {
        IndependentEvaluationCommissioned(
            evaluationId: "EV-2026", evaluatorOrg: "Centre for Race and Mental Health Research, Midlands University",
            evaluatorPartnerId: "PT-0012",
            independenceStatement: "No staff, trustee or funding relationship with Rethink in the last three years.",
            scope: .national, regionId: nil, decisionRef: "D-2026-0051")
    }
}

extension IndependentEvaluationCommissioned {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        evaluationId = try c.fkString(.evaluationId, .id)
        evaluatorOrg = try c.fkString(.evaluatorOrg, .text)
        evaluatorPartnerId = try c.fkStringIfPresent(.evaluatorPartnerId, .id)
        independenceStatement = try c.fkString(.independenceStatement, .text)
        scope = try c.fk(.scope)
        regionId = try c.fkStringIfPresent(.regionId, .id)
        decisionRef = try c.fkStringIfPresent(.decisionRef, .id)
    }
}

/// `evaluation.reported`: an independent evaluation reported (rule M-5; sign with the evaluator's key).
public struct IndependentEvaluationReported: EventPayload {
    /// `evaluation.reported`
    public static let eventType = "evaluation.reported"
    /// 1
    public static let typeVersion = 1
    /// Group I.
    public static let group = CatalogueGroup.reviews
    /// One-line description.
    public static let summary = "An independent evaluation reported its findings and recommendations"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The evaluation id.
    public var evaluationId: String
    /// Hash of the evaluation report.
    public var reportHash: String
    /// A summary of the findings.
    public var findings: String
    /// The recommendations (may be empty).
    public var recommendations: [String]
    /// The published report, if already published.
    public var reportId: String?

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable { case evaluationId, reportHash, findings, recommendations, reportId }

    /// `evaluation/<evaluationId>`
    public var stream: String { "evaluation/\(evaluationId)" }
    /// The evaluation and the report.
    public var references: [EntityReference] {
        var refs = [EntityReference(.evaluation, evaluationId, at: "/evaluationId")]
        if let reportId { refs.append(EntityReference(.report, reportId, at: "/reportId")) }
        return refs
    }

    /// Year-one findings.
    public static var example: Self {
        IndependentEvaluationReported(
            evaluationId: "EV-2026",
            reportHash: "sha256:0f4e2a9d7c1b5e3f8a6d4c2b0e9f7a5d3c1b8e6f4a2d0c9b7e5f3a1d8c6b4e20",
            findings: "Feedback is acknowledged on time; fewer than half of LEAB contributions are traced back within 90 days.",
            recommendations: [
                "Trace every advisory board contribution within 90 days.", "Publish ethnicity completeness by service.",
            ],
            reportId: nil)
    }
}

extension IndependentEvaluationReported {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        evaluationId = try c.fkString(.evaluationId, .id)
        reportHash = try c.fkString(.reportHash, .hash)
        findings = try c.fkString(.findings, .text)
        recommendations = try c.fkStrings(.recommendations, .text, unique: false)
        reportId = try c.fkStringIfPresent(.reportId, .id)
    }
}

/// `board.update_given`: the Racial Justice and Equity team updated a board (LG-1, rule G-7).
///
/// A written update requires `paperHash`.
public struct BoardUpdateGiven: EventPayload {
    /// `board.update_given`
    public static let eventType = "board.update_given"
    /// 1
    public static let typeVersion = 1
    /// Group I.
    public static let group = CatalogueGroup.reviews
    /// One-line description.
    public static let summary = "A verbal or written update on the plan was given to a board"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The body updated, e.g. `B-TRUSTEES`, `B-REPB`.
    public var bodyId: String
    /// Verbal or written.
    public var mode: ReportingVocabulary.UpdateMode
    /// Hash of the paper (required for a written update).
    public var paperHash: String?
    /// Metrics reported in the update (may be empty).
    public var metricsIncluded: [String]
    /// The meeting it was given at, if recorded.
    public var meetingId: String?
    /// The role that gave it (e.g. `R-RJE-TEAM`), if recorded.
    public var givenByRoleId: String?

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable { case bodyId, mode, paperHash, metricsIncluded, meetingId, givenByRoleId }

    /// `body/<bodyId>`
    public var stream: String { "body/\(bodyId)" }
    /// The body, metrics, meeting and role.
    public var references: [EntityReference] {
        var refs = [EntityReference(.body, bodyId, at: "/bodyId")]
        for (i, metric) in metricsIncluded.enumerated() { refs.append(EntityReference(.metric, metric, at: "/metricsIncluded/\(i)")) }
        if let meetingId { refs.append(EntityReference(.meeting, meetingId, at: "/meetingId")) }
        if let givenByRoleId { refs.append(EntityReference(.role, givenByRoleId, at: "/givenByRoleId")) }
        return refs
    }

    /// A written update to the trustees.
    public static var example: Self {
        BoardUpdateGiven(
            bodyId: "B-TRUSTEES", mode: .written,
            paperHash: "sha256:5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a70",
            metricsIncluded: ["M-SUD-london"], meetingId: "MTG-TRUSTEES-2026-07", givenByRoleId: "R-RJE-TEAM")
    }
}

extension BoardUpdateGiven {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        bodyId = try c.fkString(.bodyId, .id)
        mode = try c.fk(.mode)
        paperHash = try c.fkStringIfPresent(.paperHash, .hash)
        metricsIncluded = try c.fkStrings(.metricsIncluded, .id)
        meetingId = try c.fkStringIfPresent(.meetingId, .id)
        givenByRoleId = try c.fkStringIfPresent(.givenByRoleId, .id)
        if mode == .written, paperHash == nil { throw c.fkMissing(.paperHash, "required when mode is written") }
    }
}
