/// `champion.appointed`: a community champion was appointed (MHS-1).
public struct CommunityChampionAppointed: EventPayload {
    /// `champion.appointed`
    public static let eventType = "champion.appointed"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group J.
    public static let group = CatalogueGroup.partnerships
    /// One-line description.
    public static let summary = "A community champion was appointed for a region and services"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The champion's person id.
    public var personId: String
    /// The region.
    public var regionId: String
    /// The services they champion (may be empty).
    public var serviceIds: [String]
    /// From when.
    public var from: String

    enum CodingKeys: String, CodingKey, CaseIterable { case personId, regionId, serviceIds, from }

    /// `champion/<personId>`
    public var stream: String { "champion/\(personId)" }
    /// The person, region and services.
    public var references: [EntityReference] {
        var refs = [EntityReference(.person, personId, at: "/personId"), EntityReference(.region, regionId, at: "/regionId")]
        for (i, service) in serviceIds.enumerated() { refs.append(EntityReference(.service, service, at: "/serviceIds/\(i)")) }
        return refs
    }

    /// A champion for early intervention in Leeds.
    public static var example: Self {
        CommunityChampionAppointed(personId: "p-41c2", regionId: "yorkshire", serviceIds: ["SVC-LDS-EIP"], from: "2026-05-01")
    }
}

extension CommunityChampionAppointed {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        personId = try c.fkString(.personId, .id)
        regionId = try c.fkString(.regionId, .id)
        serviceIds = try c.fkStrings(.serviceIds, .id)
        from = try c.fkString(.from, .date)
    }
}

/// `project.started`: a place-based project started (MHS-2, target T-1).
public struct PlaceBasedProjectStarted: EventPayload {
    /// `project.started`
    public static let eventType = "project.started"
    /// 1
    public static let typeVersion = 1
    /// Group J.
    public static let group = CatalogueGroup.partnerships
    /// One-line description.
    public static let summary = "A place-based project started: region, partners, objectives"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The project id, e.g. `PBP-1`.
    public var projectId: String
    /// Whether it is a "community engagement" project (the kind T-1 counts).
    public var category: PartnershipVocabulary.ProjectCategory
    /// The region.
    public var regionId: String
    /// Partner organisations (may be empty).
    public var partners: [String]
    /// Its objectives (at least one).
    public var objectives: [String]
    /// The action it delivers (e.g. `MHS-2`), if recorded.
    public var actionId: String?

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable { case projectId, category, regionId, partners, objectives, actionId }

    /// `project/<projectId>`
    public var stream: String { "project/\(projectId)" }
    /// Defines the project.
    public var defines: EntityReference? { EntityReference(.project, projectId, at: "/projectId") }
    /// The region, partners and action.
    public var references: [EntityReference] {
        var refs = [EntityReference(.region, regionId, at: "/regionId")]
        for (i, partner) in partners.enumerated() { refs.append(EntityReference(.partner, partner, at: "/partners/\(i)")) }
        if let actionId { refs.append(EntityReference(.action, actionId, at: "/actionId")) }
        return refs
    }

    /// Early intervention outreach with faith groups in the North East.
    public static var example: Self {
        PlaceBasedProjectStarted(
            projectId: "PBP-1", category: .communityEngagement, regionId: "north-east", partners: ["PT-0007", "PT-0009"],
            objectives: [
                "Tell African and Caribbean communities in Newcastle about early intervention services.",
                "Co-run six drop-in sessions at places of worship.",
            ],
            actionId: "MHS-2")
    }
}

extension PlaceBasedProjectStarted {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        projectId = try c.fkString(.projectId, .id)
        category = try c.fk(.category)
        regionId = try c.fkString(.regionId, .id)
        partners = try c.fkStrings(.partners, .id)
        objectives = try c.fkStrings(.objectives, .text, minItems: 1, unique: false)
        actionId = try c.fkStringIfPresent(.actionId, .id)
    }
}

/// `project.completed`: a place-based project was completed (rule M-7 counts these).
public struct PlaceBasedProjectCompleted: EventPayload {
    /// `project.completed`
    public static let eventType = "project.completed"
    /// 1
    public static let typeVersion = 1
    /// Group J.
    public static let group = CatalogueGroup.partnerships
    /// One-line description.
    public static let summary = "A place-based project was completed, with its outcome and evidence"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The project id.
    public var projectId: String
    /// What it achieved.
    public var outcomeSummary: String
    /// Evidence: ids, `kind/id` paths or document hashes (at least one).
    public var evidenceRefs: [String]

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable { case projectId, outcomeSummary, evidenceRefs }

