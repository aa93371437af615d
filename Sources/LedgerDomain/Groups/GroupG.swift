extension Catalogue {
    /// Catalogue group G (DOMAIN.md section 7.3): contributions and recognition.
    static let groupG: [any EventPayload.Type] = [
        ContributionRecorded.self, ContributionInfluenceTraced.self, ContributorNotified.self, InvolvementRecognitionRecorded.self,
    ]
}

/// `contribution.recorded`: someone with lived experience (or a forum member) gave input; its content is sealed.
///
/// At least one of `bodyId` and `meetingId` is required.
public struct ContributionRecorded: EventPayload {
    /// `contribution.recorded`
    public static let eventType = "contribution.recorded"
    /// 1
    public static let typeVersion = 1
    /// Group G.
    public static let group = CatalogueGroup.contributions
    /// One-line description.
    public static let summary = "A person's input through a body or meeting was recorded; its content is sealed (private part)"
    /// The content of the input is personal data.
    public static var privateFields: [String] { ["content"] }
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The contribution id, e.g. `CON-2026-0014`.
    public var contributionId: String
    /// The contributor's person id (pseudonym).
    public var personId: String
    /// The body it came through (e.g. `B-LEAB`).
    public var bodyId: String?
    /// The meeting it was made at.
    public var meetingId: String?
    /// What kind of input it is.
    public var kind: InvolvementVocabulary.ContributionKind
    /// The rung of the ladder of co-production it was made at.
    public var ladderRung: InvolvementVocabulary.LadderRung
    /// What it is about: ids of actions, decisions, plans, metrics (may be empty).
    public var topicRefs: [String]
    /// Hours given, if recorded (for recognition).
    public var hours: Double?
    /// The lawful basis the sealed content is held under (rule P-1).
    public var lawfulBasisRef: String?
    /// The lawful basis for the private part (``EventPayload/lawfulBasis``).
    public var lawfulBasis: String? { lawfulBasisRef }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case contributionId, personId, bodyId, meetingId, kind, ladderRung, topicRefs, hours, lawfulBasisRef
    }

    /// `contribution/<contributionId>`
    public var stream: String { "contribution/\(contributionId)" }
    /// Defines the contribution.
    public var defines: EntityReference? { EntityReference(.contribution, contributionId, at: "/contributionId") }
    /// The person, and the body and/or meeting.
    public var references: [EntityReference] {
        var refs = [EntityReference(.person, personId, at: "/personId")]
        if let bodyId { refs.append(EntityReference(.body, bodyId, at: "/bodyId")) }
        if let meetingId { refs.append(EntityReference(.meeting, meetingId, at: "/meetingId")) }
        return refs
    }

    /// A Lived Experience Advisory Board member's co-design input on the partnership framework.
    public static var example: Self {
        ContributionRecorded(
            contributionId: "CON-2026-0014", personId: "p-9f3a", bodyId: "B-LEAB", meetingId: "MTG-LEAB-2026-03",
            kind: .coDesign, ladderRung: .coDesign, topicRefs: ["PW-2"], hours: 3, lawfulBasisRef: "LB-ART9-2H")
    }
}

extension ContributionRecorded {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contributionId = try c.fkString(.contributionId, .id)
        personId = try c.fkString(.personId, .id)
        bodyId = try c.fkStringIfPresent(.bodyId, .id)
        meetingId = try c.fkStringIfPresent(.meetingId, .id)
        kind = try c.fk(.kind)
        ladderRung = try c.fk(.ladderRung)
        topicRefs = try c.fkStrings(.topicRefs, .id)
        hours = try c.fkNumberIfPresent(.hours, minimum: 0)
        lawfulBasisRef = try c.fkStringIfPresent(.lawfulBasisRef, .id)
        if bodyId == nil, meetingId == nil {
            throw c.fkMissing(.bodyId, "a contribution needs bodyId, meetingId or both")
        }
    }
}

/// `contribution.influence_traced`: what a contribution changed, or why it did not (rule C-1).
public struct ContributionInfluenceTraced: EventPayload {
    /// `contribution.influence_traced`
    public static let eventType = "contribution.influence_traced"
    /// 1
    public static let typeVersion = 1
    /// Group G.
    public static let group = CatalogueGroup.contributions
    /// One-line description.
    public static let summary = "A contribution was traced to what it influenced (adopted, adapted or considered and not adopted)"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The contribution id.
    public var contributionId: String
    /// What it is traced to.
    public var targetType: InvolvementVocabulary.InfluenceTarget
    /// The target's id.
    public var targetId: String
    /// How far it was taken up.
    public var influence: InvolvementVocabulary.Influence
    /// How it shaped the target, or why it was not adopted.
    public var explanation: String

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable { case contributionId, targetType, targetId, influence, explanation }

