// Group E: plan and actions (DOMAIN.md 7.3 E). Action ids: a national seed action uses its code
// (`LG-1`); a regional or local one prefixes it (`NW-MHS-2`).

extension Catalogue {
    /// Catalogue group E (DOMAIN.md section 7.3).
    static let groupE: [any EventPayload.Type] = [
        PlanVersionPublished.self, ObligationRegistered.self, ActionCreated.self, ActionStatusChanged.self,
        MilestoneRecorded.self, ActionOutcomeRecorded.self,
    ]
}

extension Scope {
    /// Regional and local items name their region.
    func checkRegion<Key: CodingKey>(_ regionId: EntityID?, in container: KeyedDecodingContainer<Key>, key: Key) throws {
        if self != .national && regionId == nil {
            throw DecodingError.rule(container.codingPath + [key], "is required when scope is \(rawValue)")
        }
    }
}

/// A version of a national, regional or local plan is published.
public struct PlanVersionPublished: EventPayload {
    /// `plan.version_published`.
    public static let eventType = "plan.version_published"
    /// Version 1.
    public static let typeVersion = 1
    /// Group E.
    public static let group = CatalogueGroup.plan
    /// One line for `coledger types`.
    public static let summary = "A plan version is published: scope, owner, document digest and who it was co-developed with."

    /// The plan id; version 1 defines it.
    public var planId: EntityID
    /// The version, from 1.
    public var version: PositiveInt
    /// National, regional or local.
    public var scope: Scope
    /// The region; required unless national.
    public var regionId: EntityID?
    /// The service, for a local service plan.
    public var serviceId: EntityID?
    /// The role that owns the plan (a regional lead for a regional plan, rule G-9).
    public var ownerRoleId: RoleID
    /// The period it covers.
    public var period: DateRange?
    /// Digest of the plan document.
    public var docHash: DocHash
    /// Contributions and bodies it was co-developed with (rule C-2; may be empty).
    public var coDevelopedWith: [EntityRef]
    /// The version it replaces.
    public var supersedesVersion: PositiveInt?
    /// The decision that approved it.
    public var decisionRef: EntityID?

    /// Creates the payload. Regional and local plans need a region.
    public init(
        planId: EntityID, version: PositiveInt, scope: Scope, regionId: EntityID? = nil, serviceId: EntityID? = nil,
        ownerRoleId: RoleID, period: DateRange? = nil, docHash: DocHash, coDevelopedWith: [EntityRef],
        supersedesVersion: PositiveInt? = nil, decisionRef: EntityID? = nil
    ) {
        self.planId = planId
        self.version = version
        self.scope = scope
        self.regionId = regionId
        self.serviceId = serviceId
        self.ownerRoleId = ownerRoleId
        self.period = period
        self.docHash = docHash
        self.coDevelopedWith = coDevelopedWith
        self.supersedesVersion = supersedesVersion
        self.decisionRef = decisionRef
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case planId, version, scope, regionId, serviceId, ownerRoleId, period, docHash, coDevelopedWith
        case supersedesVersion, decisionRef
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// Decodes the payload; regional and local plans need `regionId`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        planId = try c.decode(EntityID.self, forKey: .planId)
        version = try c.decode(PositiveInt.self, forKey: .version)
        scope = try c.decode(Scope.self, forKey: .scope)
        regionId = try c.decodeIfPresent(EntityID.self, forKey: .regionId)
        serviceId = try c.decodeIfPresent(EntityID.self, forKey: .serviceId)
        ownerRoleId = try c.decode(RoleID.self, forKey: .ownerRoleId)
        period = try c.decodeIfPresent(DateRange.self, forKey: .period)
        docHash = try c.decode(DocHash.self, forKey: .docHash)
        coDevelopedWith = try c.decode([EntityRef].self, forKey: .coDevelopedWith)
        supersedesVersion = try c.decodeIfPresent(PositiveInt.self, forKey: .supersedesVersion)
        decisionRef = try c.decodeIfPresent(EntityID.self, forKey: .decisionRef)
        try scope.checkRegion(regionId, in: c, key: .regionId)
    }

