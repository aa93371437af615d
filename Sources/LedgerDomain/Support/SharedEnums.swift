// Closed value lists used by more than one catalogue group. Each is a `$defs` entry of
// `Schemas/events/common.v1.schema.json` with the same name (lower camelCase), and the tests
// check the two lists are identical.

/// The six PCREF organisational competencies (DOMAIN.md 2.5), by seed code.
public enum Competency: String, CatalogueEnum {
    /// C-CA Cultural awareness.
    case culturalAwareness = "C-CA"
    /// C-SKA Staff knowledge and awareness.
    case staffKnowledge = "C-SKA"
    /// C-PW Partnership working.
    case partnershipWorking = "C-PW"
    /// C-CP Coproduction.
    case coproduction = "C-CP"
    /// C-WF Workforce.
    case workforce = "C-WF"
    /// C-CL Co-learning.
    case coLearning = "C-CL"
}

/// The six pillars of the Communities that Care strategy (DOMAIN.md 2.3), by seed code.
public enum Pillar: String, CatalogueEnum {
    /// PIL-1 Access to health and social care.
    case access = "PIL-1"
    /// PIL-2 Physical health.
    case physicalHealth = "PIL-2"
    /// PIL-3 Employment, education, training and volunteering.
    case employment = "PIL-3"
    /// PIL-4 Housing.
    case housing = "PIL-4"
    /// PIL-5 Social connections.
    case socialConnections = "PIL-5"
    /// PIL-6 Money.
    case money = "PIL-6"
}

/// The three strategic objectives (DOMAIN.md 2.3), by seed code.
public enum Objective: String, CatalogueEnum {
    /// OBJ-1 Tackle the links between racial injustice and mental illness.
    case racialInjustice = "OBJ-1"
    /// OBJ-2 Improve the quality of existing services for diverse communities.
    case serviceQuality = "OBJ-2"
    /// OBJ-3 Transformation plans focused on racially marginalised people.
    case transformation = "OBJ-3"
}

/// What part a person plays (DOMAIN.md 2.1, 7.3 B, 9.4); a person may have several.
public enum PersonCategory: String, CatalogueEnum {
    /// Rethink staff.
    case staff
    /// Expert by Experience: lived experience of mental illness.
    case ebeLived = "ebe_lived"
    /// Expert by Experience: carer.
    case ebeCarer = "ebe_carer"
    /// Local community representative.
    case communityRep = "community_rep"
    /// Service user.
    case serviceUser = "service_user"
    /// Voluntary and community sector representative.
    case vcseRep = "vcse_rep"
    /// Representative of a partner organisation (LA, ICB, …).
    case partnerRep = "partner_rep"
    /// Independent evaluator (decision 9.4): never staff.
    case independentEvaluator = "independent_evaluator"

    /// Whether this category counts as Expert by Experience for presence rules (G-4, 9.2).
    public var isExpertByExperience: Bool { self == .ebeLived || self == .ebeCarer }
}

/// The ladder of co-production (DOMAIN.md 6.3), lowest rung first.
public enum LadderRung: String, CatalogueEnum {
    /// Coercion.
    case coercion
    /// Educating.
    case educating
    /// Informing.
    case informing
    /// Consultation.
    case consultation
    /// Engagement.
    case engagement
    /// Co-design.
    case coDesign = "co_design"
    /// Co-production (rule C-4 restricts its use).
    case coProduction = "co_production"
}

/// The level a plan, action, metric or review applies to.
public enum Scope: String, CatalogueEnum {
    /// The whole organisation.
    case national
    /// One region (needs a `regionId`).
    case regional
    /// One locality or service inside a region (needs a `regionId`).
    case local
}

/// What happened as a result ("we did"), for feedback responses and action outcomes.
public enum ChangeStatus: String, CatalogueEnum {
    /// A change was made.
    case changeMade = "change_made"
    /// A change is planned.
    case changePlanned = "change_planned"
    /// No change, with a stated reason.
    case noChangeWithReason = "no_change_with_reason"
    /// Passed to someone else to decide.
    case referred
}

/// Why someone left a role or a body .
public enum TenureEndReason: String, CatalogueEnum {
    /// The term ran out.
    case termEnded = "term_ended"
    /// The person resigned.
    case resigned
    /// The person was removed.
    case removed
    /// The person moved to another role or body.
    case reassigned
    /// Anything else.
    case other
}

/// The nine protected characteristics of the Equality Act 2010 (DOMAIN.md 5.5).
public enum ProtectedCharacteristic: String, CatalogueEnum {
    /// Age.
    case age
    /// Disability.
    case disability
    /// Gender reassignment.
    case genderReassignment = "gender_reassignment"
    /// Marriage and civil partnership.
    case marriageCivilPartnership = "marriage_civil_partnership"
    /// Pregnancy and maternity.
    case pregnancyMaternity = "pregnancy_maternity"
    /// Race (ethnicity).
    case race
    /// Religion or belief.
    case religionBelief = "religion_belief"
    /// Sex.
    case sex
    /// Sexual orientation.
    case sexualOrientation = "sexual_orientation"
}

