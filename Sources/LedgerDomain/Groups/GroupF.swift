extension Catalogue {
    /// Catalogue group F (DOMAIN.md section 7.3): the feedback loop ("you said, we did").
    static let groupF: [any EventPayload.Type] = [
        FeedbackReceived.self, FeedbackAcknowledged.self, FeedbackTriaged.self, FeedbackLinked.self,
        FeedbackStatusUpdated.self, FeedbackRespondedV1.self, FeedbackResponded.self, SubmitterNotified.self, FeedbackClosed.self,
        FeedbackReplyReceived.self,
    ]
}

/// `feedback.received`: a piece of feedback arrived; its text is sealed in the private part.
public struct FeedbackReceived: EventPayload {
    /// `feedback.received`
    public static let eventType = "feedback.received"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group F.
    public static let group = CatalogueGroup.feedback
    /// One-line description.
    public static let summary = "Feedback arrived through a channel; its text is sealed (private part)"
    /// The feedback text is personal data.
    public static var privateFields: [String] { ["text"] }
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The feedback id, e.g. `F-2026-0001`.
    public var feedbackId: String
    /// How it arrived.
    public var channel: FeedbackVocabulary.Channel
    /// When it arrived (RFC 3339 UTC); rule F-1 counts working days from here.
    public var receivedAt: String
    /// The service it is about, if any.
    public var serviceId: String?
    /// The region it is about, if any.
    public var regionId: String?
    /// The body it came through (e.g. `B-REAL` for a staff network, a regional forum), if any.
    public var bodyId: String?
    /// The submitter's person id, or the literal `anonymous`.
    public var submitter: String
    /// The language it was given in (BCP 47), e.g. `en`, `pa`.
    public var language: String
    /// The accessible format the submitter asked to be answered in, if any.
    public var accessibleFormat: ReportingVocabulary.AccessibleFormat?
    /// Whether the submitter agreed to a moderated summary being published ("you said").
    public var consentToPublish: Bool
    /// Whether the submitter agreed to be contacted about the outcome (rule F-4).
    public var contactConsent: Bool
    /// The event id of the submitter's equality monitoring record, if they gave one.
    public var equalityRef: String?
    /// The lawful basis the sealed text is held under (rule P-1), e.g. `LB-ART9-2H`.
    public var lawfulBasisRef: String?
    /// The lawful basis for the private part (``EventPayload/lawfulBasis``).
    public var lawfulBasis: String? { lawfulBasisRef }

    /// The payload's members: the recording API names them in errors, the projections read stored
    /// payloads by them.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case feedbackId, channel, receivedAt, serviceId, regionId, bodyId, submitter, language, accessibleFormat
        case consentToPublish, contactConsent, equalityRef, lawfulBasisRef
    }

    /// The submitter value for anonymous feedback.
    public static let anonymous = "anonymous"

    /// `feedback/<feedbackId>`
    public var stream: String { "feedback/\(feedbackId)" }
    /// Defines the feedback item.
    public var defines: EntityReference? { EntityReference(.feedback, feedbackId, at: "/feedbackId") }
    /// The service, region, body, submitter (unless anonymous) and equality record.
    public var references: [EntityReference] {
        var refs: [EntityReference] = []
        if let serviceId { refs.append(EntityReference(.service, serviceId, at: "/serviceId")) }
        if let regionId { refs.append(EntityReference(.region, regionId, at: "/regionId")) }
        if let bodyId { refs.append(EntityReference(.body, bodyId, at: "/bodyId")) }
        if submitter != Self.anonymous { refs.append(EntityReference(.person, submitter, at: "/submitter")) }
        if let equalityRef { refs.append(EntityReference(.event, equalityRef, at: "/equalityRef")) }
        return refs
    }

    /// Feedback about interpreters at a London service, from the SUES.
    public static var example: Self {
        FeedbackReceived(
            feedbackId: "F-2026-0001", channel: .sues, receivedAt: "2026-03-02T10:15:00Z", serviceId: "SVC-LDN-CMH",
            regionId: "london", bodyId: nil, submitter: "p-9f3a", language: "pa", accessibleFormat: .translation,
            consentToPublish: true, contactConsent: true, equalityRef: nil, lawfulBasisRef: "LB-ART9-2H")
    }
}

