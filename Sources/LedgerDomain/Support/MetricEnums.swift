/// Value lists and shapes of metrics and data (catalogue group H), also used by groups I and J.
public enum MetricVocabulary {
    /// A closed date range `{from, to}` (both `YYYY-MM-DD`, inclusive).
    public struct Period: Codable, Sendable, Hashable {
        /// First day.
        public var from: String
        /// Last day.
        public var to: String

        enum CodingKeys: String, CodingKey, CaseIterable { case from, to }

        /// Creates a period.
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }

        /// Decodes a period strictly.
        public init(from decoder: any Decoder) throws {
            try FKDecoding.rejectUnknownMembers(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            from = try c.fkString(.from, .date)
            to = try c.fkString(.to, .date)
        }
    }

    /// The unit of a metric's value.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        /// A count.
        case count
        /// A percentage (0–100).
        case percent
        /// A ratio.
        case ratio
        /// A rate per 1,000.
        case ratePer1000 = "rate_per_1000"
        /// A score on the metric's own scale.
        case score
        /// Pounds sterling (e.g. mean hourly pay).
        case currencyGBP = "currency_gbp"
        /// A number of days.
        case days
    }

    /// How often a metric is observed.
    public enum Cadence: String, Sendable, Hashable, Codable, CaseIterable {
        /// Every month.
        case monthly
        /// Every quarter.
        case quarterly
        /// Twice a year ("bi-annual", DOMAIN.md 9.3).
        case twiceYearly = "twice_yearly"
        /// Every year.
        case annual
        /// When needed.
        case adHoc = "ad_hoc"
    }

    /// The level a metric or observation covers: the one ``LedgerDomain/Scope``.
    public typealias Scope = LedgerDomain.Scope

    /// A dimension a metric is broken down by (the keys of a cell's ``Dims``).
    public enum Dimension: String, Sendable, Hashable, Codable, CaseIterable {
        /// Ethnicity (``EthnicityCode``).
        case ethnicity
        /// Ethnic group, five-group roll-up (``EthnicityCode/Group``).
        case ethnicityGroup = "ethnicity_group"
        /// Region id.
        case region
        /// Service id.
        case service
        /// Pay band or level (WF-5, ethnicity pay gap).
        case payBand = "pay_band"
        /// Respondent group (DF-5).
        case respondentGroup = "respondent_group"
        /// Age (protected characteristic).
        case age
        /// Disability (protected characteristic).
        case disability
        /// Gender reassignment (protected characteristic).
        case genderReassignment = "gender_reassignment"
        /// Marriage and civil partnership (protected characteristic).
        case marriageCivilPartnership = "marriage_civil_partnership"
        /// Pregnancy and maternity (protected characteristic).
        case pregnancyMaternity = "pregnancy_maternity"
        /// Religion or belief (protected characteristic).
        case religionBelief = "religion_belief"
        /// Sex (protected characteristic).
        case sex
        /// Sexual orientation (protected characteristic).
        case sexualOrientation = "sexual_orientation"
    }

    /// The four respondent groups of satisfaction monitoring (DF-5, rule M-14).
    public enum RespondentGroup: String, Sendable, Hashable, Codable, CaseIterable {
        /// Partner organisations.
        case partners
        /// Service users.
        case serviceUsers = "service_users"
        /// Carers.
        case carers
        /// Rethink staff.
        case staff
    }

    /// The catalogue's ethnicity code systems (one vocabulary: ``LedgerDomain/EthnicityCodeSystem``);
    /// an observation's cells are ``EthnicityCode`` values, so it records ``EthnicityCodeSystem/ons2021``.
    public typealias EthnicityCodeSystem = LedgerDomain.EthnicityCodeSystem

    /// How a disparity was measured.
    public enum DisparityMethod: String, Sendable, Hashable, Codable, CaseIterable {
        /// Ratio of rates.
        case rateRatio = "rate_ratio"
        /// Difference of proportions.
        case riskDifference = "risk_difference"
        /// Difference of means.
        case meanDifference = "mean_difference"
        /// Difference of medians (e.g. median pay gap).
        case medianDifference = "median_difference"
        /// A regression model.
        case regressionModel = "regression_model"
        /// Another documented method.
        case other
    }

    /// The unit of a disparity's magnitude.
    public enum MagnitudeUnit: String, Sendable, Hashable, Codable, CaseIterable {
        /// A ratio (1 = no disparity).
        case ratio
        /// Percentage points.
        case percentagePoints = "percentage_points"
        /// Percent of the reference group's value (e.g. a pay gap).
        case percent
        /// Points on the metric's scale.
        case points
    }

    /// Which way a target must be met.
    public enum TargetDirection: String, Sendable, Hashable, Codable, CaseIterable {
        /// The value must reach at least the target.
        case atLeast = "at_least"
        /// The value must not exceed the target.
        case atMost = "at_most"
    }

    /// A cell's position in the breakdown: one value per dimension, none for a total.
    public struct Dims: Codable, Sendable, Hashable {
        /// Ethnicity category.
        public var ethnicity: EthnicityCode?
        /// Ethnic group (five-group roll-up).
        public var ethnicityGroup: EthnicityCode.Group?
        /// Region id.
        public var region: String?
        /// Service id.
        public var service: String?
        /// Pay band or level id.
        public var payBand: String?
        /// Respondent group.
        public var respondentGroup: RespondentGroup?
        /// Age band, e.g. `18-24` or `65+`.
        public var age: String?
        /// Disability code (e.g. `disabled`, `not_disabled`, `not_stated`, `not_known`).
        public var disability: String?
        /// Gender reassignment code.
        public var genderReassignment: String?
        /// Marriage and civil partnership code.
        public var marriageCivilPartnership: String?
        /// Pregnancy and maternity code.
        public var pregnancyMaternity: String?
        /// Religion or belief code.
        public var religionBelief: String?
        /// Sex code.
        public var sex: String?
        /// Sexual orientation code.
        public var sexualOrientation: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case ethnicity, ethnicityGroup, region, service, payBand, respondentGroup, age, disability
            case genderReassignment, marriageCivilPartnership, pregnancyMaternity, religionBelief, sex, sexualOrientation
        }

        /// Creates a position; give only the dimensions the cell is broken down by.
        public init(
            ethnicity: EthnicityCode? = nil, ethnicityGroup: EthnicityCode.Group? = nil, region: String? = nil,
            service: String? = nil, payBand: String? = nil, respondentGroup: RespondentGroup? = nil, age: String? = nil,
            disability: String? = nil, genderReassignment: String? = nil, marriageCivilPartnership: String? = nil,
            pregnancyMaternity: String? = nil, religionBelief: String? = nil, sex: String? = nil, sexualOrientation: String? = nil
        ) {
            self.ethnicity = ethnicity
            self.ethnicityGroup = ethnicityGroup
            self.region = region
            self.service = service
            self.payBand = payBand
            self.respondentGroup = respondentGroup
            self.age = age
            self.disability = disability
            self.genderReassignment = genderReassignment
            self.marriageCivilPartnership = marriageCivilPartnership
            self.pregnancyMaternity = pregnancyMaternity
            self.religionBelief = religionBelief
            self.sex = sex
            self.sexualOrientation = sexualOrientation
        }

        /// Decodes a position strictly.
        public init(from decoder: any Decoder) throws {
            try FKDecoding.rejectUnknownMembers(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            ethnicity = try c.fkIfPresent(.ethnicity)
            ethnicityGroup = try c.fkIfPresent(.ethnicityGroup)
            region = try c.fkStringIfPresent(.region, .id)
            service = try c.fkStringIfPresent(.service, .id)
            payBand = try c.fkStringIfPresent(.payBand, .id)
            respondentGroup = try c.fkIfPresent(.respondentGroup)
            age = try c.fkStringIfPresent(.age, .ageBand)
            disability = try c.fkStringIfPresent(.disability, .code)
            genderReassignment = try c.fkStringIfPresent(.genderReassignment, .code)
            marriageCivilPartnership = try c.fkStringIfPresent(.marriageCivilPartnership, .code)
            pregnancyMaternity = try c.fkStringIfPresent(.pregnancyMaternity, .code)
            religionBelief = try c.fkStringIfPresent(.religionBelief, .code)
            sex = try c.fkStringIfPresent(.sex, .code)
            sexualOrientation = try c.fkStringIfPresent(.sexualOrientation, .code)
        }
    }

    /// One cell of an observation: a count `n`, an optional denominator `d` and an optional value.
    public struct Cell: Codable, Sendable, Hashable {
        /// Where the cell sits in the breakdown.
        public var dims: Dims
        /// The count (people, records or responses); raw, so observations are restricted.
        public var n: Int
        /// The denominator, for rates.
        public var d: Int?
        /// The value, for non-count metrics (a mean score, a pay gap, a percentage).
        public var value: Double?

        enum CodingKeys: String, CodingKey, CaseIterable { case dims, n, d, value }

        /// Creates a cell.
        public init(dims: Dims, n: Int, d: Int? = nil, value: Double? = nil) {
            self.dims = dims
            self.n = n
            self.d = d
            self.value = value
        }

        /// Decodes a cell strictly.
        public init(from decoder: any Decoder) throws {
            try FKDecoding.rejectUnknownMembers(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            dims = try c.fk(.dims)
            n = try c.fkCount(.n)
            d = try c.fkCountIfPresent(.d)
            value = try c.fkIfPresent(.value)
        }
    }

    /// How many records lacked an ethnicity, kept apart by reason (rule M-12).
    public struct Completeness: Codable, Sendable, Hashable {
        /// Records where the person was asked and declined (`not_stated`, NHS `Z`).
        public var notStated: Int
        /// Records where the person was not asked or the value is missing (`not_known`, NHS `99`).
        public var notKnown: Int
        /// All records in scope, when known, so completeness can be given as a share.
        public var total: Int?

        enum CodingKeys: String, CodingKey, CaseIterable { case notStated, notKnown, total }

        /// Creates a completeness record.
        public init(notStated: Int, notKnown: Int, total: Int? = nil) {
            self.notStated = notStated
            self.notKnown = notKnown
            self.total = total
        }

        /// Decodes a completeness record strictly.
        public init(from decoder: any Decoder) throws {
            try FKDecoding.rejectUnknownMembers(decoder, allowed: Set(CodingKeys.allCases.map(\.rawValue)))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            notStated = try c.fkCount(.notStated)
            notKnown = try c.fkCount(.notKnown)
            total = try c.fkCountIfPresent(.total)
        }
    }
}
