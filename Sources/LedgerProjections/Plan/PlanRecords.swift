/// One action of the plan as the plan projection holds it.
public struct ActionRecord: Codable, Sendable, Equatable {
    /// The action id (`LG-1`, `NW-MHS-2`).
    public var actionId: String
    /// The plan code.
    public var code: String
    /// The area code (`LG`, `ST`, `PW`, `WF`, `MHS`, `DF`).
    public var area: String
    /// What will be done.
    public var title: String
    /// National, regional or local.
    public var scope: String
    /// The region, unless national.
    public var regionId: String?
    /// The service, for a local action.
    public var serviceId: String?
    /// The role that owns it.
    public var ownerRoleId: String
    /// When it is due (`YYYY-MM-DD`).
    public var dueDate: String
    /// Competency codes.
    public var competencies: [String]
    /// Pillar codes.
    public var pillars: [String]
    /// Objective codes.
    public var objectives: [String]
    /// The decision that created it.
    public var sourceDecisionId: String?
    /// Feedback it answers.
    public var sourceFeedbackIds: [String]
    /// planned, in_progress, blocked, done or cancelled.
    public var status: String
    /// Progress 0–100, when reported.
    public var progressPct: Int?
    /// Log index of its `action.created`.
    public var createdIndex: Int
    /// When it was created (occurredAt).
    public var createdAt: String
    /// Log index of its last status change (or creation).
    public var lastChangeIndex: Int
    /// When its status last changed, or when it was created (occurredAt).
    public var lastChangeAt: String
    /// How often it went from done or cancelled back to planned, in progress or blocked.
    public var reopenedCount: Int
}

/// One status change of an action.
public struct StatusChangeRecord: Codable, Sendable, Equatable {
    /// The action.
    public var actionId: String
    /// Log index of the `action.status_changed` entry.
    public var index: Int
    /// The status before.
    public var from: String
    /// The status after.
    public var to: String
    /// Progress reported with it.
    public var progressPct: Int?
    /// The public note.
    public var note: String
    /// Evidence, as `kind:id`.
    public var evidence: [String]
    /// When it happened (occurredAt).
    public var occurredAt: String
}

/// A milestone of an action, reached on a date.
public struct MilestoneRecord: Codable, Sendable, Equatable {
    /// The action.
    public var actionId: String
    /// Log index of the `milestone.recorded` entry.
    public var index: Int
    /// The milestone.
    public var title: String
    /// When it was reached (`YYYY-MM-DD`).
    public var date: String
    /// The evidence, as `kind:id`.
    public var evidence: String
    /// When it happened (occurredAt).
    public var occurredAt: String
}