    /// `plan/<planId>`.
    public var stream: String { "plan/\(planId)" }
    /// The plan, when this is version 1.
    public var defines: EntityReference? { version.value == 1 ? .to(.plan, planId, at: "/planId") : nil }
    /// The plan (after version 1), region, service, owner role, co-developers and decision.
    @ReferenceBuilder public var references: [EntityReference] {
        if version.value != 1 {
            Ref.to(.plan, planId, at: "/planId")
        }
        Ref.maybe(.region, regionId, at: "/regionId")
        Ref.maybe(.service, serviceId, at: "/serviceId")
        Ref.to(.role, ownerRoleId, at: "/ownerRoleId")
        Ref.each(coDevelopedWith, at: "/coDevelopedWith")
        Ref.maybe(.decision, decisionRef, at: "/decisionRef")
    }

    /// The North West regional plan, second version, co-developed with the regional forum.
    public static var example: PlanVersionPublished {
        PlanVersionPublished(
            planId: "amhe-plan-nw", version: 2, scope: .regional, regionId: "NW", serviceId: nil, ownerRoleId: "R-REG-LEAD",
            period: DateRange(from: "2026-04-01", to: "2028-03-31"),
            docHash: "sha256:b1d3f5a7c9e0a2c4e6f8b0d2f4a6c8e0b2d4f6a8c0e2a4c6e8f0b2d4f6a8c0e2",
            coDevelopedWith: [EntityRef(.body, "B-REGFORUM-NW"), EntityRef(.contribution, "con-2026-0044")],
            supersedesVersion: 1, decisionRef: "dec-2026-015")
    }
}

/// A legal or regulatory obligation enters the register (PCREF Part 1).
public struct ObligationRegistered: EventPayload {
    /// `obligation.registered`.
    public static let eventType = "obligation.registered"
    /// Version 1.
    public static let typeVersion = 1
    /// Group E.
    public static let group = CatalogueGroup.plan
    /// One line for `coledger types`.
    public static let summary = "A legal or regulatory obligation: legislation, requirement, owner role, evidence and review date."

    /// The obligation id.
    public var obligationId: EntityID
    /// The legislation or standard.
    public var legislation: ShortText
    /// What it requires.
    public var requirement: LongText
    /// The role answerable for it.
    public var ownerRoleId: RoleID
    /// Evidence that it is met (may be empty).
    public var evidenceRefs: [EntityRef]
    /// When to review it next.
    public var reviewDue: ISODate

    /// Creates the payload.
    public init(
        obligationId: EntityID, legislation: ShortText, requirement: LongText, ownerRoleId: RoleID, evidenceRefs: [EntityRef],
        reviewDue: ISODate
    ) {
        self.obligationId = obligationId
        self.legislation = legislation
        self.requirement = requirement
        self.ownerRoleId = ownerRoleId
        self.evidenceRefs = evidenceRefs
        self.reviewDue = reviewDue
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case obligationId, legislation, requirement, ownerRoleId, evidenceRefs, reviewDue
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `obligation/<obligationId>`.
    public var stream: String { "obligation/\(obligationId)" }
    /// The obligation.
    public var defines: EntityReference? { .to(.obligation, obligationId, at: "/obligationId") }
    /// The owner role and the evidence.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.role, ownerRoleId, at: "/ownerRoleId")
        Ref.each(evidenceRefs, at: "/evidenceRefs")
    }

    /// The Accessible Information Standard, linked to need N-1.
    public static var example: ObligationRegistered {
        ObligationRegistered(
            obligationId: "obl-ais", legislation: "Accessible Information Standard (DCB1605)",
            requirement: "Identify, record, flag, share and meet the communication needs of service users and carers with a disability or sensory loss.",
            ownerRoleId: "R-DIR-EDI", evidenceRefs: [EntityRef(.report, "rep-2025-ais-audit")], reviewDue: "2027-03-31")
    }
}
