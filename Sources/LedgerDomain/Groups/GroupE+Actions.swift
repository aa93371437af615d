// Group E: actions (DOMAIN.md 7.3 E). Registered in GroupE.swift.

/// The action areas of the plan (DOMAIN.md 2.7), by code.
public enum ActionArea: String, CatalogueEnum {
    /// Leadership and governance.
    case leadershipGovernance = "LG"
    /// Staff training.
    case staffTraining = "ST"
    /// Partnership working.
    case partnershipWorking = "PW"
    /// Workforce.
    case workforce = "WF"
    /// Mental health services.
    case mentalHealthServices = "MHS"
    /// Service user and carer data and feedback.
    case dataFeedback = "DF"
}

/// An action enters the plan with an owner and a due date (rule M-1).
public struct ActionCreated: EventPayload {
    /// `action.created`.
    public static let eventType = "action.created"
    /// Version 1.
    public static let typeVersion = 1
    /// Group E.
    public static let group = CatalogueGroup.plan
    /// One line for `coledger types`.
    public static let summary = "An action enters the plan: code, area, tags, scope, owner role, due date and sources."

    /// The action id, e.g. `LG-1` or `NW-MHS-2`.
    public var actionId: EntityID
    /// The plan code, e.g. `LG-1`.
    public var actionCode: ActionCode
    /// The action area.
    public var area: ActionArea
    /// What will be done.
    public var title: ShortText
    /// Competencies it serves (rule M-2 wants at least one).
    public var competencies: [Competency]
    /// Pillars it serves (may be empty).
    public var pillars: [Pillar]
    /// Objectives it serves (may be empty).
    public var objectives: [Objective]
    /// National, regional or local.
    public var scope: Scope
    /// The region; required unless national.
    public var regionId: EntityID?
    /// The service, for a local action.
    public var serviceId: EntityID?
    /// The plan it belongs to.
    public var planId: EntityID?
    /// The role that owns it.
    public var ownerRoleId: RoleID
    /// When it is due.
    public var dueDate: ISODate
    /// The decision that created it.
    public var sourceDecisionId: EntityID?
    /// Feedback it answers (may be empty).
    public var sourceFeedbackIds: [EntityID]

    /// Creates the payload. Regional and local actions need a region.
    public init(
        actionId: EntityID, actionCode: ActionCode, area: ActionArea, title: ShortText, competencies: [Competency],
        pillars: [Pillar], objectives: [Objective], scope: Scope, regionId: EntityID? = nil, serviceId: EntityID? = nil,
        planId: EntityID? = nil, ownerRoleId: RoleID, dueDate: ISODate, sourceDecisionId: EntityID? = nil,
        sourceFeedbackIds: [EntityID]
    ) {
        self.actionId = actionId
        self.actionCode = actionCode
        self.area = area
        self.title = title
        self.competencies = competencies
        self.pillars = pillars
        self.objectives = objectives
        self.scope = scope
        self.regionId = regionId
        self.serviceId = serviceId
        self.planId = planId
        self.ownerRoleId = ownerRoleId
        self.dueDate = dueDate
        self.sourceDecisionId = sourceDecisionId
        self.sourceFeedbackIds = sourceFeedbackIds
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case actionId, actionCode, area, title, competencies, pillars, objectives, scope, regionId, serviceId, planId
        case ownerRoleId, dueDate, sourceDecisionId, sourceFeedbackIds
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// Decodes the payload; regional and local actions need `regionId`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        actionId = try c.decode(EntityID.self, forKey: .actionId)
        actionCode = try c.decode(ActionCode.self, forKey: .actionCode)
        area = try c.decode(ActionArea.self, forKey: .area)
        title = try c.decode(ShortText.self, forKey: .title)
        competencies = try c.decode([Competency].self, forKey: .competencies)
        pillars = try c.decode([Pillar].self, forKey: .pillars)
        objectives = try c.decode([Objective].self, forKey: .objectives)
        scope = try c.decode(Scope.self, forKey: .scope)
        regionId = try c.decodeIfPresent(EntityID.self, forKey: .regionId)
        serviceId = try c.decodeIfPresent(EntityID.self, forKey: .serviceId)
        planId = try c.decodeIfPresent(EntityID.self, forKey: .planId)
        ownerRoleId = try c.decode(RoleID.self, forKey: .ownerRoleId)
        dueDate = try c.decode(ISODate.self, forKey: .dueDate)
        sourceDecisionId = try c.decodeIfPresent(EntityID.self, forKey: .sourceDecisionId)
        sourceFeedbackIds = try c.decode([EntityID].self, forKey: .sourceFeedbackIds)
        try scope.checkRegion(regionId, in: c, key: .regionId)
    }

    /// `action/<actionId>`.
    public var stream: String { "action/\(actionId)" }
    /// The action.
    public var defines: EntityReference? { .to(.action, actionId, at: "/actionId") }
    /// Region, service, plan, owner role, source decision and feedback.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.maybe(.region, regionId, at: "/regionId")
        Ref.maybe(.service, serviceId, at: "/serviceId")
        Ref.maybe(.plan, planId, at: "/planId")
        Ref.to(.role, ownerRoleId, at: "/ownerRoleId")
        Ref.maybe(.decision, sourceDecisionId, at: "/sourceDecisionId")
        Ref.each(.feedback, sourceFeedbackIds, at: "/sourceFeedbackIds")
    }

    /// LG-1: a Board-level champion and regular updates to the boards.
    public static var example: ActionCreated {
        ActionCreated(
            actionId: "LG-1", actionCode: "LG-1", area: .leadershipGovernance,
            title: "AMHE champion at Board level; verbal and written updates to the Trustees and the Race Equality Programme Board",
            competencies: [.partnershipWorking, .coproduction], pillars: [], objectives: [.racialInjustice, .serviceQuality],
            scope: .national, planId: "amhe-plan", ownerRoleId: "R-RJE-TEAM", dueDate: "2024-03-31",
            sourceDecisionId: "dec-2023-002", sourceFeedbackIds: ["F-2023-0007"])
    }
}