/// The five top-level ethnic groups of the ONS 2021 standard, plus the two "no answer" values.
public enum EthnicGroup: String, CatalogueEnum {
    /// White.
    case white
    /// Mixed or Multiple.
    case mixed
    /// Asian or Asian British.
    case asian
    /// Black, Black British, Caribbean or African.
    case black
    /// Other ethnic group.
    case other
    /// Asked and declined ("prefer not to say"; NHS code Z).
    case notStated = "not_stated"
    /// Not known or not asked (NHS code 99).
    case notKnown = "not_known"
}

/// Ethnicity in the ONS/GSS 2021 harmonised standard (19 categories) plus "prefer not to say"
/// and "not known" (DOMAIN.md 5.5), with the mapping to NHS Data Dictionary codes.
public enum EthnicityCode: String, CatalogueEnum {
    /// White: English, Welsh, Scottish, Northern Irish or British.
    case whiteBritish = "white_british"
    /// White: Irish.
    case whiteIrish = "white_irish"
    /// White: Gypsy or Irish Traveller.
    case whiteGypsyTraveller = "white_gypsy_irish_traveller"
    /// White: Roma.
    case whiteRoma = "white_roma"
    /// White: any other White background.
    case whiteOther = "white_other"
    /// Mixed: White and Black Caribbean.
    case mixedWhiteBlackCaribbean = "mixed_white_black_caribbean"
    /// Mixed: White and Black African.
    case mixedWhiteBlackAfrican = "mixed_white_black_african"
    /// Mixed: White and Asian.
    case mixedWhiteAsian = "mixed_white_asian"
    /// Mixed: any other Mixed or Multiple background.
    case mixedOther = "mixed_other"
    /// Asian: Indian.
    case asianIndian = "asian_indian"
    /// Asian: Pakistani.
    case asianPakistani = "asian_pakistani"
    /// Asian: Bangladeshi.
    case asianBangladeshi = "asian_bangladeshi"
    /// Asian: Chinese.
    case asianChinese = "asian_chinese"
    /// Asian: any other Asian background.
    case asianOther = "asian_other"
    /// Black: Caribbean.
    case blackCaribbean = "black_caribbean"
    /// Black: African.
    case blackAfrican = "black_african"
    /// Black: any other Black, Black British or Caribbean background.
    case blackOther = "black_other"
    /// Other: Arab.
    case otherArab = "other_arab"
    /// Other: any other ethnic group.
    case otherAny = "other_any"
    /// Prefer not to say (asked and declined).
    case preferNotToSay = "prefer_not_to_say"
    /// Not known (not asked).
    case notKnown = "not_known"

    /// The code system these values come from (stored beside every observation).
    public static let codeSystem = "ons-2021"

    /// The top-level group.
    public var group: EthnicGroup {
        switch self {
        case .whiteBritish, .whiteIrish, .whiteGypsyTraveller, .whiteRoma, .whiteOther: return .white
        case .mixedWhiteBlackCaribbean, .mixedWhiteBlackAfrican, .mixedWhiteAsian, .mixedOther: return .mixed
        case .asianIndian, .asianPakistani, .asianBangladeshi, .asianChinese, .asianOther: return .asian
        case .blackCaribbean, .blackAfrican, .blackOther: return .black
        case .otherArab, .otherAny: return .other
        case .preferNotToSay: return .notStated
        case .notKnown: return .notKnown
        }
    }

    /// The NHS Data Dictionary ETHNIC CATEGORY code (2001 census based). Lossy where several
    /// 2021 categories share one code (Gypsy/Irish Traveller and Roma → C, Arab → S).
    public var nhsCode: String {
        switch self {
        case .whiteBritish: return "A"
        case .whiteIrish: return "B"
        case .whiteGypsyTraveller, .whiteRoma, .whiteOther: return "C"
        case .mixedWhiteBlackCaribbean: return "D"
        case .mixedWhiteBlackAfrican: return "E"
        case .mixedWhiteAsian: return "F"
        case .mixedOther: return "G"
        case .asianIndian: return "H"
        case .asianPakistani: return "J"
        case .asianBangladeshi: return "K"
        case .asianOther: return "L"
        case .blackCaribbean: return "M"
        case .blackAfrican: return "N"
        case .blackOther: return "P"
        case .asianChinese: return "R"
        case .otherArab, .otherAny: return "S"
        case .preferNotToSay: return "Z"
        case .notKnown: return "99"
        }
    }
}