extension FeedbackReceived {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try c.fkString(.feedbackId, .id)
        channel = try c.fk(.channel)
        receivedAt = try c.fkString(.receivedAt, .timestamp)
        serviceId = try c.fkStringIfPresent(.serviceId, .id)
        regionId = try c.fkStringIfPresent(.regionId, .id)
        bodyId = try c.fkStringIfPresent(.bodyId, .id)
        submitter = try c.fkString(.submitter, .id)
        language = try c.fkString(.language, .language)
        accessibleFormat = try c.fkIfPresent(.accessibleFormat)
        consentToPublish = try c.fk(.consentToPublish)
        contactConsent = try c.fk(.contactConsent)
        equalityRef = try c.fkStringIfPresent(.equalityRef, .uuid)
        lawfulBasisRef = try c.fkStringIfPresent(.lawfulBasisRef, .id)
    }
}

/// `feedback.acknowledged`: the submitter was told the feedback arrived (rule F-1).
public struct FeedbackAcknowledged: EventPayload {
    /// `feedback.acknowledged`
    public static let eventType = "feedback.acknowledged"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group F.
    public static let group = CatalogueGroup.feedback
    /// One-line description.
    public static let summary = "Receipt of a piece of feedback was acknowledged"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The feedback id.
    public var feedbackId: String
    /// When it was acknowledged (RFC 3339 UTC).
    public var at: String
    /// How (`anonymous_no_contact` when there is nobody to tell).
    public var method: FeedbackVocabulary.ContactMethod

    /// The payload's members: the recording API names them in errors, the projections read stored
    /// payloads by them.
    public enum CodingKeys: String, CodingKey, CaseIterable { case feedbackId, at, method }

    /// `feedback/<feedbackId>`
    public var stream: String { "feedback/\(feedbackId)" }
    /// The feedback item.
    public var references: [EntityReference] { [EntityReference(.feedback, feedbackId, at: "/feedbackId")] }

    /// Acknowledged by email the next day.
    public static var example: Self {
        FeedbackAcknowledged(feedbackId: "F-2026-0001", at: "2026-03-03T09:00:00Z", method: .email)
    }
}

extension FeedbackAcknowledged {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try c.fkString(.feedbackId, .id)
        at = try c.fkString(.at, .timestamp)
        method = try c.fk(.method)
    }
}

/// `feedback.triaged`: themes, tags and criticality were assigned.
public struct FeedbackTriaged: EventPayload {
    /// `feedback.triaged`
    public static let eventType = "feedback.triaged"
    /// 1
    public static let typeVersion = 1
    /// Group F.
    public static let group = CatalogueGroup.feedback
    /// One-line description.
    public static let summary = "Feedback was triaged: themes, pillars, competencies, criticality, safeguarding flag"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The feedback id.
    public var feedbackId: String
    /// Theme codes (lower snake case), at least one, e.g. `interpreters`.
    public var themes: [String]
    /// Pillars it touches (may be empty).
    public var pillars: [TagVocabulary.Pillar]
    /// Competencies it touches (may be empty).
    public var competencies: [TagVocabulary.Competency]
    /// Criticality from 0 (none) to 5 (highest); record the event with restricted visibility.
    public var criticality: Int
    /// Whether a safeguarding concern was raised (handled outside the ledger).
    public var safeguardingFlag: Bool
    /// The role that owns the response, if assigned.
    public var ownerRoleId: String?

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case feedbackId, themes, pillars, competencies, criticality, safeguardingFlag, ownerRoleId
    }

    /// `feedback/<feedbackId>`
    public var stream: String { "feedback/\(feedbackId)" }
    /// The feedback item and the owning role.
    public var references: [EntityReference] {
        var refs = [EntityReference(.feedback, feedbackId, at: "/feedbackId")]
        if let ownerRoleId { refs.append(EntityReference(.role, ownerRoleId, at: "/ownerRoleId")) }
        return refs
    }

    /// Interpreter access, tagged access to care and cultural awareness.
    public static var example: Self {
        FeedbackTriaged(
            feedbackId: "F-2026-0001", themes: ["interpreters", "waiting_times"], pillars: [.access],
            competencies: [.culturalAwareness, .staffKnowledge], criticality: 2, safeguardingFlag: false, ownerRoleId: "R-SVC-MGR")
    }
}

