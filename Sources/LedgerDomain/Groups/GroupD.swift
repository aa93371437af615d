// Group D: meetings (DOMAIN.md 7.3 D). Decisions are in GroupD+Decisions.swift.
//
// A meeting is defined by `meeting.scheduled`; `meeting.held` and `minutes.approved` refer to
// it. An unplanned meeting is scheduled (with its agenda) just before it is held.

extension Catalogue {
    /// Catalogue group D (DOMAIN.md section 7.3).
    static let groupD: [any EventPayload.Type] = [
        MeetingScheduled.self, MeetingHeld.self, MinutesApproved.self, DecisionProposed.self, DecisionRecorded.self,
        DecisionReferred.self, DecisionReviewed.self,
    ]
}

/// A body's meeting is called, with its agenda.
public struct MeetingScheduled: EventPayload {
    /// `meeting.scheduled`.
    public static let eventType = "meeting.scheduled"
    /// Version 1.
    public static let typeVersion = 1
    /// Group D.
    public static let group = CatalogueGroup.meetings
    /// One line for `coledger types`.
    public static let summary = "A body's meeting is called for a time, with the digest of its agenda."

    /// The meeting id.
    public var meetingId: EntityID
    /// The body meeting.
    public var bodyId: BodyID
    /// When it starts.
    public var scheduledFor: UTCTimestamp
    /// Digest of the agenda.
    public var agendaHash: DocHash

    /// Creates the payload.
    public init(meetingId: EntityID, bodyId: BodyID, scheduledFor: UTCTimestamp, agendaHash: DocHash) {
        self.meetingId = meetingId
        self.bodyId = bodyId
        self.scheduledFor = scheduledFor
        self.agendaHash = agendaHash
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case meetingId, bodyId, scheduledFor, agendaHash
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `meeting/<meetingId>`.
    public var stream: String { "meeting/\(meetingId)" }
    /// The meeting.
    public var defines: EntityReference? { .to(.meeting, meetingId, at: "/meetingId") }
    /// The body.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.body, bodyId, at: "/bodyId")
    }

    /// The Practice Forum's March meeting.
    public static var example: MeetingScheduled {
        MeetingScheduled(
            meetingId: "mtg-amhepf-2026-03", bodyId: "B-AMHEPF", scheduledFor: "2026-03-04T14:00:00Z",
            agendaHash: "sha256:0d5f8a7e3b1c9a2e4f6d8b0a1c3e5f7a9b2d4f6e8a0c1e3f5a7b9d2e4f6a8c0b")
    }
}

/// What a person did in a meeting.
public enum MeetingRole: String, CatalogueEnum {
    /// Chaired it.
    case chair
    /// Facilitated it.
    case facilitator
    /// Took the minutes.
    case secretary
    /// Took part as a member.
    case member
    /// Observed (not counted for quorum).
    case observer
    /// Attended by invitation for an item (not counted for quorum).
    case guest
}

/// One person present at a meeting.
public struct Attendee: Codable, Sendable, Hashable {
    /// The person.
    public var personId: PersonID
    /// The category they attended in.
    public var category: PersonCategory
    /// What they did.
    public var role: MeetingRole

    /// Creates an attendee.
    public init(personId: PersonID, category: PersonCategory, role: MeetingRole) {
        self.personId = personId
        self.category = category
        self.role = role
    }

    /// The attendee's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case personId, category, role
    }

    /// Decodes `{personId, category, role}`, refusing other members.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        personId = try c.decode(PersonID.self, forKey: .personId)
        category = try c.decode(PersonCategory.self, forKey: .category)
        role = try c.decode(MeetingRole.self, forKey: .role)
    }
}

/// An interest declared at a meeting for one agenda item.
public struct MeetingDeclaration: Codable, Sendable, Hashable {
    /// What the person did about it.
    public enum Action: String, CatalogueEnum {
        /// Left the discussion and the decision.
        case recused
        /// Stayed in, with the chair's agreement.
        case participated
    }

    /// The person.
    public var personId: PersonID
    /// The agenda item (its number, or a decision id).
    public var itemRef: EntityID
    /// What they did.
    public var action: Action

    /// Creates a declaration.
    public init(personId: PersonID, itemRef: EntityID, action: Action) {
        self.personId = personId
        self.itemRef = itemRef
        self.action = action
    }

    /// The declaration's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case personId, itemRef, action
    }

    /// Decodes `{personId, itemRef, action}`, refusing other members.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        personId = try c.decode(PersonID.self, forKey: .personId)
        itemRef = try c.decode(EntityID.self, forKey: .itemRef)
        action = try c.decode(Action.self, forKey: .action)
    }
}

/// A scheduled meeting took place: who came, apologies, quorum, EbE presence, declarations.
public struct MeetingHeld: EventPayload {
    /// `meeting.held`.
    public static let eventType = "meeting.held"
    /// Version 1.
    public static let typeVersion = 1
    /// Group D.
    public static let group = CatalogueGroup.meetings
    /// One line for `coledger types`.
    public static let summary = "A scheduled meeting took place: attendance, apologies, quorum, EbE presence and declarations."

    /// The meeting (scheduled earlier).
    public var meetingId: EntityID
    /// The body that met.
    public var bodyId: BodyID
    /// Who was present.
    public var attendees: [Attendee]
    /// Who sent apologies (may be empty).
    public var apologies: [PersonID]
    /// Whether the chair declared the meeting quorate (the verifier recomputes, rule G-5).
    public var quorumMet: Bool
    /// How many Experts by Experience were present (the verifier recomputes, rule G-4).
    public var ebePresent: Count
    /// Interests declared at the meeting (at least one); otherwise `noneDeclared`.
    public var declarationsMade: [MeetingDeclaration]?
    /// `true` when nobody declared an interest (rule G-6); otherwise `declarationsMade`.
    public var noneDeclared: Bool?