    /// `project/<projectId>`
    public var stream: String { "project/\(projectId)" }
    /// The project.
    public var references: [EntityReference] { [EntityReference(.project, projectId, at: "/projectId")] }

    /// Completed with a report and a review as evidence.
    public static var example: Self {
        PlaceBasedProjectCompleted(
            projectId: "PBP-1",
            outcomeSummary: "Six drop-ins held; 41 referrals to early intervention, 19 from people not previously known to services.",
            evidenceRefs: ["report/RP-2027-pbp1", "sha256:8f0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6c8e00"])
    }
}

extension PlaceBasedProjectCompleted {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        projectId = try c.fkString(.projectId, .id)
        outcomeSummary = try c.fkString(.outcomeSummary, .text)
        evidenceRefs = try c.fkStrings(.evidenceRefs, .ref, minItems: 1)
    }
}

/// `service.plan_coproduced`: a service plan was coproduced with communities (MHS-3, rule M-8).
public struct ServicePlanCoproduced: EventPayload {
    /// `service.plan_coproduced`
    public static let eventType = "service.plan_coproduced"
    /// 1
    public static let typeVersion = 1
    /// Group J.
    public static let group = CatalogueGroup.partnerships
    /// One-line description.
    public static let summary = "A service plan was coproduced: partners, the five needs N-1…N-5, ladder rung, contributions"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The service plan id, e.g. `SP-LDN-CMH-2026`.
    public var servicePlanId: String
    /// The service.
    public var serviceId: String
    /// Community, faith and VCSE partners (may be empty; rule M-8 checks).
    public var partners: [String]
    /// How each of the five needs is treated.
    public var needsAddressed: PartnershipVocabulary.NeedsAddressed
    /// The rung of the ladder of co-production reached.
    public var ladderRung: InvolvementVocabulary.LadderRung
    /// Contributions it was made from (may be empty).
    public var contributionRefs: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case servicePlanId, serviceId, partners, needsAddressed, ladderRung, contributionRefs
    }

    /// `service-plan/<servicePlanId>`
    public var stream: String { "service-plan/\(servicePlanId)" }
    /// Defines the service plan.
    public var defines: EntityReference? { EntityReference(.servicePlan, servicePlanId, at: "/servicePlanId") }
    /// The service, partners and contributions.
    public var references: [EntityReference] {
        var refs = [EntityReference(.service, serviceId, at: "/serviceId")]
        for (i, partner) in partners.enumerated() { refs.append(EntityReference(.partner, partner, at: "/partners/\(i)")) }
        for (i, ref) in contributionRefs.enumerated() { refs.append(EntityReference(.contribution, ref, at: "/contributionRefs/\(i)")) }
        return refs
    }

    /// The London community service plan.
    public static var example: Self {
        ServicePlanCoproduced(
            servicePlanId: "SP-LDN-CMH-2026", serviceId: "SVC-LDN-CMH", partners: ["PT-0011", "PT-0014"],
            needsAddressed: .init(
                languageAccessibility: .init(status: .addressed, approach: "Interpreters booked at referral; Easy Read letters."),
                culturalFood: .init(status: .notApplicable, reason: "Community outreach service with no meals provided."),
                faithSpiritual: .init(status: .addressed, approach: "Quiet room available for prayer; chaplaincy links."),
                aftercare: .init(status: .addressed, approach: "Peer support group run with a local VCSE partner."),
                traumaInformed: .init(status: .addressed, approach: "All staff complete trauma-informed practice training.")),
            ladderRung: .coProduction, contributionRefs: ["CON-2026-0014", "CON-2026-0017"])
    }
}

extension ServicePlanCoproduced {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        servicePlanId = try c.fkString(.servicePlanId, .id)
        serviceId = try c.fkString(.serviceId, .id)
        partners = try c.fkStrings(.partners, .id)
        needsAddressed = try c.fk(.needsAddressed)
        ladderRung = try c.fk(.ladderRung)
        contributionRefs = try c.fkStrings(.contributionRefs, .id)
    }
}