/// An action's status moves on.
public struct ActionStatusChanged: EventPayload {
    /// Where an action stands.
    public enum Status: String, CatalogueEnum {
        /// Not started.
        case planned
        /// Under way.
        case inProgress = "in_progress"
        /// Stuck.
        case blocked
        /// Finished.
        case done
        /// Dropped.
        case cancelled
    }

    /// `action.status_changed`.
    public static let eventType = "action.status_changed"
    /// Version 1.
    public static let typeVersion = 1
    /// Group E.
    public static let group = CatalogueGroup.plan
    /// One line for `coledger types`.
    public static let summary = "An action's status and progress change, with a note and evidence (rule M-3)."

    /// The action.
    public var actionId: EntityID
    /// The new status.
    public var status: Status
    /// Progress, 0 to 100.
    public var progressPct: Percentage?
    /// What happened.
    public var note: LongText
    /// Evidence (may be empty).
    public var evidenceRefs: [EntityRef]

    /// Creates the payload.
    public init(actionId: EntityID, status: Status, progressPct: Percentage? = nil, note: LongText, evidenceRefs: [EntityRef]) {
        self.actionId = actionId
        self.status = status
        self.progressPct = progressPct
        self.note = note
        self.evidenceRefs = evidenceRefs
    }

    /// The payload's members, as the recording API names them in errors.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case actionId, status, progressPct, note, evidenceRefs
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `action/<actionId>`.
    public var stream: String { "action/\(actionId)" }
    /// The action and the evidence.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.action, actionId, at: "/actionId")
        Ref.each(evidenceRefs, at: "/evidenceRefs")
    }

    /// LG-2 under way: the Practice Forum has met.
    public static var example: ActionStatusChanged {
        ActionStatusChanged(
            actionId: "LG-2", status: .inProgress, progressPct: 60,
            note: "The Practice Forum is established and has met twice; recruitment of Experts by Experience continues.",
            evidenceRefs: [EntityRef(.body, "B-AMHEPF"), EntityRef(.meeting, "mtg-amhepf-2026-03")])
    }
}

/// A milestone of an action is reached.
public struct MilestoneRecorded: EventPayload {
    /// `milestone.recorded`.
    public static let eventType = "milestone.recorded"
    /// Version 2: the payload's date restates the effective time (``EffectiveTime``).
    public static let typeVersion = 2
    /// Group E.
    public static let group = CatalogueGroup.plan
    /// One line for `coledger types`.
    public static let summary = "A milestone of an action is reached on a date, with the evidence."

    /// The action.
    public var actionId: EntityID
    /// The milestone.
    public var title: ShortText
    /// When it was reached.
    public var date: ISODate
    /// The evidence.
    public var evidenceRef: EntityRef

    /// Creates the payload.
    public init(actionId: EntityID, title: ShortText, date: ISODate, evidenceRef: EntityRef) {
        self.actionId = actionId
        self.title = title
        self.date = date
        self.evidenceRef = evidenceRef
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case actionId, title, date, evidenceRef
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `action/<actionId>`.
    public var stream: String { "action/\(actionId)" }
    /// The action and the evidence.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.action, actionId, at: "/actionId")
        Ref.to(evidenceRef, at: "/evidenceRef")
    }

    /// WF-2: the first ethnicity pay gap report is out.
    public static var example: MilestoneRecorded {
        MilestoneRecorded(
            actionId: "WF-2", title: "First ethnicity pay gap report published", date: "2025-03-28",
            evidenceRef: EntityRef(.report, "rep-2025-epg"))
    }
}

/// What an action achieved.
public struct ActionOutcomeRecorded: EventPayload {
    /// `action.outcome_recorded`.
    public static let eventType = "action.outcome_recorded"
    /// Version 1.
    public static let typeVersion = 1
    /// Group E.
    public static let group = CatalogueGroup.plan
    /// One line for `coledger types`.
    public static let summary = "What an action achieved, the metrics that show it, and whether it changed anything."

    /// The action.
    public var actionId: EntityID
    /// What it achieved.
    public var outcome: LongText
    /// Metrics that show it (may be empty).
    public var metricRefs: [EntityID]
    /// Whether it changed anything.
    public var changeStatus: ChangeStatus

    /// Creates the payload.
    public init(actionId: EntityID, outcome: LongText, metricRefs: [EntityID], changeStatus: ChangeStatus) {
        self.actionId = actionId
        self.outcome = outcome
        self.metricRefs = metricRefs
        self.changeStatus = changeStatus
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case actionId, outcome, metricRefs, changeStatus
    }

    /// Every member name.
    public static let memberNames = Set(CodingKeys.allCases.map(\.rawValue))

    /// `action/<actionId>`.
    public var stream: String { "action/\(actionId)" }
    /// The action and the metrics.
    @ReferenceBuilder public var references: [EntityReference] {
        Ref.to(.action, actionId, at: "/actionId")
        Ref.each(.metric, metricRefs, at: "/metricRefs")
    }

    /// DF-1: better recording of service users' ethnicity.
    public static var example: ActionOutcomeRecorded {
        ActionOutcomeRecorded(
            actionId: "DF-1",
            outcome: "Ethnicity recorded for 91% of service users, up from 72%; 'not known' fell to 4%.",
            metricRefs: ["M-SUD"], changeStatus: .changeMade)
    }
}