    /// Creates the payload. Give either non-empty `declarationsMade` or `noneDeclared: true`.
    public init(
        meetingId: EntityID, bodyId: BodyID, attendees: [Attendee], apologies: [PersonID], quorumMet: Bool, ebePresent: Count,
        declarationsMade: [MeetingDeclaration]? = nil, noneDeclared: Bool? = nil
    ) {
        self.meetingId = meetingId
        self.bodyId = bodyId
        self.attendees = attendees
        self.apologies = apologies
        self.quorumMet = quorumMet
        self.ebePresent = ebePresent
        self.declarationsMade = declarationsMade
        self.noneDeclared = noneDeclared
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case meetingId, bodyId, attendees, apologies, quorumMet, ebePresent, declarationsMade, noneDeclared
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// Decodes the payload; exactly one of a non-empty `declarationsMade` and `noneDeclared: true`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        meetingId = try c.decode(EntityID.self, forKey: .meetingId)
        bodyId = try c.decode(BodyID.self, forKey: .bodyId)
        attendees = try c.decode([Attendee].self, forKey: .attendees)
        apologies = try c.decode([PersonID].self, forKey: .apologies)
        quorumMet = try c.decode(Bool.self, forKey: .quorumMet)
        ebePresent = try c.decode(Count.self, forKey: .ebePresent)
        declarationsMade = try c.decodeIfPresent([MeetingDeclaration].self, forKey: .declarationsMade)
        noneDeclared = try c.decodeIfPresent(Bool.self, forKey: .noneDeclared)
        if declarationsMade?.isEmpty == true {
            throw DecodingError.rule(c.codingPath + [CodingKeys.declarationsMade], "must list at least one declaration; use noneDeclared: true instead")
        }
        if noneDeclared == false {
            throw DecodingError.rule(c.codingPath + [CodingKeys.noneDeclared], "can only be true; leave it out when declarations were made")
        }
        switch (declarationsMade, noneDeclared) {
        case (.some, .some):
            throw DecodingError.rule(c.codingPath, "give declarationsMade or noneDeclared, not both")
        case (.none, .none):
            throw DecodingError.rule(c.codingPath, "record declarations of interest: give declarationsMade or noneDeclared: true (rule G-6)")
        default:
            break
        }
    }

    /// `meeting/<meetingId>`.
    public var stream: String { "meeting/\(meetingId)" }
    /// The meeting, the body, and every person named.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.meeting, meetingId, at: "/meetingId")
        Ref.to(.body, bodyId, at: "/bodyId")
        Ref.each(.person, attendees.map(\.personId), at: "/attendees", member: "personId")
        Ref.each(.person, apologies, at: "/apologies")
        Ref.each(.person, (declarationsMade ?? []).map(\.personId), at: "/declarationsMade", member: "personId")
    }

    /// The Practice Forum's March meeting: five present, two Experts by Experience, one recusal.
    public static var example: MeetingHeld {
        MeetingHeld(
            meetingId: "mtg-amhepf-2026-03", bodyId: "B-AMHEPF",
            attendees: [
                Attendee(personId: "p-0001", category: .staff, role: .facilitator),
                Attendee(personId: "p-0002", category: .staff, role: .facilitator),
                Attendee(personId: "p-0007", category: .ebeLived, role: .member),
                Attendee(personId: "p-0009", category: .ebeCarer, role: .member),
                Attendee(personId: "p-0021", category: .staff, role: .secretary),
            ],
            apologies: ["p-0014"], quorumMet: true, ebePresent: 2,
            declarationsMade: [MeetingDeclaration(personId: "p-0009", itemRef: "dec-2026-009", action: .recused)])
    }
}

/// A meeting's minutes are approved, usually at the next meeting (rule G-10).
public struct MinutesApproved: EventPayload {
    /// `minutes.approved`.
    public static let eventType = "minutes.approved"
    /// Version 1.
    public static let typeVersion = 1
    /// Group D.
    public static let group = CatalogueGroup.meetings
    /// One line for `coledger types`.
    public static let summary = "A meeting's minutes (by digest) are approved at a later meeting."

    /// The meeting minuted.
    public var meetingId: EntityID
    /// Digest of the approved minutes.
    public var minutesHash: DocHash
    /// The meeting that approved them.
    public var approvedAtMeetingId: EntityID

    /// Creates the payload.
    public init(meetingId: EntityID, minutesHash: DocHash, approvedAtMeetingId: EntityID) {
        self.meetingId = meetingId
        self.minutesHash = minutesHash
        self.approvedAtMeetingId = approvedAtMeetingId
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case meetingId, minutesHash, approvedAtMeetingId
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `meeting/<meetingId>`.
    public var stream: String { "meeting/\(meetingId)" }
    /// Both meetings.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.meeting, meetingId, at: "/meetingId")
        Ref.to(.meeting, approvedAtMeetingId, at: "/approvedAtMeetingId")
    }

    /// March's minutes approved in April.
    public static var example: MinutesApproved {
        MinutesApproved(
            meetingId: "mtg-amhepf-2026-03",
            minutesHash: "sha256:6a2c4e8f0b1d3f5a7c9e1b3d5f7a9c0e2b4d6f8a1c3e5a7b9d0f2b4d6e8a0c1e",
            approvedAtMeetingId: "mtg-amhepf-2026-04")
    }
}
