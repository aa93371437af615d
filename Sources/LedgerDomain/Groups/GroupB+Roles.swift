// Group B: roles (DOMAIN.md 7.3 B). Registered in GroupB.swift.

/// A role of the seed inventory (or a local one), with its other spellings.
public struct RoleDefined: EventPayload {
    /// `role.defined`.
    public static let eventType = "role.defined"
    /// Version 1.
    public static let typeVersion = 1
    /// Group B.
    public static let group = CatalogueGroup.organisation
    /// One line for `coledger types`.
    public static let summary = "A role (R-…), its canonical name, other spellings, and whether one person holds it at a time."

    /// The role id.
    public var roleId: RoleID
    /// The canonical name.
    public var name: ShortText
    /// Other spellings of the same role (may be empty).
    public var aliases: [ShortText]
    /// Whether at most one person holds it at a time.
    public var singleOccupant: Bool

    /// Creates the payload.
    public init(roleId: RoleID, name: ShortText, aliases: [ShortText], singleOccupant: Bool) {
        self.roleId = roleId
        self.name = name
        self.aliases = aliases
        self.singleOccupant = singleOccupant
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case roleId, name, aliases, singleOccupant
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `role/<roleId>`.
    public var stream: String { "role/\(roleId)" }
    /// The role.
    public var defines: EntityReference? { .to(.role, roleId, at: "/roleId") }

    /// The role the seed spells two ways.
    public static var example: RoleDefined {
        RoleDefined(
            roleId: "R-HEAD-RJE", name: "Head of Racial Justice and Equity", aliases: ["Head of Equity and Racial Justice"],
            singleOccupant: true)
    }
}

/// A person takes up a role.
public struct RoleAssigned: EventPayload {
    /// `role.assigned`.
    public static let eventType = "role.assigned"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group B.
    public static let group = CatalogueGroup.organisation
    /// One line for `coledger types`.
    public static let summary = "A person takes up a role from a date, optionally for a body or region and by a decision."

    /// The role.
    public var roleId: RoleID
    /// The person.
    public var personId: PersonID
    /// First day in the role.
    public var from: ISODate
    /// The body the role is held on, e.g. R-CHAMPION on B-TRUSTEES.
    public var bodyId: BodyID?
    /// The region the role covers, e.g. a regional lead's.
    public var regionId: EntityID?
    /// The decision that appointed the person.
    public var appointedByDecision: EntityID?

    /// Creates the payload.
    public init(
        roleId: RoleID, personId: PersonID, from: ISODate, bodyId: BodyID? = nil, regionId: EntityID? = nil,
        appointedByDecision: EntityID? = nil
    ) {
        self.roleId = roleId
        self.personId = personId
        self.from = from
        self.bodyId = bodyId
        self.regionId = regionId
        self.appointedByDecision = appointedByDecision
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case roleId, personId, from, bodyId, regionId, appointedByDecision
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `role/<roleId>`.
    public var stream: String { "role/\(roleId)" }
    /// The role, the person, and the body, region and decision when given.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.role, roleId, at: "/roleId")
        Ref.to(.person, personId, at: "/personId")
        Ref.maybe(.body, bodyId, at: "/bodyId")
        Ref.maybe(.region, regionId, at: "/regionId")
        Ref.maybe(.decision, appointedByDecision, at: "/appointedByDecision")
    }

    /// The North West regional lead, who also sits on the regional forum.
    public static var example: RoleAssigned {
        RoleAssigned(
            roleId: "R-REG-LEAD", personId: "p-0012", from: "2024-01-08", bodyId: "B-REGFORUM-NW", regionId: "NW",
            appointedByDecision: "dec-2023-019")
    }
}

/// A person leaves a role.
public struct RoleEnded: EventPayload {
    /// `role.ended`.
    public static let eventType = "role.ended"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group B.
    public static let group = CatalogueGroup.organisation
    /// One line for `coledger types`.
    public static let summary = "A person leaves a role on a date (a gap in R-CHAMPION breaks rule G-1)."

    /// The role.
    public var roleId: RoleID
    /// The person.
    public var personId: PersonID
    /// Last day in the role.
    public var to: ISODate
    /// Why.
    public var reason: TenureEndReason?

    /// Creates the payload.
    public init(roleId: RoleID, personId: PersonID, to: ISODate, reason: TenureEndReason? = nil) {
        self.roleId = roleId
        self.personId = personId
        self.to = to
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case roleId, personId, to, reason
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `role/<roleId>`.
    public var stream: String { "role/\(roleId)" }
    /// The role and the person.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.role, roleId, at: "/roleId")
        Ref.to(.person, personId, at: "/personId")
    }

    /// The Board-level champion's term ends.
    public static var example: RoleEnded {
        RoleEnded(roleId: "R-CHAMPION", personId: "p-0003", to: "2026-09-30", reason: .termEnded)
    }
}
