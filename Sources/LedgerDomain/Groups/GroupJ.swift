extension Catalogue {
    /// Catalogue group J (DOMAIN.md section 7.3): workforce, partnerships, projects and services.
    static let groupJ: [any EventPayload.Type] = [
        TrainingSessionDelivered.self, PartnerRegistered.self, PartnershipFrameworkAdopted.self,
        PartnerSatisfactionObserved.self, GoodPracticeShared.self, CommunityChampionAppointed.self,
        PlaceBasedProjectStarted.self, PlaceBasedProjectCompleted.self, ServicePlanCoproduced.self,
    ]
}

/// `training.session_delivered`: a staff training session took place (ST-1); attendees are a count only.
public struct TrainingSessionDelivered: EventPayload {
    /// `training.session_delivered`
    public static let eventType = "training.session_delivered"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group J.
    public static let group = CatalogueGroup.partnerships
    /// One-line description.
    public static let summary = "A staff training session was delivered: topic, partner, attendee count, date"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The session id, e.g. `TS-2026-0008`.
    public var sessionId: String
    /// The topic.
    public var topic: PartnershipVocabulary.TrainingTopic
    /// The partner organisation that co-delivered it, if any.
    public var partnerId: String?
    /// How many attended.
    public var attendeeCount: Int
    /// The date it was delivered.
    public var date: String
    /// The region, if regional.
    public var regionId: String?
    /// The action it delivers (e.g. `ST-1`), if recorded.
    public var actionId: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case sessionId, topic, partnerId, attendeeCount, date, regionId, actionId }

    /// `training/<sessionId>`
    public var stream: String { "training/\(sessionId)" }
    /// The partner, region and action.
    public var references: [EntityReference] {
        var refs: [EntityReference] = []
        if let partnerId { refs.append(EntityReference(.partner, partnerId, at: "/partnerId")) }
        if let regionId { refs.append(EntityReference(.region, regionId, at: "/regionId")) }
        if let actionId { refs.append(EntityReference(.action, actionId, at: "/actionId")) }
        return refs
    }

    /// A cultural awareness session co-delivered with an ethnically led VCSE partner.
    public static var example: Self {
        TrainingSessionDelivered(
            sessionId: "TS-2026-0008", topic: .culturalAwareness, partnerId: "PT-0007", attendeeCount: 23, date: "2026-06-11",
            regionId: "north-east", actionId: "ST-1")
    }
}

extension TrainingSessionDelivered {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sessionId = try c.fkString(.sessionId, .id)
        topic = try c.fk(.topic)
        partnerId = try c.fkStringIfPresent(.partnerId, .id)
        attendeeCount = try c.fkCount(.attendeeCount)
        date = try c.fkString(.date, .date)
        regionId = try c.fkStringIfPresent(.regionId, .id)
        actionId = try c.fkStringIfPresent(.actionId, .id)
    }
}

/// `partner.registered`: a partner organisation was registered (DF-6, rule M-15).
public struct PartnerRegistered: EventPayload {
    /// `partner.registered`
    public static let eventType = "partner.registered"
    /// 1
    public static let typeVersion = 1
    /// Group J.
    public static let group = CatalogueGroup.partnerships
    /// One-line description.
    public static let summary = "A partner organisation was registered: type, name, regions"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The partner id, e.g. `PT-0007`.
    public var partnerId: String
    /// What kind of organisation it is.
    public var type: PartnershipVocabulary.PartnerType
    /// Its name (an organisation, not a person).
    public var name: String
    /// Regions it works with Rethink in (empty for national partners).
    public var regionIds: [String]
    /// For advocacy services: whether it is culturally appropriate (DF-6).
    public var culturallyAppropriate: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable { case partnerId, type, name, regionIds, culturallyAppropriate }

    /// `partner/<partnerId>`
    public var stream: String { "partner/\(partnerId)" }
    /// Defines the partner.
    public var defines: EntityReference? { EntityReference(.partner, partnerId, at: "/partnerId") }
    /// The regions.
    public var references: [EntityReference] {
        regionIds.enumerated().map { EntityReference(.region, $0.element, at: "/regionIds/\($0.offset)") }
    }

    /// An ethnically led VCSE organisation in the North East.
    public static var example: Self {
        PartnerRegistered(
            partnerId: "PT-0007", type: .ethnicallyLedVCSE, name: "Tyneside African and Caribbean Wellbeing Network",
            regionIds: ["north-east"], culturallyAppropriate: nil)
    }
}

extension PartnerRegistered {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        partnerId = try c.fkString(.partnerId, .id)
        type = try c.fk(.type)
        name = try c.fkString(.name, .text)
        regionIds = try c.fkStrings(.regionIds, .id)
        culturallyAppropriate = try c.fkIfPresent(.culturallyAppropriate)
    }
}

