// Group C: bodies, membership, interests (DOMAIN.md 7.3 C).

extension Catalogue {
    /// Catalogue group C (DOMAIN.md section 7.3).
    static let groupC: [any EventPayload.Type] = [
        BodyEstablished.self, BodyTermsAmended.self, BodyDissolved.self, MemberJoined.self, MemberLeft.self,
        InterestDeclared.self, RepresentationReviewed.self,
    ]
}

/// The governance body types of the seed inventory (DOMAIN.md 2.2), by seed code.
public enum BodyType: String, CatalogueEnum {
    /// Board of Trustees.
    case trustees = "B-TRUSTEES"
    /// Equity and Inclusion Board.
    case equityInclusionBoard = "B-EIB"
    /// Race Equality Programme Board.
    case raceEqualityProgrammeBoard = "B-REPB"
    /// Advancing Mental Health Equalities Practice Forum.
    case amhePracticeForum = "B-AMHEPF"
    /// Equity and Inclusion Practice Forum.
    case equityInclusionPracticeForum = "B-EIPF"
    /// Lived Experience Advisory Board.
    case livedExperienceAdvisoryBoard = "B-LEAB"
    /// Carers Advisory Board.
    case carersAdvisoryBoard = "B-CAB"
    /// An Expert by Experience working group.
    case ebeWorkingGroup = "B-EBE-WG"
    /// A Regional Forum (one per region).
    case regionalForum = "B-REGFORUM"
    /// Race Equality Action Leaders staff network.
    case realNetwork = "B-REAL"
    /// Any other body.
    case other = "B-OTHER"
}

/// What a body may decide.
public enum DecisionScope: String, CatalogueEnum {
    /// Gives advice and contributions; its decisions are recommendations.
    case advisory
    /// Decides how agreed work is delivered.
    case operational
    /// Sets direction and oversees the plan.
    case strategic
}

/// How many members make a quorum: `{min, ofCategory?}`.
public struct QuorumRule: Codable, Sendable, Hashable {
    /// Members needed.
    public var min: PositiveInt
    /// Counting only members of this category, if set.
    public var ofCategory: PersonCategory?

    /// Creates a rule.
    public init(min: PositiveInt, ofCategory: PersonCategory? = nil) {
        self.min = min
        self.ofCategory = ofCategory
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case min, ofCategory
    }

    /// Decodes `{min, ofCategory?}`, refusing other members.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        min = try c.decode(PositiveInt.self, forKey: .min)
        ofCategory = try c.decodeIfPresent(PersonCategory.self, forKey: .ofCategory)
    }
}

/// How many Experts by Experience must be present at a decision (rule G-4, decision 9.2).
public struct EbePresenceRule: Codable, Sendable, Hashable {
    /// At least this many `ebe_lived` or `ebe_carer` attendees (default 1).
    public var minCount: Count
    /// And at least this share of attendees, if set.
    public var minShare: Fraction?

    /// Creates a rule.
    public init(minCount: Count, minShare: Fraction? = nil) {
        self.minCount = minCount
        self.minShare = minShare
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case minCount, minShare
    }

    /// Decodes `{minCount, minShare?}`, refusing other members.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        minCount = try c.decode(Count.self, forKey: .minCount)
        minShare = try c.decodeIfPresent(Fraction.self, forKey: .minShare)
    }
}

/// A governance body is set up with its terms of reference.
public struct BodyEstablished: EventPayload {
    /// `body.established`.
    public static let eventType = "body.established"
    /// Version 1.
    public static let typeVersion = 1
    /// Group C.
    public static let group = CatalogueGroup.bodies
    /// One line for `coledger types`.
    public static let summary = "A body is set up: type, chair and facilitators, terms of reference, quorum and EbE-presence rules."

