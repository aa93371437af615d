/// A contribution as the trace projection holds it (its content stays private).
public struct ContributionRecord: Codable, Sendable, Equatable {
    /// The contribution id.
    public var contributionId: String
    /// The contributor's pseudonym.
    public var personId: String
    /// The body and meeting it was made through.
    public var bodyId: String?, meetingId: String?
    /// insight, review, co_design, co_chairing, evaluation or story.
    public var kind: String
    /// The rung of the ladder of co-production.
    public var ladderRung: String
    /// What it is about.
    public var topicRefs: [String]
    /// Hours given, if recorded.
    public var hours: Double?
    /// When it was made (occurredAt) and its log index (which holds the private content).
    public var occurredAt: String, index: Int
    /// Whether its content is held privately.
    public var hasPrivateContent: Bool
    /// When the contributor was last told how it was used.
    public var notifiedAt: String?
}

/// A meeting that was held.
public struct MeetingRecord: Codable, Sendable, Equatable {
    /// The meeting id.
    public var meetingId: String
    /// The body.
    public var bodyId: String
    /// When it was held (occurredAt) and its log index.
    public var heldAt: String, index: Int
}

/// A decision: what was proposed, drawing on what, and the latest outcome.
public struct DecisionRecord: Codable, Sendable, Equatable {
    /// The decision id.
    public var decisionId: String
    /// The body asked to decide.
    public var bodyId: String
    /// Its title.
    public var title: String
    /// When it was proposed (occurredAt) and the log index.
    public var proposedAt: String, proposedIndex: Int
    /// What it draws on, as `kind:id`.
    public var inputs: [String]
}

/// One outcome recorded for a decision.
public struct DecisionOutcomeRecord: Codable, Sendable, Equatable {
    /// The decision.
    public var decisionId: String
    /// Log index of the `decision.recorded` entry.
    public var index: Int
    /// approved, rejected, deferred, amended or referred.
    public var outcome: String
    /// The meeting it was decided at.
    public var meetingId: String
    /// Why.
    public var rationale: String
    /// When (occurredAt).
    public var occurredAt: String
}

/// What a contribution was traced to.
public struct InfluenceRecord: Codable, Sendable, Equatable {
    /// The contribution.
    public var contributionId: String
    /// Log index of the `contribution.influence_traced` entry.
    public var index: Int
    /// decision, action, plan, metric, service_plan or report.
    public var targetType: String
    /// The target's id.
    public var targetId: String
    /// adopted, adapted or considered_not_adopted.
    public var influence: String
    /// How it shaped the target, or why it was not adopted.
    public var explanation: String
    /// When (occurredAt).
    public var occurredAt: String
}