/// `partnership.framework_adopted`: a version of the anti-racist partnership framework was adopted (PW-2).
public struct PartnershipFrameworkAdopted: EventPayload {
    /// `partnership.framework_adopted`
    public static let eventType = "partnership.framework_adopted"
    /// 1
    public static let typeVersion = 1
    /// Group J.
    public static let group = CatalogueGroup.partnerships
    /// One-line description.
    public static let summary = "A version of the partnership framework was adopted by a decision"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The framework version, e.g. `1`, `1.1`.
    public var version: String
    /// Hash of the framework document.
    public var docHash: String
    /// The decision that adopted it.
    public var decisionRef: String
    /// The published report, if already published.
    public var reportId: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case version, docHash, decisionRef, reportId }

    /// `partnership/framework`
    public var stream: String { "partnership/framework" }
    /// The decision and report.
    public var references: [EntityReference] {
        var refs = [EntityReference(.decision, decisionRef, at: "/decisionRef")]
        if let reportId { refs.append(EntityReference(.report, reportId, at: "/reportId")) }
        return refs
    }

    /// Version 1 adopted by the Equity and Inclusion Board.
    public static var example: Self {
        PartnershipFrameworkAdopted(
            version: "1", docHash: "sha256:7e9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f90",
            decisionRef: "D-2026-0042", reportId: "RP-2026-pwf")
    }
}

extension PartnershipFrameworkAdopted {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.fkString(.version, .version)
        docHash = try c.fkString(.docHash, .hash)
        decisionRef = try c.fkString(.decisionRef, .id)
        reportId = try c.fkStringIfPresent(.reportId, .id)
    }
}

/// `partner.satisfaction_observed`: satisfaction of one respondent group was observed (DF-5, rule M-14).
public struct PartnerSatisfactionObserved: EventPayload {
    /// `partner.satisfaction_observed`
    public static let eventType = "partner.satisfaction_observed"
    /// 1
    public static let typeVersion = 1
    /// Group J.
    public static let group = CatalogueGroup.partnerships
    /// One-line description.
    public static let summary = "Satisfaction of partners, service users, carers or staff was observed (points to the metric observation)"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The satisfaction metric.
    public var metricId: String
    /// The period observed.
    public var period: MetricVocabulary.Period
    /// Whose satisfaction.
    public var respondentGroup: MetricVocabulary.RespondentGroup
    /// Event id of the `metric.observed` event holding the figures.
    public var metricObservationRef: String

    enum CodingKeys: String, CodingKey, CaseIterable { case metricId, period, respondentGroup, metricObservationRef }

    /// `metric/<metricId>`
    public var stream: String { "metric/\(metricId)" }
    /// The metric and the observation event.
    public var references: [EntityReference] {
        [EntityReference(.metric, metricId, at: "/metricId"), EntityReference(.event, metricObservationRef, at: "/metricObservationRef")]
    }

    /// Partner organisations' satisfaction for 2026-27.
    public static var example: Self {
        PartnerSatisfactionObserved(
            metricId: "M-SAT-partners", period: .init(from: "2026-04-01", to: "2027-03-31"), respondentGroup: .partners,
            metricObservationRef: "9d3f1a7e-4b2c-4e8d-a6f0-1c5b7e9d2a40")
    }
}

extension PartnerSatisfactionObserved {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metricId = try c.fkString(.metricId, .id)
        period = try c.fk(.period)
        respondentGroup = try c.fk(.respondentGroup)
        metricObservationRef = try c.fkString(.metricObservationRef, .uuid)
    }
}

/// `partner.good_practice_shared`: good practice from a partner was shared (PW-1).
public struct GoodPracticeShared: EventPayload {
    /// `partner.good_practice_shared`
    public static let eventType = "partner.good_practice_shared"
    /// 1
    public static let typeVersion = 1
    /// Group J.
    public static let group = CatalogueGroup.partnerships
    /// One-line description.
    public static let summary = "Good practice from a partner was shared with an audience"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The partner it comes from.
    public var sourcePartnerId: String
    /// Its title.
    public var title: String
    /// Hash of the document shared.
    public var docHash: String
    /// Who it was shared with.
    public var audience: PartnershipVocabulary.Audience

    enum CodingKeys: String, CodingKey, CaseIterable { case sourcePartnerId, title, docHash, audience }

    /// `partner/<sourcePartnerId>`
    public var stream: String { "partner/\(sourcePartnerId)" }
    /// The partner.
    public var references: [EntityReference] { [EntityReference(.partner, sourcePartnerId, at: "/sourcePartnerId")] }

    /// A partner's guide to culturally adapted peer support, shared with staff.
    public static var example: Self {
        GoodPracticeShared(
            sourcePartnerId: "PT-0007", title: "Culturally adapted peer support: what worked in Tyneside",
            docHash: "sha256:3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b50", audience: .staff)
    }
}

extension GoodPracticeShared {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sourcePartnerId = try c.fkString(.sourcePartnerId, .id)
        title = try c.fkString(.title, .text)
        docHash = try c.fkString(.docHash, .hash)
        audience = try c.fk(.audience)
    }
}
