import LedgerCore
public import LedgerDomain

// People, roles and bodies (catalogue groups B and C).

/// Register a person under a pseudonym (`person.registered`); name and contact go to the private part.
public struct RegisterPerson: RecordingRequest {
    typealias K = PersonRegistered.CodingKeys
    /// The pseudonym, e.g. `p-0001`.
    public var personId: PersonID
    /// The parts the person plays (at least one).
    public var categories: [PersonCategory]
    /// The record-of-processing entry that covers the private data (rule P-1).
    public var lawfulBasisRef: ExternalRef
    /// Their name (private).
    public var name: String?
    /// How to reach them (private).
    public var contact: String?

    /// Creates the request.
    public init(
        personId: PersonID, categories: [PersonCategory], lawfulBasisRef: ExternalRef, name: String? = nil,
        contact: String? = nil
    ) {
        self.personId = personId
        self.categories = categories
        self.lawfulBasisRef = lawfulBasisRef
        self.name = name
        self.contact = contact
    }

    /// The fields, by member.
    public static let fields = [
        K.personId.stringValue: "--id", K.categories.stringValue: "--category",
        K.lawfulBasisRef.stringValue: "--lawful-basis",
    ]

    /// The payload.
    public func payload(from log: LogLookup, at time: String) throws -> PersonRegistered {
        PersonRegistered(personId: personId, categories: categories, lawfulBasisRef: lawfulBasisRef)
    }

    /// Name and contact, under subject `person/<id>`.
    public func privatePart(from log: LogLookup) -> PrivatePart? {
        var data: [String: JSONValue] = [:]
        if let name { data["name"] = .string(name) }
        if let contact { data["contact"] = .string(contact) }
        return PrivatePart(subject: "person/\(personId)", data: data)
    }

    /// `Registered person p-0001.`
    public func summary(of payload: PersonRegistered) -> String { "Registered person \(personId)." }
}

/// Define a role (`role.defined`).
extension RoleDefined: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.roleId.stringValue: "--role", K.name.stringValue: "--name", K.aliases.stringValue: "--alias",
    ]

    /// `Defined role R-HEAD-RJE.`
    public func summary(of payload: RoleDefined) -> String { "Defined role \(roleId)." }
}

/// A person takes up a role from the effective date (`role.assigned`).
public struct AssignRole: RecordingRequest {
    typealias K = RoleAssigned.CodingKeys
    /// The role.
    public var roleId: RoleID
    /// The person.
    public var personId: PersonID
    /// The body the role is held for.
    public var bodyId: BodyID?
    /// The region the role is held for.
    public var regionId: EntityID?
    /// The decision that appointed them.
    public var appointedByDecision: EntityID?

    /// Creates the request.
    public init(
        roleId: RoleID, personId: PersonID, bodyId: BodyID? = nil, regionId: EntityID? = nil,
        appointedByDecision: EntityID? = nil
    ) {
        self.roleId = roleId
        self.personId = personId
        self.bodyId = bodyId
        self.regionId = regionId
        self.appointedByDecision = appointedByDecision
    }

    /// The fields, by member.
    public static let fields = [
        K.roleId.stringValue: "--role", K.personId.stringValue: "--person", K.bodyId.stringValue: "--body",
        K.regionId.stringValue: "--region", K.appointedByDecision.stringValue: "--decision",
    ]

    /// The payload (`from` is the effective date).
    public func payload(from log: LogLookup, at time: String) throws -> RoleAssigned {
        RoleAssigned(
            roleId: roleId, personId: personId, from: ISODate(unchecked: String(time.prefix(10))), bodyId: bodyId,
            regionId: regionId,
            appointedByDecision: appointedByDecision)
    }

    /// `Assigned role R-HEAD-RJE to p-0001.`
    public func summary(of payload: RoleAssigned) -> String { "Assigned role \(roleId) to \(personId)." }
}

/// Set up a body with its terms of reference (`body.established`).
extension BodyEstablished: DirectRequest {
    typealias K = CodingKeys

    /// The fields, by member.
    public static let fields = [
        K.bodyId.stringValue: "--body", K.bodyType.stringValue: "--type", K.name.stringValue: "--name",
        K.aliases.stringValue: "--alias",
        K.parentBodyId.stringValue: "--parent", K.regionId.stringValue: "--region",
        K.chairRoleId.stringValue: "--chair-role",
        K.facilitatorRoleIds.stringValue: "--facilitator-role", K.torDocHash.stringValue: "--tor-hash",
        K.quorumRule.stringValue: "--quorum/--quorum-of", K.ebePresenceRule.stringValue: "--ebe-min/--ebe-share",
        K.decisionScope.stringValue: "--scope", K.decisionRef.stringValue: "--decision",
    ]

    /// Where a quorum category is refused, for a parser of category text.
    public static var quorumCategoryPointer: String {
        "/payload/\(K.quorumRule.stringValue)/\(QuorumRule.CodingKeys.ofCategory.stringValue)"
    }

    /// `Established body B-AMHEPF.`
    public func summary(of payload: BodyEstablished) -> String { "Established body \(bodyId)." }
}

/// A person joins a body from the effective date (`member.joined`).
public struct AddMember: RecordingRequest {
    typealias K = MemberJoined.CodingKeys
    /// The body.
    public var bodyId: BodyID
    /// The person.
    public var personId: PersonID
    /// The category they sit in.
    public var membershipCategory: PersonCategory
    /// Whether they vote.
    public var votingRights: Bool

    /// Creates the request.
    public init(bodyId: BodyID, personId: PersonID, membershipCategory: PersonCategory, votingRights: Bool = true) {
        self.bodyId = bodyId
        self.personId = personId
        self.membershipCategory = membershipCategory
        self.votingRights = votingRights
    }

    /// The fields, by member.
    public static let fields = [
        K.bodyId.stringValue: "--body", K.personId.stringValue: "--person",
        K.membershipCategory.stringValue: "--category",
    ]

    /// The payload (`from` is the effective date).
    public func payload(from log: LogLookup, at time: String) throws -> MemberJoined {
        MemberJoined(
            bodyId: bodyId, personId: personId, membershipCategory: membershipCategory, votingRights: votingRights,
            from: ISODate(unchecked: String(time.prefix(10))))
    }

    /// `p-0002 joined B-AMHEPF as staff.`
    public func summary(of payload: MemberJoined) -> String {
        "\(personId) joined \(bodyId) as \(membershipCategory.rawValue)."
    }
}
