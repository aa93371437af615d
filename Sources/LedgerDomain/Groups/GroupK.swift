import LedgerCore

extension Catalogue {
    /// Catalogue group K (DOMAIN.md section 7.3): privacy and corrections.
    static let groupK: [any EventPayload.Type] = [
        ConsentRecorded.self, ConsentWithdrawn.self, ErasureRequested.self, SubjectKeyShredded.self,
        VisibilityChanged.self, EventCorrected.self,
    ]
}

/// `consent.recorded`: a person consented to a purpose.
///
/// With `coverage: specific_items`, `itemRefs` is required.
public struct ConsentRecorded: EventPayload {
    /// `consent.recorded`
    public static let eventType = "consent.recorded"
    /// 1
    public static let typeVersion = 1
    /// Group K.
    public static let group = CatalogueGroup.privacy
    /// One-line description.
    public static let summary = "A person consented to a purpose (publishing their story, contact, equality monitoring)"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The consent id, e.g. `CNS-2026-0005`.
    public var consentId: String
    /// The person (pseudonym).
    public var personId: String
    /// What they consented to.
    public var purpose: PrivacyVocabulary.ConsentPurpose
    /// Everything for that purpose, or only the items named.
    public var coverage: PrivacyVocabulary.Coverage
    /// The items covered (required for `specific_items`).
    public var itemRefs: [String]?
    /// When the consent lapses, if it does.
    public var expiresOn: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case consentId, personId, purpose, coverage, itemRefs, expiresOn }

    /// `subject/<personId>`
    public var stream: String { "subject/\(personId)" }
    /// The person.
    public var references: [EntityReference] { [EntityReference(.person, personId, at: "/personId")] }

    /// Consent to publish one contribution's story.
    public static var example: Self {
        ConsentRecorded(
            consentId: "CNS-2026-0005", personId: "p-9f3a", purpose: .publishStory, coverage: .specificItems,
            itemRefs: ["contribution/CON-2026-0014"], expiresOn: "2028-03-31")
    }
}

extension ConsentRecorded {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        consentId = try c.fkString(.consentId, .id)
        personId = try c.fkString(.personId, .id)
        purpose = try c.fk(.purpose)
        coverage = try c.fk(.coverage)
        itemRefs = try c.fkStringsIfPresent(.itemRefs, .ref, minItems: 1)
        expiresOn = try c.fkStringIfPresent(.expiresOn, .date)
        if coverage == .specificItems, itemRefs == nil { throw c.fkMissing(.itemRefs, "required when coverage is specific_items") }
    }
}

/// `consent.withdrawn`: a person withdrew a consent.
public struct ConsentWithdrawn: EventPayload {
    /// `consent.withdrawn`
    public static let eventType = "consent.withdrawn"
    /// 1
    public static let typeVersion = 1
    /// Group K.
    public static let group = CatalogueGroup.privacy
    /// One-line description.
    public static let summary = "A person withdrew a consent"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The consent withdrawn.
    public var consentId: String
    /// The person (pseudonym).
    public var personId: String
    /// The purpose it was for.
    public var purpose: PrivacyVocabulary.ConsentPurpose

    enum CodingKeys: String, CodingKey, CaseIterable { case consentId, personId, purpose }

    /// `subject/<personId>`
    public var stream: String { "subject/\(personId)" }
    /// The person.
    public var references: [EntityReference] { [EntityReference(.person, personId, at: "/personId")] }

    /// The story consent is withdrawn.
    public static var example: Self {
        ConsentWithdrawn(consentId: "CNS-2026-0005", personId: "p-9f3a", purpose: .publishStory)
    }
}

extension ConsentWithdrawn {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        consentId = try c.fkString(.consentId, .id)
        personId = try c.fkString(.personId, .id)
        purpose = try c.fk(.purpose)
    }
}

/// `subject.erasure_requested`: a data subject asked for erasure (UK GDPR Art 17; rule P-2 starts its clock).
///
/// With `coverage: specific_items`, `itemRefs` is required.
public struct ErasureRequested: EventPayload {
    /// `subject.erasure_requested`
    public static let eventType = "subject.erasure_requested"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group K.
    public static let group = CatalogueGroup.privacy
    /// One-line description.
    public static let summary = "A data subject asked for their personal data to be erased"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The request id, e.g. `ER-2026-0002` (`subject.erased` cites it).
    public var requestId: String
    /// The pseudonymous subject id (as in events' `private.subject`).
    public var subject: String
    /// When the request was received (RFC 3339 UTC); the one-month clock starts here.
    public var receivedAt: String
    /// Everything about the subject, or only the items named.
    public var coverage: PrivacyVocabulary.Coverage
    /// The items to erase (required for `specific_items`).
    public var itemRefs: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable { case requestId, subject, receivedAt, coverage, itemRefs }

    /// `subject/<subject>`
    public var stream: String { "subject/\(subject)" }

    /// A full erasure request.
    public static var example: Self {
        ErasureRequested(requestId: "ER-2026-0002", subject: "p-9f3a", receivedAt: "2026-09-14T08:40:00Z", coverage: .all, itemRefs: nil)
    }
}

