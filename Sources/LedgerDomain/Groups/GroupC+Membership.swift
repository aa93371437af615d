// Group C: membership, interests and representation (DOMAIN.md 7.3 C). Registered in GroupC.swift.

/// A person joins a body.
public struct MemberJoined: EventPayload {
    /// `member.joined`.
    public static let eventType = "member.joined"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group C.
    public static let group = CatalogueGroup.bodies
    /// One line for `coledger types`.
    public static let summary = "A person joins a body in a membership category, with or without voting rights."

    /// The body.
    public var bodyId: BodyID
    /// The person.
    public var personId: PersonID
    /// The category they sit in (drives presence rules).
    public var membershipCategory: PersonCategory
    /// Whether they vote.
    public var votingRights: Bool
    /// First day of membership.
    public var from: ISODate

    /// Creates the payload.
    public init(bodyId: BodyID, personId: PersonID, membershipCategory: PersonCategory, votingRights: Bool, from: ISODate) {
        self.bodyId = bodyId
        self.personId = personId
        self.membershipCategory = membershipCategory
        self.votingRights = votingRights
        self.from = from
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case bodyId, personId, membershipCategory, votingRights, from
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `body/<bodyId>`.
    public var stream: String { "body/\(bodyId)" }
    /// The body and the person.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.body, bodyId, at: "/bodyId")
        Ref.to(.person, personId, at: "/personId")
    }

    /// An Expert by Experience joins the AMHE Practice Forum.
    public static var example: MemberJoined {
        MemberJoined(bodyId: "B-AMHEPF", personId: "p-0007", membershipCategory: .ebeLived, votingRights: true, from: "2026-01-05")
    }
}

/// A person leaves a body.
public struct MemberLeft: EventPayload {
    /// `member.left`.
    public static let eventType = "member.left"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group C.
    public static let group = CatalogueGroup.bodies
    /// One line for `coledger types`.
    public static let summary = "A person leaves a body on a date."

    /// The body.
    public var bodyId: BodyID
    /// The person.
    public var personId: PersonID
    /// Last day of membership.
    public var to: ISODate
    /// Why.
    public var reason: TenureEndReason?

    /// Creates the payload.
    public init(bodyId: BodyID, personId: PersonID, to: ISODate, reason: TenureEndReason? = nil) {
        self.bodyId = bodyId
        self.personId = personId
        self.to = to
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bodyId, personId, to, reason
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `body/<bodyId>`.
    public var stream: String { "body/\(bodyId)" }
    /// The body and the person.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.body, bodyId, at: "/bodyId")
        Ref.to(.person, personId, at: "/personId")
    }

    /// A staff member leaves the Practice Forum.
    public static var example: MemberLeft {
        MemberLeft(bodyId: "B-AMHEPF", personId: "p-0021", to: "2026-06-30", reason: .resigned)
    }
}

/// A person declares an interest; the description is sealed.
public struct InterestDeclared: EventPayload {
    /// The kinds of interest in NHS England's conflicts-of-interest guidance.
    public enum InterestType: String, CatalogueEnum {
        /// A financial interest.
        case financial
        /// A non-financial professional interest.
        case nonFinancialProfessional = "non_financial_professional"
        /// A non-financial personal interest.
        case nonFinancialPersonal = "non_financial_personal"
        /// An indirect interest (through a close associate).
        case indirect
    }

    /// `interest.declared`.
    public static let eventType = "interest.declared"
    /// Version 1.
    public static let typeVersion = 1
    /// Group C.
    public static let group = CatalogueGroup.bodies
    /// One line for `coledger types`.
    public static let summary = "A person declares an interest (description sealed), standing or for one body."
    /// The description is sealed.
    public static var privateFields: [String] { ["description"] }

    /// The person.
    public var personId: PersonID
    /// The body it concerns, if only one.
    public var bodyId: BodyID?
    /// The kind of interest.
    public var interestType: InterestType
    /// First day it applies.
    public var from: ISODate
    /// Last day it applies, if known.
    public var to: ISODate?
    /// Whether it goes on the standing register of interests.
    public var register: Bool
    /// The entry in the record of processing that covers the sealed data (rule P-1).
    public var lawfulBasisRef: ExternalRef
    /// The lawful basis for the private part (``EventPayload/lawfulBasis``).
    public var lawfulBasis: String? { lawfulBasisRef.rawValue }

    /// Creates the payload.
    public init(
        personId: PersonID, bodyId: BodyID? = nil, interestType: InterestType, from: ISODate, to: ISODate? = nil,
        register: Bool, lawfulBasisRef: ExternalRef
    ) {
        self.personId = personId
        self.bodyId = bodyId
        self.interestType = interestType
        self.from = from
        self.to = to
        self.register = register
        self.lawfulBasisRef = lawfulBasisRef
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case personId, bodyId, interestType, from, to, register, lawfulBasisRef
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `person/<personId>`.
    public var stream: String { "person/\(personId)" }
    /// The person and the body, when given.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.person, personId, at: "/personId")
        Ref.maybe(.body, bodyId, at: "/bodyId")
    }

