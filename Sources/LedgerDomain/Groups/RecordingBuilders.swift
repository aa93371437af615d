// Public builders for the group F–K payloads the recording API (LedgerRecording) creates.
// These types decode with `init(from:)` in an extension, so Swift synthesizes their memberwise
// initialisers (internal); these make them public under another name, one line each, so a
// renamed member fails to compile in every verb that builds it.

extension FeedbackTriaged {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        feedbackId: String, themes: [String], pillars: [TagVocabulary.Pillar], competencies: [TagVocabulary.Competency],
        criticality: Int, safeguardingFlag: Bool, ownerRoleId: String? = nil
    ) -> Self {
        Self(
            feedbackId: feedbackId, themes: themes, pillars: pillars, competencies: competencies,
            criticality: criticality, safeguardingFlag: safeguardingFlag, ownerRoleId: ownerRoleId)
    }
}

extension FeedbackLinked {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(feedbackId: String, targetType: FeedbackVocabulary.LinkTarget, targetId: String) -> Self {
        Self(feedbackId: feedbackId, targetType: targetType, targetId: targetId)
    }
}

extension FeedbackStatusUpdated {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(feedbackId: String, status: FeedbackVocabulary.Status, note: String? = nil) -> Self {
        Self(feedbackId: feedbackId, status: status, note: note)
    }
}

extension SubmitterNotified {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        feedbackId: String, at: String, method: FeedbackVocabulary.ContactMethod,
        kind: FeedbackVocabulary.NotificationKind
    ) -> Self {
        Self(feedbackId: feedbackId, at: at, method: method, kind: kind)
    }
}

extension ContributorNotified {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(contributionId: String, at: String, method: FeedbackVocabulary.ContactMethod?) -> Self {
        Self(contributionId: contributionId, at: at, method: method)
    }
}

extension BoardUpdateGiven {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        bodyId: String, mode: ReportingVocabulary.UpdateMode, paperHash: String? = nil, metricsIncluded: [String],
        meetingId: String? = nil, givenByRoleId: String? = nil
    ) -> Self {
        Self(
            bodyId: bodyId, mode: mode, paperHash: paperHash, metricsIncluded: metricsIncluded, meetingId: meetingId,
            givenByRoleId: givenByRoleId)
    }
}

extension ReviewHeld {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        reviewId: String, scope: ReportingVocabulary.ReviewScope, regionId: String, serviceId: String? = nil,
        meetingId: String? = nil, period: MetricVocabulary.Period, participants: ReportingVocabulary.Participants,
        findingsHash: String, actionsRaised: [String]
    ) -> Self {
        Self(
            reviewId: reviewId, scope: scope, regionId: regionId, serviceId: serviceId, meetingId: meetingId,
            period: period, participants: participants, findingsHash: findingsHash, actionsRaised: actionsRaised)
    }
}

extension ReportPublished {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        reportId: String, type: ReportingVocabulary.ReportType, title: String, period: MetricVocabulary.Period,
        url: String, docHash: String, sdcAttestation: ReportingVocabulary.SdcAttestation,
        accessibleFormats: [ReportingVocabulary.AccessibleFormat], regionId: String? = nil, planId: String? = nil,
        planVersion: String? = nil, observationRefs: [String]? = nil, supersedesReportId: String? = nil,
        historical: Bool? = nil
    ) -> Self {
        Self(
            reportId: reportId, type: type, title: title, period: period, url: url, docHash: docHash,
            sdcAttestation: sdcAttestation, accessibleFormats: accessibleFormats, regionId: regionId, planId: planId,
            planVersion: planVersion, observationRefs: observationRefs, supersedesReportId: supersedesReportId,
            historical: historical)
    }
}

extension IndependentEvaluationCommissioned {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        evaluationId: String, evaluatorOrg: String, evaluatorPartnerId: String? = nil, independenceStatement: String,
        scope: MetricVocabulary.Scope, regionId: String? = nil, decisionRef: String? = nil
    ) -> Self {
        Self(
            evaluationId: evaluationId, evaluatorOrg: evaluatorOrg, evaluatorPartnerId: evaluatorPartnerId,
            independenceStatement: independenceStatement, scope: scope, regionId: regionId, decisionRef: decisionRef)
    }
}

extension IndependentEvaluationReported {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        evaluationId: String, reportHash: String, findings: String, recommendations: [String], reportId: String? = nil
    ) -> Self {
        Self(
            evaluationId: evaluationId, reportHash: reportHash, findings: findings, recommendations: recommendations,
            reportId: reportId)
    }
}

