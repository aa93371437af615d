/// A region as the cadence projection holds it.
public struct CadenceRegionRecord: Codable, Sendable, Equatable {
    /// The region id.
    public var regionId: String
    /// Its name.
    public var name: String
    /// Whether the organisation provides services there (only those owe reviews).
    public var servicesProvided: Bool
    /// Log index of its `region.registered`.
    public var index: Int
    /// When it was registered (occurredAt).
    public var registeredAt: String
}

/// A review held (`review.held`).
public struct ReviewRecord: Codable, Sendable, Equatable {
    /// The review id.
    public var reviewId: String
    /// The region.
    public var regionId: String
    /// local or regional.
    public var scope: String
    /// Log index.
    public var index: Int
    /// When it was held (occurredAt).
    public var heldAt: String
    /// The period it reviewed.
    public var periodFrom: String, periodTo: String
    /// How many took part from each of the five groups (rule M-4), by name.
    public var participants: [String: Int]
}

/// A report published (`report.published`).
public struct PublishedReportRecord: Codable, Sendable, Equatable {
    /// The report id.
    public var reportId: String
    /// Its type (`annual_findings`, `plan`, …).
    public var type: String
    /// Its title.
    public var title: String
    /// The period it covers.
    public var periodFrom: String, periodTo: String
    /// When it was recorded as published (occurredAt).
    public var publishedAt: String
    /// Recorded afterwards for the record: it counts at the end of the period it covers.
    public var historical: Bool
    /// Log index.
    public var index: Int
}

/// An update given to a board (`board.update_given`).
public struct BoardUpdateRecord: Codable, Sendable, Equatable {
    /// The body.
    public var bodyId: String
    /// verbal or written.
    public var mode: String
    /// The meeting, if any.
    public var meetingId: String?
    /// When it was given (occurredAt).
    public var givenAt: String
    /// Log index.
    public var index: Int
}

/// A place-based project (`project.started`, `project.completed`).
public struct ProjectRecord: Codable, Sendable, Equatable {
    /// The project id.
    public var projectId: String
    /// `community_engagement` or `other`.
    public var category: String
    /// The region.
    public var regionId: String
    /// When it started (occurredAt) and its log index.
    public var startedAt: String, startedIndex: Int
    /// When it was completed (occurredAt) and its log index, if it was.
    public var completedAt: String?, completedIndex: Int?
}

/// A plan target set by a decision (`metric.target_set` with a target code, e.g. T-1).
public struct PlanTargetRecord: Codable, Sendable, Equatable {
    /// The target code.
    public var targetCode: String
    /// Log index.
    public var index: Int
    /// The value.
    public var value: Double
    /// When it must be met.
    public var deadline: String
    /// The decision that set it.
    public var decisionRef: String
}