    /// The body id, e.g. `B-AMHEPF` or `B-REGFORUM-NW`.
    public var bodyId: BodyID
    /// Its type (seed code).
    public var bodyType: BodyType
    /// Its canonical name.
    public var name: ShortText
    /// Other names it goes by (may be empty).
    public var aliases: [ShortText]
    /// The body it reports to.
    public var parentBodyId: BodyID?
    /// Its region, for regional bodies.
    public var regionId: EntityID?
    /// The role that chairs it.
    public var chairRoleId: RoleID?
    /// The roles that facilitate it (may be empty).
    public var facilitatorRoleIds: [RoleID]
    /// Digest of its terms of reference.
    public var torDocHash: DocHash
    /// Its quorum.
    public var quorumRule: QuorumRule
    /// Its Expert-by-Experience presence rule.
    public var ebePresenceRule: EbePresenceRule
    /// What it may decide.
    public var decisionScope: DecisionScope
    /// The decision that set it up.
    public var decisionRef: EntityID?

    /// Creates the payload.
    public init(
        bodyId: BodyID, bodyType: BodyType, name: ShortText, aliases: [ShortText], parentBodyId: BodyID? = nil,
        regionId: EntityID? = nil, chairRoleId: RoleID? = nil, facilitatorRoleIds: [RoleID], torDocHash: DocHash,
        quorumRule: QuorumRule, ebePresenceRule: EbePresenceRule, decisionScope: DecisionScope, decisionRef: EntityID? = nil
    ) {
        self.bodyId = bodyId
        self.bodyType = bodyType
        self.name = name
        self.aliases = aliases
        self.parentBodyId = parentBodyId
        self.regionId = regionId
        self.chairRoleId = chairRoleId
        self.facilitatorRoleIds = facilitatorRoleIds
        self.torDocHash = torDocHash
        self.quorumRule = quorumRule
        self.ebePresenceRule = ebePresenceRule
        self.decisionScope = decisionScope
        self.decisionRef = decisionRef
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case bodyId, bodyType, name, aliases, parentBodyId, regionId, chairRoleId, facilitatorRoleIds, torDocHash
        case quorumRule, ebePresenceRule, decisionScope, decisionRef
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `body/<bodyId>`.
    public var stream: String { "body/\(bodyId)" }
    /// The body.
    public var defines: EntityReference? { .to(.body, bodyId, at: "/bodyId") }
    /// Parent body, region, chair and facilitator roles, and the decision, when given.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.maybe(.body, parentBodyId, at: "/parentBodyId")
        Ref.maybe(.region, regionId, at: "/regionId")
        Ref.maybe(.role, chairRoleId, at: "/chairRoleId")
        Ref.each(.role, facilitatorRoleIds, at: "/facilitatorRoleIds")
        Ref.maybe(.decision, decisionRef, at: "/decisionRef")
    }

    /// LG-2: the AMHE Practice Forum, facilitated by R-DIR-EDI and R-HEAD-RJE.
    public static var example: BodyEstablished {
        BodyEstablished(
            bodyId: "B-AMHEPF", bodyType: .amhePracticeForum, name: "Advancing Mental Health Equalities Practice Forum",
            aliases: ["Advancing Mental Equalities Practice Forum"], parentBodyId: "B-EIB", regionId: nil, chairRoleId: nil,
            facilitatorRoleIds: ["R-DIR-EDI", "R-HEAD-RJE"],
            torDocHash: "sha256:4c1f0e5d8a7b6c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d",
            quorumRule: QuorumRule(min: 4), ebePresenceRule: EbePresenceRule(minCount: 1, minShare: 0.25),
            decisionScope: .operational, decisionRef: "dec-2023-004")
    }
}

/// A body's terms of reference change; the members given carry the new values.
public struct BodyTermsAmended: EventPayload {
    /// `body.terms_amended`.
    public static let eventType = "body.terms_amended"
    /// Version 1.
    public static let typeVersion = 1
    /// Group C.
    public static let group = CatalogueGroup.bodies
    /// One line for `coledger types`.
    public static let summary = "A body's terms of reference change by a decision; members given replace the old values."

