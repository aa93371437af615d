/// `feedback.responded` version 1: the "you said, we did" answer with its texts always in the
/// public payload, even when the submitter did not consent to publication. Kept so that existing
/// ledgers verify and read; it is upcast to ``FeedbackResponded`` (version 2) unchanged.
///
/// `changeDescription` is required unless `changeStatus` is `no_change_with_reason`, and then
/// `reason` is required instead (the schema says the same with `if`/`then`/`else`).
public struct FeedbackRespondedV1: EventPayload {
    /// `feedback.responded`
    public static let eventType = "feedback.responded"
    /// 1
    public static let typeVersion = 1
    /// Group F.
    public static let group = CatalogueGroup.feedback
    /// One-line description.
    public static let summary = "Feedback was answered: moderated \"you said\", \"we did\", and what changed"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The feedback id.
    public var feedbackId: String
    /// "You said": a moderated summary with no personal data, publishable if consent was given.
    public var publicSummary: String
    /// The role that moderated the summary (rule F-6).
    public var moderatedByRoleId: String
    /// "We did": the response.
    public var response: String
    /// What came of it.
    public var changeStatus: FeedbackVocabulary.ChangeStatus
    /// What changed, is planned, or where it was referred (required unless no_change_with_reason).
    public var changeDescription: String?
    /// Why nothing changes (required when no_change_with_reason).
    public var reason: String?
    /// The action carrying the change (rule F-3 expects one for change_made / change_planned).
    public var actionRef: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case feedbackId, publicSummary, moderatedByRoleId, response, changeStatus, changeDescription, reason, actionRef
    }

    /// `feedback/<feedbackId>`
    public var stream: String { "feedback/\(feedbackId)" }
    /// The feedback item, the moderating role and the action.
    public var references: [EntityReference] {
        var refs = [
            EntityReference(.feedback, feedbackId, at: "/feedbackId"),
            EntityReference(.role, moderatedByRoleId, at: "/moderatedByRoleId"),
        ]
        if let actionRef { refs.append(EntityReference(.action, actionRef, at: "/actionRef")) }
        return refs
    }

    /// Interpreters are now booked with the first appointment.
    public static var example: Self {
        FeedbackRespondedV1(
            feedbackId: "F-2026-0001",
            publicSummary: "You said you waited weeks for a Punjabi interpreter before your first appointment.",
            moderatedByRoleId: "R-HEAD-RJE",
            response: "We now book an interpreter when the referral is accepted, not at the first appointment.",
            changeStatus: .changeMade,
            changeDescription: "Interpreter booking moved to referral acceptance at the London community service.",
            reason: nil, actionRef: "MHS-3-london")
    }
}

extension FeedbackRespondedV1 {
    /// Decodes the payload strictly, including the changeStatus rule.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try c.fkString(.feedbackId, .id)
        publicSummary = try c.fkString(.publicSummary, .text)
        moderatedByRoleId = try c.fkString(.moderatedByRoleId, .id)
        response = try c.fkString(.response, .text)
        changeStatus = try c.fk(.changeStatus)
        changeDescription = try c.fkStringIfPresent(.changeDescription, .text)
        reason = try c.fkStringIfPresent(.reason, .text)
        actionRef = try c.fkStringIfPresent(.actionRef, .id)
        if changeStatus == .noChangeWithReason {
            if reason == nil { throw c.fkMissing(.reason, "required when changeStatus is no_change_with_reason") }
        } else if changeDescription == nil {
            throw c.fkMissing(.changeDescription, "required when changeStatus is \(changeStatus.rawValue)")
        }
    }
}

