/// Value lists and shapes of workforce, partnerships, projects and services (catalogue group J).
public enum PartnershipVocabulary {
    /// Kinds of partner organisation (DF-6, MHS-3, rule M-15).
    public enum PartnerType: String, Sendable, Hashable, Codable, CaseIterable {
        /// Voluntary, community and social enterprise organisation.
        case vcse
        /// Ethnically led VCSE organisation.
        case ethnicallyLedVCSE = "ethnically_led_vcse"
        /// Faith organisation or leader.
        case faith
        /// Local authority.
        case localAuthority = "local_authority"
        /// Integrated Care Board.
        case icb
        /// Integrated Care System.
        case ics
        /// Advocacy service.
        case advocacy
        /// Healthwatch.
        case healthwatch
        /// NHS provider (trust).
        case nhsProvider = "nhs_provider"
        /// Any other organisation.
        case other
    }

    /// Topics of staff training sessions (ST-1).
    public enum TrainingTopic: String, Sendable, Hashable, Codable, CaseIterable {
        /// Cultural awareness.
        case culturalAwareness = "cultural_awareness"
        /// Anti-racism.
        case antiRacism = "anti_racism"
        /// Unconscious bias.
        case unconsciousBias = "unconscious_bias"
        /// Intersectionality.
        case intersectionality
        /// Trauma-informed approaches.
        case traumaInformed = "trauma_informed"
        /// Collecting diversity data (DF-1).
        case dataCollection = "data_collection"
        /// Race equality goals in personal development plans (ST-2).
        case raceEqualityGoals = "race_equality_goals"
        /// Another topic.
        case other
    }

    /// Who good practice was shared with.
    public enum Audience: String, Sendable, Hashable, Codable, CaseIterable {
        /// Rethink staff.
        case staff
        /// Partner organisations.
        case partners
        /// The public.
        case `public`
        /// Governance bodies (boards and forums).
        case governanceBodies = "governance_bodies"
    }

    /// Kinds of place-based project (target T-1 counts `community_engagement`).
    public enum ProjectCategory: String, Sendable, Hashable, Codable, CaseIterable {
        /// A "community engagement" place-based project (MHS-2, T-1).
        case communityEngagement = "community_engagement"
        /// Any other place-based project.
        case other
    }

    /// Whether a service plan addresses one of the needs N-1…N-5.
    public enum NeedStatus: String, Sendable, Hashable, Codable, CaseIterable {
        /// Addressed (``Need/approach`` may say how).
        case addressed
        /// Not applicable (``Need/reason`` says why; required).
        case notApplicable = "not_applicable"
    }

    /// How a service plan treats one need.
    public struct Need: Codable, Sendable, Hashable {
        /// Addressed or not applicable.
        public var status: NeedStatus
        /// How it is addressed.
        public var approach: String?
        /// Why it does not apply (required when not applicable).
        public var reason: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case status, approach, reason }

        /// Creates a need record.
        public init(status: NeedStatus, approach: String? = nil, reason: String? = nil) {
            self.status = status
            self.approach = approach
            self.reason = reason
        }

        /// Decodes a need record strictly.
        public init(from decoder: any Decoder) throws {
            try FKDecoding.rejectUnknownMembers(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            status = try c.fk(.status)
            approach = try c.fkStringIfPresent(.approach, .text)
            reason = try c.fkStringIfPresent(.reason, .text)
            if status == .notApplicable, reason == nil {
                throw c.fkMissing(.reason, "required when status is not_applicable")
            }
        }
    }

    /// The five needs of MHS-3 (N-1…N-5), each addressed or not applicable with a reason (rule M-8).
    public struct NeedsAddressed: Codable, Sendable, Hashable {
        /// N-1: language translation and other accessibility requirements.
        public var languageAccessibility: Need
        /// N-2: cultural food requirements.
        public var culturalFood: Need
        /// N-3: religious and faith requirements, prayer spaces, spiritual support.
        public var faithSpiritual: Need
        /// N-4: varied and appropriate aftercare.
        public var aftercare: Need
        /// N-5: trauma-informed approaches.
        public var traumaInformed: Need

        enum CodingKeys: String, CodingKey, CaseIterable {
            case languageAccessibility, culturalFood, faithSpiritual, aftercare, traumaInformed
        }

        /// The five needs under their member names, N-1 to N-5 (rule M-8 names the missing ones).
        public var byName: [(name: String, need: Need)] {
            [(CodingKeys.languageAccessibility, languageAccessibility), (.culturalFood, culturalFood), (.faithSpiritual, faithSpiritual),
             (.aftercare, aftercare), (.traumaInformed, traumaInformed)].map { ($0.0.rawValue, $0.1) }
        }

        /// Creates the five need records.
        public init(languageAccessibility: Need, culturalFood: Need, faithSpiritual: Need, aftercare: Need, traumaInformed: Need) {
            self.languageAccessibility = languageAccessibility
            self.culturalFood = culturalFood
            self.faithSpiritual = faithSpiritual
            self.aftercare = aftercare
            self.traumaInformed = traumaInformed
        }

        /// Decodes the five need records strictly.
        public init(from decoder: any Decoder) throws {
            try FKDecoding.rejectUnknownMembers(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            languageAccessibility = try c.fk(.languageAccessibility)
            culturalFood = try c.fk(.culturalFood)
            faithSpiritual = try c.fk(.faithSpiritual)
            aftercare = try c.fk(.aftercare)
            traumaInformed = try c.fk(.traumaInformed)
        }
    }
}
