public import LedgerDomain

/// The plan in brief.
public struct PlanSummary: Codable, Sendable, Equatable {
    /// Number of actions.
    public var actions: Int
    /// Actions per status.
    public var byStatus: [String: Int]
    /// Overdue and stale action ids.
    public var overdue: [String], stale: [String]
    /// Roll-up per area.
    public var byArea: [PlanRollUp]

    /// Summarises a plan report.
    public init(_ r: PlanReport) {
        actions = r.actions.count
        byStatus = r.actions.reduce(into: [:]) { $0[$1.action.status, default: 0] += 1 }
        overdue = r.overdue
        stale = r.stale
        byArea = r.byArea
    }
}

/// The feedback loop in brief.
public struct FeedbackSummary: Codable, Sendable, Equatable {
    /// Counts.
    public var received: Int, acknowledged: Int, responded: Int, closed: Int, open: Int
    /// Open items past their clocks.
    public var acknowledgementsOverdue: Int, responsesOverdue: Int
    /// Responses by change status.
    public var responsesByChange: [String: Int]

    /// Summarises a feedback report.
    public init(_ r: FeedbackReport) {
        received = r.received
        acknowledged = r.acknowledged
        responded = r.responded
        closed = r.closed
        open = r.open
        acknowledgementsOverdue = r.acknowledgementsOverdue
        responsesOverdue = r.responsesOverdue
        responsesByChange = r.responsesByChange
    }
}

/// What the projections said at a point of the log (`coledger state --at`).
public struct StateSummary: Codable, Sendable, Equatable {
    /// The point, e.g. `before entry 120`.
    public var point: String
    /// Entries folded (indexes 0 ..< entries).
    public var entries: Int
    /// When the last of them was recorded.
    public var lastRecordedAt: String?
    /// The date clocks were judged on.
    public var asOf: CivilDate
    /// The plan.
    public var plan: PlanSummary
    /// The feedback loop.
    public var feedback: FeedbackSummary

    /// Summarises replayed projections as of `now`.
    public init(_ p: Projections, point: String, now: CivilDate) throws {
        self.point = point
        entries = try p.entriesFolded()
        lastRecordedAt = p.runner.lastRecordedAt
        asOf = now
        plan = PlanSummary(try p.plan(now: now))
        feedback = FeedbackSummary(try p.feedback(now: now))
    }
}