extension PlaceBasedProjectStarted {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        projectId: String, category: PartnershipVocabulary.ProjectCategory, regionId: String, partners: [String],
        objectives: [String], actionId: String? = nil
    ) -> Self {
        Self(
            projectId: projectId, category: category, regionId: regionId, partners: partners, objectives: objectives,
            actionId: actionId)
    }
}

extension PlaceBasedProjectCompleted {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(projectId: String, outcomeSummary: String, evidenceRefs: [String]) -> Self {
        Self(projectId: projectId, outcomeSummary: outcomeSummary, evidenceRefs: evidenceRefs)
    }
}

extension FeedbackReceived {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        feedbackId: String, channel: FeedbackVocabulary.Channel, receivedAt: String, serviceId: String? = nil,
        regionId: String? = nil, bodyId: String? = nil, submitter: String = anonymous, language: String,
        accessibleFormat: ReportingVocabulary.AccessibleFormat? = nil, consentToPublish: Bool, contactConsent: Bool,
        equalityRef: String? = nil, lawfulBasisRef: String? = nil
    ) -> Self {
        Self(
            feedbackId: feedbackId, channel: channel, receivedAt: receivedAt, serviceId: serviceId, regionId: regionId,
            bodyId: bodyId, submitter: submitter, language: language, accessibleFormat: accessibleFormat,
            consentToPublish: consentToPublish, contactConsent: contactConsent, equalityRef: equalityRef,
            lawfulBasisRef: lawfulBasisRef)
    }
}

extension FeedbackAcknowledged {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(feedbackId: String, at: String, method: FeedbackVocabulary.ContactMethod) -> Self {
        Self(feedbackId: feedbackId, at: at, method: method)
    }
}

extension FeedbackResponded {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        feedbackId: String, publicSummary: String?, moderatedByRoleId: String, response: String?,
        changeStatus: FeedbackVocabulary.ChangeStatus, changeDescription: String? = nil, reason: String? = nil,
        actionRef: String? = nil, lawfulBasisRef: String? = nil
    ) -> Self {
        Self(
            feedbackId: feedbackId, publicSummary: publicSummary, moderatedByRoleId: moderatedByRoleId,
            response: response, changeStatus: changeStatus, changeDescription: changeDescription, reason: reason,
            actionRef: actionRef, lawfulBasisRef: lawfulBasisRef)
    }
}

extension FeedbackClosed {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(feedbackId: String, reason: FeedbackVocabulary.CloseReason, note: String? = nil) -> Self {
        Self(feedbackId: feedbackId, reason: reason, note: note)
    }
}

extension ContributionRecorded {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        contributionId: String, personId: String, bodyId: String? = nil, meetingId: String? = nil,
        kind: InvolvementVocabulary.ContributionKind, ladderRung: InvolvementVocabulary.LadderRung,
        topicRefs: [String] = [], hours: Double? = nil, lawfulBasisRef: String? = nil
    ) -> Self {
        Self(
            contributionId: contributionId, personId: personId, bodyId: bodyId, meetingId: meetingId, kind: kind,
            ladderRung: ladderRung, topicRefs: topicRefs, hours: hours, lawfulBasisRef: lawfulBasisRef)
    }
}

extension ContributionInfluenceTraced {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        contributionId: String, targetType: InvolvementVocabulary.InfluenceTarget, targetId: String,
        influence: InvolvementVocabulary.Influence, explanation: String
    ) -> Self {
        Self(
            contributionId: contributionId, targetType: targetType, targetId: targetId, influence: influence,
            explanation: explanation)
    }
}

extension MetricObserved {
    /// The payload with these members (checked when it is recorded: ``Catalogue/decode(_:payload:)``).
    public static func make(
        metricId: String, period: MetricVocabulary.Period, scope: MetricVocabulary.Scope, regionId: String? = nil,
        serviceId: String? = nil, cells: [MetricVocabulary.Cell],
        ethnicityCodeSystem: MetricVocabulary.EthnicityCodeSystem? = nil,
        completeness: MetricVocabulary.Completeness? = nil
    ) -> Self {
        Self(
            metricId: metricId, period: period, scope: scope, regionId: regionId, serviceId: serviceId, cells: cells,
            ethnicityCodeSystem: ethnicityCodeSystem, completeness: completeness)
    }
}
