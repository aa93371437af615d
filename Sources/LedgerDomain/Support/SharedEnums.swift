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

/// The ladder of co-production (DOMAIN.md 6.3), lowest rung first; ordered from coercion up.
public enum LadderRung: String, CatalogueEnum, Comparable {
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

    /// Orders rungs from coercion up to co-production.
    public static func < (a: Self, b: Self) -> Bool {
        let order = Self.allCases
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
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