    /// A trustee who also sits on a VCSE partner's board.
    public static var example: InterestDeclared {
        InterestDeclared(
            personId: "p-0003", bodyId: "B-TRUSTEES", interestType: .nonFinancialProfessional, from: "2025-04-01",
            to: "2027-03-31", register: true, lawfulBasisRef: "ROPA-2026-05")
    }
}

/// What a composition cell counts people by.
public enum CompositionDimension: String, CatalogueEnum {
    /// Membership category (``PersonCategory``).
    case personCategory = "person_category"
    /// Age band.
    case age
    /// Disability.
    case disability
    /// Gender reassignment.
    case genderReassignment = "gender_reassignment"
    /// Marriage and civil partnership.
    case marriageCivilPartnership = "marriage_civil_partnership"
    /// Pregnancy and maternity.
    case pregnancyMaternity = "pregnancy_maternity"
    /// Ethnic group (``EthnicGroup`` codes).
    case race
    /// Religion or belief.
    case religionBelief = "religion_belief"
    /// Sex.
    case sex
    /// Sexual orientation.
    case sexualOrientation = "sexual_orientation"
}

/// One published cell of a body's composition, after small-number suppression.
public struct CompositionCell: Codable, Sendable, Hashable {
    /// The body, or absent for all reviewed bodies together.
    public var bodyId: BodyID?
    /// What is counted by.
    public var dimension: CompositionDimension
    /// The category, e.g. `black`, `ebe_lived`, `not_stated`.
    public var category: CategoryCode
    /// How many, rounded, or `"*"` when suppressed.
    public var count: PublishedCount

    /// Creates a cell.
    public init(bodyId: BodyID? = nil, dimension: CompositionDimension, category: CategoryCode, count: PublishedCount) {
        self.bodyId = bodyId
        self.dimension = dimension
        self.category = category
        self.count = count
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bodyId, dimension, category, count
    }

    /// Decodes a cell, refusing other members.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        bodyId = try c.decodeIfPresent(BodyID.self, forKey: .bodyId)
        dimension = try c.decode(CompositionDimension.self, forKey: .dimension)
        category = try c.decode(CategoryCode.self, forKey: .category)
        count = try c.decode(PublishedCount.self, forKey: .count)
    }
}

/// The periodic review of who sits on the bodies (rule G-8), published as suppressed aggregates.
public struct RepresentationReviewed: EventPayload {
    /// `representation.reviewed`.
    public static let eventType = "representation.reviewed"
    /// Version 1.
    public static let typeVersion = 1
    /// Group C.
    public static let group = CatalogueGroup.bodies
    /// One line for `coledger types`.
    public static let summary = "A review of the bodies' racial and intersecting representation, as suppressed aggregates."

    /// The bodies reviewed.
    public var bodyIds: [BodyID]
    /// Their composition, small numbers suppressed.
    public var aggregateComposition: [CompositionCell]
    /// What the review found.
    public var findings: LongText
    /// Actions raised (created before this event).
    public var actionsRaised: [EntityID]
    /// The small-number suppression policy applied.
    public var sdcPolicyRef: ExternalRef?

    /// Creates the payload.
    public init(
        bodyIds: [BodyID], aggregateComposition: [CompositionCell], findings: LongText, actionsRaised: [EntityID],
        sdcPolicyRef: ExternalRef? = nil
    ) {
        self.bodyIds = bodyIds
        self.aggregateComposition = aggregateComposition
        self.findings = findings
        self.actionsRaised = actionsRaised
        self.sdcPolicyRef = sdcPolicyRef
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bodyIds, aggregateComposition, findings, actionsRaised, sdcPolicyRef
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// Always `representation`.
    public var stream: String { "representation" }
    /// The bodies, the bodies named in cells, and the actions raised.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.each(.body, bodyIds, at: "/bodyIds")
        aggregateComposition.enumerated().flatMap { i, cell in Ref.maybe(.body, cell.bodyId, at: "/aggregateComposition/\(i)/bodyId") }
        Ref.each(.action, actionsRaised, at: "/actionsRaised")
    }

    /// The 2026 review of the two boards.
    public static var example: RepresentationReviewed {
        RepresentationReviewed(
            bodyIds: ["B-TRUSTEES", "B-EIB"],
            aggregateComposition: [
                CompositionCell(dimension: .race, category: "white", count: .count(15)),
                CompositionCell(dimension: .race, category: "black", count: .suppressed),
                CompositionCell(dimension: .race, category: "asian", count: .suppressed),
                CompositionCell(bodyId: "B-EIB", dimension: .personCategory, category: "ebe_lived", count: .suppressed),
            ],
            findings: "Black and Asian members remain under-represented on both boards; recruitment to be widened.",
            actionsRaised: ["LG-1"], sdcPolicyRef: "SDC-2026-1")
    }
}