extension FeedbackTriaged {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try c.fkString(.feedbackId, .id)
        themes = try c.fkStrings(.themes, .code, minItems: 1)
        pillars = try c.fkArray(.pillars)
        competencies = try c.fkArray(.competencies)
        criticality = try c.fkInt(.criticality, in: 0...5)
        safeguardingFlag = try c.fk(.safeguardingFlag)
        ownerRoleId = try c.fkStringIfPresent(.ownerRoleId, .id)
    }
}

/// `feedback.linked`: a piece of feedback was linked to an action, decision, metric or other feedback.
public struct FeedbackLinked: EventPayload {
    /// `feedback.linked`
    public static let eventType = "feedback.linked"
    /// 1
    public static let typeVersion = 1
    /// Group F.
    public static let group = CatalogueGroup.feedback
    /// One-line description.
    public static let summary = "Feedback was linked to an action, decision, metric or another feedback item"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The feedback id.
    public var feedbackId: String
    /// What it is linked to.
    public var targetType: FeedbackVocabulary.LinkTarget
    /// The target's id.
    public var targetId: String

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable { case feedbackId, targetType, targetId }

    /// `feedback/<feedbackId>`
    public var stream: String { "feedback/\(feedbackId)" }
    /// The feedback item and the target.
    public var references: [EntityReference] {
        [EntityReference(.feedback, feedbackId, at: "/feedbackId"), EntityReference(targetType.kind, targetId, at: "/targetId")]
    }

    /// Linked to the MHS-3 action for the London service.
    public static var example: Self {
        FeedbackLinked(feedbackId: "F-2026-0001", targetType: .action, targetId: "MHS-3-london")
    }
}

extension FeedbackLinked {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try c.fkString(.feedbackId, .id)
        targetType = try c.fk(.targetType)
        targetId = try c.fkString(.targetId, .id)
    }
}

/// `feedback.status_updated`: progress on a piece of feedback before its response (rule F-2's 30-day update).
public struct FeedbackStatusUpdated: EventPayload {
    /// `feedback.status_updated`
    public static let eventType = "feedback.status_updated"
    /// 1
    public static let typeVersion = 1
    /// Group F.
    public static let group = CatalogueGroup.feedback
    /// One-line description.
    public static let summary = "Progress on open feedback was recorded (keeps the F-2 clock alive)"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The feedback id.
    public var feedbackId: String
    /// Where it stands.
    public var status: FeedbackVocabulary.Status
    /// A short public note, if any (no personal data).
    public var note: String?

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable { case feedbackId, status, note }

    /// `feedback/<feedbackId>`
    public var stream: String { "feedback/\(feedbackId)" }
    /// The feedback item.
    public var references: [EntityReference] { [EntityReference(.feedback, feedbackId, at: "/feedbackId")] }

    /// Waiting for the practice forum's decision.
    public static var example: Self {
        FeedbackStatusUpdated(
            feedbackId: "F-2026-0001", status: .awaitingDecision,
            note: "Interpreter booking proposal goes to the AMHE Practice Forum in April.")
    }
}

extension FeedbackStatusUpdated {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try c.fkString(.feedbackId, .id)
        status = try c.fk(.status)
        note = try c.fkStringIfPresent(.note, .text)
    }
}
