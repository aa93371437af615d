public import LedgerCore

/// Value lists and shapes of privacy and corrections (catalogue group K).
public enum PrivacyVocabulary {
    /// What a consent covers (DOMAIN.md 7.3 K).
    public enum ConsentPurpose: String, Sendable, Hashable, Codable, CaseIterable {
        /// Publishing the person's story or words.
        case publishStory = "publish_story"
        /// Contacting the person.
        case contact
        /// Using their equality data for monitoring.
        case equalityMonitoring = "equality_monitoring"
    }

    /// How much of a person's data a consent or an erasure request covers.
    public enum Coverage: String, Sendable, Hashable, Codable, CaseIterable {
        /// Everything the ledger holds about the subject for that purpose.
        case all
        /// Only the items named in `itemRefs` (then required).
        case specificItems = "specific_items"
    }

    /// Who may see an event.
    public enum Visibility: String, Sendable, Hashable, Codable, CaseIterable {
        /// Anyone (public projections and exports).
        case `public`
        /// Staff and evaluators.
        case `internal`
        /// Named roles only (raw special-category aggregates, safeguarding).
        case restricted
    }

    /// One corrected member of an earlier event's payload.
    public struct FieldCorrection: Codable, Sendable, Hashable {
        /// JSON pointer into the corrected event's payload, e.g. `/regionId`.
        public var pointer: String
        /// The corrected value; absent when the member is removed.
        public var value: JSONValue?

        enum CodingKeys: String, CodingKey, CaseIterable { case pointer, value }

        /// Creates a correction.
        public init(pointer: String, value: JSONValue?) {
            self.pointer = pointer
            self.value = value
        }

        /// Decodes a correction strictly (`value` may be any JSON value, `null` included).
        public init(from decoder: any Decoder) throws {
            try FKDecoding.rejectUnknownMembers(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            pointer = try c.fkString(.pointer, .pointer)
            // `.none`, not `nil`: JSONValue is ExpressibleByNilLiteral, so a bare `nil` would become `.null`.
            value = c.contains(.value) ? .some(try c.decode(JSONValue.self, forKey: .value)) : .none
        }
    }
}