/// `feedback.responded` (version 2): the "you said, we did" answer to a piece of feedback.
///
/// `publicSummary` and `response` are in the public payload only when the submitter consented to
/// publication (`feedback.received.consentToPublish`); otherwise they belong in the event's private
/// part (members of the same names), and admission refuses them in the payload. `changeDescription`
/// is required unless `changeStatus` is `no_change_with_reason`, and then `reason` is required
/// instead (the schema says the same with `if`/`then`/`else`).
public struct FeedbackResponded: EventPayload {
    /// `feedback.responded`
    public static let eventType = "feedback.responded"
    /// 2
    public static let typeVersion = 2
    /// Group F.
    public static let group = CatalogueGroup.feedback
    /// One-line description.
    public static let summary = "Feedback was answered: moderated \"you said\", \"we did\" (public only with consent), and what changed"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }
    /// The texts that are public only with the submitter's consent to publish.
    public static let consentedTextFields = [CodingKeys.publicSummary.rawValue, CodingKeys.response.rawValue]

    /// The names of the consent-only texts this payload carries (rule P-1: without consent to
    /// publish they belong in the private part).
    public var consentedTextsPresent: [String] {
        [(CodingKeys.publicSummary, publicSummary), (CodingKeys.response, response)].compactMap { $0.1 == nil ? nil : $0.0.rawValue }
    }

    /// The feedback id.
    public var feedbackId: String
    /// "You said": a moderated summary with no personal data; here only with consent to publish.
    public var publicSummary: String?
    /// The role that moderated the summary (rule F-6).
    public var moderatedByRoleId: String
    /// "We did": the response; here only with consent to publish.
    public var response: String?
    /// What came of it.
    public var changeStatus: FeedbackVocabulary.ChangeStatus
    /// What changed, is planned, or where it was referred (required unless no_change_with_reason).
    public var changeDescription: String?
    /// Why nothing changes (required when no_change_with_reason).
    public var reason: String?
    /// The action carrying the change (rule F-3 expects one for change_made / change_planned).
    public var actionRef: String?
    /// The lawful basis for the texts sealed in the private part (rule P-1), when they are.
    public var lawfulBasisRef: String?
    /// The lawful basis for the private part (``EventPayload/lawfulBasis``).
    public var lawfulBasis: String? { lawfulBasisRef }

    /// The payload's members: the recording API names them in errors, the projections read stored
    /// payloads by them.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case feedbackId, publicSummary, moderatedByRoleId, response, changeStatus, changeDescription, reason, actionRef, lawfulBasisRef
    }

    /// This response with the texts of ``consentedTextFields`` taken out of the payload, for the
    /// event's private part when the submitter did not consent to publish, and the lawful basis
    /// they are sealed under (nil: the payload's own, if any).
    /// - Returns: the payload to record, and the sealed texts by member name.
    public func sealingConsentedTexts(lawfulBasisRef: String?) -> (payload: FeedbackResponded, texts: [String: String]) {
        var sealed = self
        var texts: [String: String] = [:]
        if let publicSummary { texts[CodingKeys.publicSummary.rawValue] = publicSummary }
        if let response { texts[CodingKeys.response.rawValue] = response }
        sealed.publicSummary = nil
        sealed.response = nil
        if let lawfulBasisRef { sealed.lawfulBasisRef = lawfulBasisRef }
        return (sealed, texts)
    }

    /// `feedback/<feedbackId>`
    public var stream: String { "feedback/\(feedbackId)" }
    /// The feedback item, the moderating role and the action.
    public var references: [EntityReference] {
        var refs = [
            EntityReference(.feedback, feedbackId, at: "/feedbackId"),
            EntityReference(.role, moderatedByRoleId, at: "/moderatedByRoleId"),
        ]
        if let actionRef { refs.append(EntityReference(.action, actionRef, at: "/actionRef")) }
        return refs
    }

    /// Interpreters are now booked with the first appointment (the submitter consented to publication).
    public static var example: Self {
        FeedbackResponded(
            feedbackId: "F-2026-0001",
            publicSummary: "You said you waited weeks for a Punjabi interpreter before your first appointment.",
            moderatedByRoleId: "R-HEAD-RJE",
            response: "We now book an interpreter when the referral is accepted, not at the first appointment.",
            changeStatus: .changeMade,
            changeDescription: "Interpreter booking moved to referral acceptance at the London community service.",
            reason: nil, actionRef: "MHS-3-london", lawfulBasisRef: nil)
    }

    /// The upcaster from version 1: the members are the same; version 1's texts stay where they
    /// were written (readers leave them unpublished when consent is absent, rule P-1 reports them).
    public static let upcasterFromV1 = Upcaster(type: eventType, from: 1) { $0 }
}

