/// Value lists and shapes of reviews, evaluation and reporting (catalogue group I).
public enum ReportingVocabulary {
    /// Kinds of published report.
    public enum ReportType: String, Sendable, Hashable, Codable, CaseIterable {
        /// The annual findings of the reviews and evaluation (DF-2, rule M-6).
        case annualFindings = "annual_findings"
        /// A plan (national, regional or local; AIM-4, rule M-16).
        case plan
        /// The ethnicity pay gap report (WF-2, rule M-9).
        case ethnicityPayGap = "ethnicity_pay_gap"
        /// The EDI strategic plan (WF-3).
        case ediStrategicPlan = "edi_strategic_plan"
        /// The staff networks action plan (WF-3).
        case staffNetworksActionPlan = "staff_networks_action_plan"
        /// The anti-racist partnership framework (PW-2).
        case partnershipFramework = "partnership_framework"
        /// Good practice shared (DF-2, PW-1).
        case goodPractice = "good_practice"
        /// An independent evaluation report (DF-2, CAD-2).
        case independentEvaluation = "independent_evaluation"
        /// A progress report (e.g. the predecessor Anti-Racism Progress Report).
        case progressReport = "progress_report"
        /// Guidance (e.g. on collecting diversity data, DF-1).
        case guidance
    }

    /// Accessible formats a document is offered in (also a feedback's requested reply format).
    public enum AccessibleFormat: String, Sendable, Hashable, Codable, CaseIterable {
        /// Easy Read.
        case easyRead = "easy_read"
        /// Large print.
        case largePrint = "large_print"
        /// Braille.
        case braille
        /// Audio.
        case audio
        /// British Sign Language video or interpreter.
        case bsl
        /// Translated into another language.
        case translation
        /// Accessible HTML.
        case accessibleHTML = "accessible_html"
    }

    /// The level of a review.
    public enum ReviewScope: String, Sendable, Hashable, Codable, CaseIterable {
        /// A local (locality or service) review.
        case local
        /// A regional review.
        case regional
    }

    /// How a board update was given.
    public enum UpdateMode: String, Sendable, Hashable, Codable, CaseIterable {
        /// Spoken at the meeting.
        case verbal
        /// A paper (its hash is then required).
        case written
    }

    /// How many people of each required group took part in a review (rule M-4).
    public struct Participants: Codable, Sendable, Hashable {
        /// Service users.
        public var serviceUsers: Int
        /// Carers.
        public var carers: Int
        /// Voluntary and community sector organisations' representatives.
        public var vcse: Int
        /// People from marginalised communities.
        public var marginalisedCommunities: Int
        /// Rethink staff.
        public var staff: Int

        enum CodingKeys: String, CodingKey, CaseIterable { case serviceUsers, carers, vcse, marginalisedCommunities, staff }

        /// Each group's count under its member name, in schema order (rule M-4 names the
        /// groups missing from a review).
        public var byName: [(name: String, count: Int)] {
            [(CodingKeys.serviceUsers, serviceUsers), (.carers, carers), (.vcse, vcse), (.marginalisedCommunities, marginalisedCommunities), (.staff, staff)]
                .map { ($0.0.rawValue, $0.1) }
        }

        /// Creates a participant count.
        public init(serviceUsers: Int, carers: Int, vcse: Int, marginalisedCommunities: Int, staff: Int) {
            self.serviceUsers = serviceUsers
            self.carers = carers
            self.vcse = vcse
            self.marginalisedCommunities = marginalisedCommunities
            self.staff = staff
        }

        /// Decodes a participant count strictly.
        public init(from decoder: any Decoder) throws {
            try FKDecoding.rejectUnknownMembers(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            serviceUsers = try c.fkCount(.serviceUsers)
            carers = try c.fkCount(.carers)
            vcse = try c.fkCount(.vcse)
            marginalisedCommunities = try c.fkCount(.marginalisedCommunities)
            staff = try c.fkCount(.staff)
        }
    }

    /// Who checked a publication against which small-number suppression policy (rule P-4).
    public struct SdcAttestation: Codable, Sendable, Hashable {
        /// The SDC policy id applied.
        public var policyRef: String
        /// The role (or person) id of whoever checked it.
        public var checkedBy: String

        enum CodingKeys: String, CodingKey, CaseIterable { case policyRef, checkedBy }

        /// Creates an attestation.
        public init(policyRef: String, checkedBy: String) {
            self.policyRef = policyRef
            self.checkedBy = checkedBy
        }

        /// Decodes an attestation strictly.
        public init(from decoder: any Decoder) throws {
            try FKDecoding.rejectUnknownMembers(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            policyRef = try c.fkString(.policyRef, .id)
            checkedBy = try c.fkString(.checkedBy, .id)
        }
    }
}
