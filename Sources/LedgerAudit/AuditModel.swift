import LedgerCore
import LedgerDomain

/// What the accountability rules need from a log, gathered in one pass over its events up to the
/// audit date (events that occurred later are not seen). Days are day numbers (``CivilDate/dayNumber``).
struct AuditModel {
    struct Attendee { var person: String; var category: String; var role: String }
    struct Meeting {
        var index: Int; var id: String; var body: String; var day: Int; var attendees: [Attendee]; var recused: Set<String>
        /// The body's terms when the meeting was held (quorum, Expert-by-Experience presence).
        var terms: Body?
        /// Declarations (person, item) with their action; nil when the meeting recorded neither
        /// declarations nor `noneDeclared`.
        var declarations: [(person: String, item: String, action: String)]?
    }
    struct Proposal { var index: Int; var body: String; var proposer: String?; var contributions: [String]; var events: [String] }
    struct Decision {
        var index: Int; var id: String; var meeting: String; var day: Int
        var tally: Int?; var recusals: Set<String>; var ladderRung: String?
    }
    struct Feedback {
        var index: Int; var id: String; var day: Int; var contactConsent: Bool
        /// Whether the submitter consented to publication (`consentToPublish`).
        var publishConsent = false
        var acks: [(day: Int, index: Int)] = []
        var updates: [Int] = []
        var responses: [(day: Int, index: Int)] = []
        var closed: Int?
        var notified: [Int] = []
    }
    struct Response { var index: Int; var feedback: String; var changeStatus: String; var changeDescription: String?; var actionRef: String? }
    struct Contribution { var index: Int; var id: String; var day: Int; var person: String?; var body: String?; var traced: [Int] = [] }
    struct Action {
        var index: Int; var id: String; var code: String; var day: Int; var owner: String?; var due: Int?; var competencies: [String]
        var sourceDecision: String?; var changes: [(day: Int, status: String)] = []; var tracedContributions = 0
    }
    struct Review { var index: Int; var region: String; var day: Int; var participants: ReportingVocabulary.Participants }
    struct Body {
        var index: Int; var id: String; var type: String; var day: Int; var region: String?
        var chairRole: String?; var facilitatorRoles: [String]
        var quorumMin: Int; var quorumOf: String?; var ebeMin: Int?; var ebeShare: Double?
        /// Every event that set the chair role (establishment and amendments), in order.
        var chairHistory: [(role: String?, index: Int)] = []
        /// The event that last set the facilitator roles.
        var facilitatorsIndex: Int
        var dissolved: Int?
    }
    struct Tenure { var person: String; var from: Int; var to: Int?; var body: String?; var index: Int; var endIndex: Int? }
    struct Membership { var person: String; var category: String; var from: Int; var to: Int?; var index: Int; var endIndex: Int? }
    struct Dated { var day: Int; var index: Int }
    struct BoardUpdate { var body: String; var mode: String; var day: Int; var index: Int }
    struct RepresentationReview { var day: Int; var index: Int; var cells: [(group: String, count: PublishedCount)] }
    struct PlanVersion {
        var index: Int; var plan: String; var version: Int; var scope: String; var region: String?; var owner: String
        var coDeveloped: [(kind: String, id: String)]; var day: Int
    }
    struct Report { var index: Int; var id: String; var type: String; var day: Int; var plan: String?; var planVersion: String?; var observations: [String] }
    struct Recognition { var index: Int; var offered: Int?; var settled: Dated? }
    struct Metric {
        var index: Int; var id: String; var code: String; var day: Int; var competencies: [String]; var scope: String
        var dimensions: [String]; var cadence: String; var coproducedRefs: Int
    }
    struct Observation {
        var index: Int; var id: String; var metric: String; var day: Int; var place: String
        var completeness: (notStated: Int, notKnown: Int, total: Int?)?; var hasEthnicity: Bool
    }
    struct Disparity { var index: Int; var id: String; var metric: String; var observation: String?; var event: String; var day: Int }
    struct ServicePlan {
        var index: Int; var id: String; var service: String; var day: Int; var needsMissing: [String]; var partners: [String]
        var ladderRung: String?; var contributions: [String]
    }
    struct Signed { var index: Int; var day: Int }

    // Organisation, people, roles and keys.
    var persons: [String: [String]] = [:]
    var roleTenures: [String: [Tenure]] = [:]
    var keyHolders: [String: (holder: String?, role: String?)] = [:]
    var regions: [String: Dated] = [:]
    var services: [String: (region: String, registered: Dated)] = [:]
    var partners: [String: (type: String, regions: [String])] = [:]