extension FeedbackResponded {
    /// Decodes the payload strictly, including the changeStatus rule.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try c.fkString(.feedbackId, .id)
        publicSummary = try c.fkStringIfPresent(.publicSummary, .text)
        moderatedByRoleId = try c.fkString(.moderatedByRoleId, .id)
        response = try c.fkStringIfPresent(.response, .text)
        changeStatus = try c.fk(.changeStatus)
        changeDescription = try c.fkStringIfPresent(.changeDescription, .text)
        reason = try c.fkStringIfPresent(.reason, .text)
        actionRef = try c.fkStringIfPresent(.actionRef, .id)
        lawfulBasisRef = try c.fkStringIfPresent(.lawfulBasisRef, .id)
        if changeStatus == .noChangeWithReason {
            if reason == nil { throw c.fkMissing(.reason, "required when changeStatus is no_change_with_reason") }
        } else if changeDescription == nil {
            throw c.fkMissing(.changeDescription, "required when changeStatus is \(changeStatus.rawValue)")
        }
    }
}

/// `feedback.submitter_notified`: the submitter was told of the response or of progress (rule F-4).
public struct SubmitterNotified: EventPayload {
    /// `feedback.submitter_notified`
    public static let eventType = "feedback.submitter_notified"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group F.
    public static let group = CatalogueGroup.feedback
    /// One-line description.
    public static let summary = "The submitter was told about the response or progress"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The feedback id.
    public var feedbackId: String
    /// When (RFC 3339 UTC).
    public var at: String
    /// How.
    public var method: FeedbackVocabulary.ContactMethod
    /// What about.
    public var kind: FeedbackVocabulary.NotificationKind

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable { case feedbackId, at, method, kind }

    /// `feedback/<feedbackId>`
    public var stream: String { "feedback/\(feedbackId)" }
    /// The feedback item.
    public var references: [EntityReference] { [EntityReference(.feedback, feedbackId, at: "/feedbackId")] }

    /// Told of the response by letter.
    public static var example: Self {
        SubmitterNotified(feedbackId: "F-2026-0001", at: "2026-04-20T14:00:00Z", method: .letter, kind: .response)
    }
}

extension SubmitterNotified {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try c.fkString(.feedbackId, .id)
        at = try c.fkString(.at, .timestamp)
        method = try c.fk(.method)
        kind = try c.fk(.kind)
    }
}

/// `feedback.closed`: a piece of feedback needs nothing more.
public struct FeedbackClosed: EventPayload {
    /// `feedback.closed`
    public static let eventType = "feedback.closed"
    /// 1
    public static let typeVersion = 1
    /// Group F.
    public static let group = CatalogueGroup.feedback
    /// One-line description.
    public static let summary = "Feedback was closed, with the reason"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The feedback id.
    public var feedbackId: String
    /// Why it was closed.
    public var reason: FeedbackVocabulary.CloseReason
    /// A short public note, if any (no personal data).
    public var note: String?

    /// The payload's members: the recording API names them in errors, the projections read stored
    /// payloads by them.
    public enum CodingKeys: String, CodingKey, CaseIterable { case feedbackId, reason, note }

    /// `feedback/<feedbackId>`
    public var stream: String { "feedback/\(feedbackId)" }
    /// The feedback item.
    public var references: [EntityReference] { [EntityReference(.feedback, feedbackId, at: "/feedbackId")] }

    /// Closed after the response.
    public static var example: Self {
        FeedbackClosed(feedbackId: "F-2026-0001", reason: .responded, note: "Change confirmed at the May service review.")
    }
}

extension FeedbackClosed {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedbackId = try c.fkString(.feedbackId, .id)
        reason = try c.fk(.reason)
        note = try c.fkStringIfPresent(.note, .text)
    }
}