    /// The body.
    public var bodyId: BodyID
    /// What changed, in words.
    public var changes: LongText
    /// Digest of the amended terms of reference.
    public var torDocHash: DocHash
    /// The decision that amended them.
    public var decisionRef: EntityID
    /// New name.
    public var name: ShortText?
    /// New list of other names.
    public var aliases: [ShortText]?
    /// New chair role.
    public var chairRoleId: RoleID?
    /// New facilitator roles.
    public var facilitatorRoleIds: [RoleID]?
    /// New quorum.
    public var quorumRule: QuorumRule?
    /// New Expert-by-Experience presence rule.
    public var ebePresenceRule: EbePresenceRule?
    /// New decision scope.
    public var decisionScope: DecisionScope?

    /// Creates the payload.
    public init(
        bodyId: BodyID, changes: LongText, torDocHash: DocHash, decisionRef: EntityID, name: ShortText? = nil,
        aliases: [ShortText]? = nil, chairRoleId: RoleID? = nil, facilitatorRoleIds: [RoleID]? = nil,
        quorumRule: QuorumRule? = nil, ebePresenceRule: EbePresenceRule? = nil, decisionScope: DecisionScope? = nil
    ) {
        self.bodyId = bodyId
        self.changes = changes
        self.torDocHash = torDocHash
        self.decisionRef = decisionRef
        self.name = name
        self.aliases = aliases
        self.chairRoleId = chairRoleId
        self.facilitatorRoleIds = facilitatorRoleIds
        self.quorumRule = quorumRule
        self.ebePresenceRule = ebePresenceRule
        self.decisionScope = decisionScope
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bodyId, changes, torDocHash, decisionRef, name, aliases, chairRoleId, facilitatorRoleIds, quorumRule
        case ebePresenceRule, decisionScope
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `body/<bodyId>`.
    public var stream: String { "body/\(bodyId)" }
    /// The body, the decision, and any new chair or facilitator roles.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.body, bodyId, at: "/bodyId")
        Ref.to(.decision, decisionRef, at: "/decisionRef")
        Ref.maybe(.role, chairRoleId, at: "/chairRoleId")
        Ref.each(.role, facilitatorRoleIds ?? [], at: "/facilitatorRoleIds")
    }

    /// The Equity and Inclusion Board raises its EbE presence rule.
    public static var example: BodyTermsAmended {
        BodyTermsAmended(
            bodyId: "B-EIB", changes: "At least two Experts by Experience must be present for decisions; quorum raised to five.",
            torDocHash: "sha256:7e2d1c0b9a8f7e6d5c4b3a2918f7e6d5c4b3a29180f7e6d5c4b3a2918f7e6d5c",
            decisionRef: "dec-2026-007", name: "Equity and Inclusion Board", aliases: [], chairRoleId: "R-DCEO",
            facilitatorRoleIds: ["R-DIR-EDI"], quorumRule: QuorumRule(min: 5, ofCategory: nil),
            ebePresenceRule: EbePresenceRule(minCount: 2), decisionScope: .strategic)
    }
}

/// A body is wound up.
public struct BodyDissolved: EventPayload {
    /// `body.dissolved`.
    public static let eventType = "body.dissolved"
    /// Version 1.
    public static let typeVersion = 1
    /// Group C.
    public static let group = CatalogueGroup.bodies
    /// One line for `coledger types`.
    public static let summary = "A body is wound up by a decision, with the reason."

    /// The body.
    public var bodyId: BodyID
    /// Why.
    public var reason: LongText
    /// The decision that dissolved it.
    public var decisionRef: EntityID

    /// Creates the payload.
    public init(bodyId: BodyID, reason: LongText, decisionRef: EntityID) {
        self.bodyId = bodyId
        self.reason = reason
        self.decisionRef = decisionRef
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bodyId, reason, decisionRef
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `body/<bodyId>`.
    public var stream: String { "body/\(bodyId)" }
    /// The body and the decision.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.body, bodyId, at: "/bodyId")
        Ref.to(.decision, decisionRef, at: "/decisionRef")
    }

    /// A working group that finished its task.
    public static var example: BodyDissolved {
        BodyDissolved(
            bodyId: "B-EBE-WG-SUES", reason: "The survey redesign working group finished its work; members joined the LEAB.",
            decisionRef: "dec-2026-012")
    }
}