    /// `contribution/<contributionId>`
    public var stream: String { "contribution/\(contributionId)" }
    /// The contribution and the target.
    public var references: [EntityReference] {
        [EntityReference(.contribution, contributionId, at: "/contributionId"), EntityReference(targetType.kind, targetId, at: "/targetId")]
    }

    /// Adapted into the decision adopting the partnership framework.
    public static var example: Self {
        ContributionInfluenceTraced(
            contributionId: "CON-2026-0014", targetType: .decision, targetId: "D-2026-0042", influence: .adapted,
            explanation: "The framework's section on paying partners' time was rewritten along the lines the board proposed.")
    }
}

extension ContributionInfluenceTraced {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contributionId = try c.fkString(.contributionId, .id)
        targetType = try c.fk(.targetType)
        targetId = try c.fkString(.targetId, .id)
        influence = try c.fk(.influence)
        explanation = try c.fkString(.explanation, .text)
    }
}

/// `contribution.contributor_notified`: the contributor was told how their input was used (principle 2).
public struct ContributorNotified: EventPayload {
    /// `contribution.contributor_notified`
    public static let eventType = "contribution.contributor_notified"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group G.
    public static let group = CatalogueGroup.contributions
    /// One-line description.
    public static let summary = "The contributor was told how their input was used"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The contribution id.
    public var contributionId: String
    /// When (RFC 3339 UTC).
    public var at: String
    /// How, if recorded.
    public var method: FeedbackVocabulary.ContactMethod?

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable { case contributionId, at, method }

    /// `contribution/<contributionId>`
    public var stream: String { "contribution/\(contributionId)" }
    /// The contribution.
    public var references: [EntityReference] { [EntityReference(.contribution, contributionId, at: "/contributionId")] }

    /// Told by email.
    public static var example: Self {
        ContributorNotified(contributionId: "CON-2026-0014", at: "2026-05-06T11:30:00Z", method: .email)
    }
}

extension ContributorNotified {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contributionId = try c.fkString(.contributionId, .id)
        at = try c.fkString(.at, .timestamp)
        method = try c.fkIfPresent(.method)
    }
}

/// `involvement.recognition_recorded`: an involvement payment or other recognition changed status.
///
/// Amounts and bank details stay outside the ledger (DOMAIN.md 6.2, 9.9). At least one of
/// `contributionId` and `meetingId` is required.
public struct InvolvementRecognitionRecorded: EventPayload {
    /// `involvement.recognition_recorded`
    public static let eventType = "involvement.recognition_recorded"
    /// 1
    public static let typeVersion = 1
    /// Group G.
    public static let group = CatalogueGroup.contributions
    /// One-line description.
    public static let summary = "Recognition for involvement was offered, accepted, declined, paid or waived (no amounts)"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The recognition id (one per offer; each status change repeats it), e.g. `REC-2026-0031`.
    public var recognitionId: String
    /// The contribution recognised.
    public var contributionId: String?
    /// The meeting recognised.
    public var meetingId: String?
    /// Who is recognised (person id).
    public var personId: String
    /// The new status.
    public var status: InvolvementVocabulary.RecognitionStatus
    /// The involvement role level, 1–4 (NHS England PPV policy: level 4 attracts a payment).
    public var roleLevel: Int
    /// The reference in the payment or expenses system, if any.
    public var externalRef: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case recognitionId, contributionId, meetingId, personId, status, roleLevel, externalRef
    }

    /// `involvement/<recognitionId>`
    public var stream: String { "involvement/\(recognitionId)" }
    /// The person, and the contribution and/or meeting.
    public var references: [EntityReference] {
        var refs = [EntityReference(.person, personId, at: "/personId")]
        if let contributionId { refs.append(EntityReference(.contribution, contributionId, at: "/contributionId")) }
        if let meetingId { refs.append(EntityReference(.meeting, meetingId, at: "/meetingId")) }
        return refs
    }

    /// An involvement payment was made through payroll.
    public static var example: Self {
        InvolvementRecognitionRecorded(
            recognitionId: "REC-2026-0031", contributionId: "CON-2026-0014", meetingId: nil, personId: "p-9f3a",
            status: .paid, roleLevel: 4, externalRef: "PAY-88213")
    }
}

extension InvolvementRecognitionRecorded {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        recognitionId = try c.fkString(.recognitionId, .id)
        contributionId = try c.fkStringIfPresent(.contributionId, .id)
        meetingId = try c.fkStringIfPresent(.meetingId, .id)
        personId = try c.fkString(.personId, .id)
        status = try c.fk(.status)
        roleLevel = try c.fkInt(.roleLevel, in: 1...4)
        externalRef = try c.fkStringIfPresent(.externalRef, .id)
        if contributionId == nil, meetingId == nil {
            throw c.fkMissing(.contributionId, "recognition needs contributionId, meetingId or both")
        }
    }
}