    // Bodies, meetings and decisions.
    var bodies: [String: Body] = [:]
    var memberships: [String: [Membership]] = [:]
    var meetings: [String: Meeting] = [:]
    var meetingOrder: [String] = []
    var minutesApproved: [String: [(at: String, index: Int)]] = [:]
    var proposals: [String: Proposal] = [:]
    var decisions: [Decision] = []
    var boardUpdates: [BoardUpdate] = []
    var representationReviews: [RepresentationReview] = []

    // Feedback, contributions and recognition.
    var feedback: [String: Feedback] = [:]
    var feedbackOrder: [String] = []
    var responses: [Response] = []
    var contributions: [String: Contribution] = [:]
    var contributionOrder: [String] = []
    var recognitions: [String: Recognition] = [:]
    var recognitionOrder: [String] = []

    // Plan, actions, reviews, reports, projects.
    var genesisPlan: String?
    var planVersions: [PlanVersion] = []
    var actions: [String: Action] = [:]
    var reviews: [Review] = []
    var reports: [Report] = []
    var annualReports: [(day: Int, index: Int)] = []
    var projectCategory: [String: String] = [:]
    var projectsCompleted: [(id: String, day: Int, index: Int)] = []
    var servicePlans: [ServicePlan] = []
    var evaluations: [(signer: String, day: Int, index: Int)] = []

    // Metrics.
    var metrics: [String: Metric] = [:]
    var metricOrder: [String] = []
    var observations: [Observation] = []
    var observationMetric: [String: String] = [:]
    var disparities: [Disparity] = []
    var satisfaction: [(group: String, day: Int, index: Int)] = []
    /// Event ids cited as evidence or input by a later event (`{"kind": "event"}` references).
    var citedEvents: Set<String> = []
    /// Decisions whose proposal cites an event, by that event's id.
    var decisionsCiting: [String: [String]] = [:]
    /// Governed exemptions (`policy.parameter_set`), by rule id.
    var exemptions: [String: [(parameter: String, value: String, index: Int)]] = [:]

    // Privacy.
    /// Types whose events carry special-category data in their private part (P-1).
    let specialCategoryTypes: Set<String>
    var erasureRequests: [String: (day: Int, index: Int)] = [:]
    var erased: [String: Int] = [:]
    var erasedSubjects: [String: Int] = [:]
    var privateWithoutBasis: [(index: Int, type: String)] = []
    var privateInPayload: [(index: Int, type: String, field: String)] = []
    var privateEvents = 0
    var specialCategoryEvents: [String: Int] = [:]
    var visibilityChanges: [(event: String, visibility: String, index: Int)] = []
    var ethnicityProblems: [(index: Int, detail: String)] = []
    /// Meetings and observations whose payload the catalogue refuses, with why (rules G-6, M-12, P-5).
    var undecodable: [(index: Int, type: String, stream: String, detail: String)] = []
    var ethnicityChecked = 0

    // Keys.
    var revokedKeys: [String: (index: Int, reason: String, effective: Int?)] = [:]
    var signedBy: [String: [Signed]] = [:]
    var firstDay: Int?
    var lastDay: Int?

    init(specialCategoryTypes: [String] = []) {
        self.specialCategoryTypes = Set(specialCategoryTypes)
    }

    /// The event types whose payload belongs partly in a private part, with those fields.
    static let privateFields: [String: [String]] = {
        var out: [String: [String]] = [:]
        for type in Catalogue.all where !type.privateFields.isEmpty { out[type.eventType] = type.privateFields }
        return out
    }()

    /// Persons registered with any of `categories`.
    func person(_ id: String?, isIn categories: [String]) -> Bool {
        guard let id, let registered = persons[id] else { return false }
        return registered.contains { categories.contains($0) }
    }
}

/// Day numbers and their text.
enum Day {
    /// The day of `YYYY-MM-DD` or of an RFC 3339 timestamp.
    static func number(_ text: String) -> Int? { CivilDate(parsing: text)?.dayNumber }
    /// `YYYY-MM-DD`.
    static func text(_ day: Int) -> String { CivilDate(dayNumber: day).description }
    /// The same day `months` later, clamped to the month's end.
    static func adding(months: Int, to day: Int) -> Int { CivilDate(dayNumber: day).adding(months: months).dayNumber }
}