extension ErasureRequested {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        requestId = try c.fkString(.requestId, .id)
        subject = try c.fkString(.subject, .ref)
        receivedAt = try c.fkString(.receivedAt, .timestamp)
        coverage = try c.fk(.coverage)
        itemRefs = try c.fkStringsIfPresent(.itemRefs, .ref, minItems: 1)
        if coverage == .specificItems, itemRefs == nil { throw c.fkMissing(.itemRefs, "required when coverage is specific_items") }
    }
}

/// `subject.erased`: the subject's key was destroyed outside the log (crypto-shredding; DOMAIN.md 5.2).
///
/// Carries no personal data: the pseudonym, the request it answers and when the key was destroyed.
public struct SubjectKeyShredded: EventPayload {
    /// `subject.erased`
    public static let eventType = "subject.erased"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group K.
    public static let group = CatalogueGroup.privacy
    /// One-line description.
    public static let summary = "A subject's key was shredded outside the log; their sealed data can no longer be read"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The pseudonymous subject id.
    public var subject: String
    /// The erasure request it answers.
    public var requestRef: String
    /// When the key was destroyed (RFC 3339 UTC).
    public var at: String

    enum CodingKeys: String, CodingKey, CaseIterable { case subject, requestRef, at }

    /// `subject/<subject>`
    public var stream: String { "subject/\(subject)" }

    /// Shredded eleven days after the request.
    public static var example: Self {
        SubjectKeyShredded(subject: "p-9f3a", requestRef: "ER-2026-0002", at: "2026-09-25T16:05:00Z")
    }
}

extension SubjectKeyShredded {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        subject = try c.fkString(.subject, .ref)
        requestRef = try c.fkString(.requestRef, .id)
        at = try c.fkString(.at, .timestamp)
    }
}

/// `event.visibility_changed`: who may see an earlier event changed.
public struct VisibilityChanged: EventPayload {
    /// `event.visibility_changed`
    public static let eventType = "event.visibility_changed"
    /// 1
    public static let typeVersion = 1
    /// Group K.
    public static let group = CatalogueGroup.privacy
    /// One-line description.
    public static let summary = "An earlier event's visibility changed (public, internal, restricted)"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The event whose visibility changes.
    public var eventId: String
    /// Its new visibility.
    public var newVisibility: PrivacyVocabulary.Visibility
    /// Why.
    public var reason: String
    /// The decision behind it, if any (urgent restrictions may come first and be decided later).
    public var decisionRef: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case eventId, newVisibility, reason, decisionRef }

    /// `event/<eventId>`
    public var stream: String { "event/\(eventId)" }
    /// The event and the decision.
    public var references: [EntityReference] {
        var refs = [EntityReference(.event, eventId, at: "/eventId")]
        if let decisionRef { refs.append(EntityReference(.decision, decisionRef, at: "/decisionRef")) }
        return refs
    }

    /// An observation is restricted because a cell could identify someone.
    public static var example: Self {
        VisibilityChanged(
            eventId: "5b0e4f0c-2d7a-4c1e-9a8b-3f6d2e1c0b9a", newVisibility: .restricted,
            reason: "A service-level cell could identify one person.", decisionRef: nil)
    }
}

extension VisibilityChanged {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        eventId = try c.fkString(.eventId, .uuid)
        newVisibility = try c.fk(.newVisibility)
        reason = try c.fkString(.reason, .text)
        decisionRef = try c.fkStringIfPresent(.decisionRef, .id)
    }
}

/// `event.corrected`: corrects members of an earlier event's payload (corrections never mutate the log).
///
/// Each correction is a JSON pointer into the superseded payload and its new value (absent to
/// remove an optional member). Readers apply them in order and decode the result as the original
/// type; sealed fields are corrected by a new private part, not here.
public struct EventCorrected: EventPayload {
    /// `event.corrected`
    public static let eventType = "event.corrected"
    /// 1
    public static let typeVersion = 1
    /// Group K.
    public static let group = CatalogueGroup.privacy
    /// One-line description.
    public static let summary = "Members of an earlier event's payload were corrected, with the reason"
    /// Every member name.
    public static var memberNames: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    /// The event corrected.
    public var supersedes: String
    /// The corrections (at least one).
    public var correctedFields: [PrivacyVocabulary.FieldCorrection]
    /// Why.
    public var reason: String

    enum CodingKeys: String, CodingKey, CaseIterable { case supersedes, correctedFields, reason }

    /// `event/<supersedes>`
    public var stream: String { "event/\(supersedes)" }
    /// The corrected event.
    public var references: [EntityReference] { [EntityReference(.event, supersedes, at: "/supersedes")] }

    /// A feedback item was filed under the wrong region.
    public static var example: Self {
        EventCorrected(
            supersedes: "0f6c2a4e-8b1d-4f3a-9c7e-2d5b8a1f4c60",
            correctedFields: [.init(pointer: "/regionId", value: "north-east"), .init(pointer: "/serviceId", value: nil)],
            reason: "Filed under London by mistake; the submitter uses the Newcastle service.")
    }
}

extension EventCorrected {
    /// Decodes the payload strictly.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        supersedes = try c.fkString(.supersedes, .uuid)
        correctedFields = try c.fkArray(.correctedFields, minItems: 1, unique: false)
        reason = try c.fkString(.reason, .text)
    }
}
