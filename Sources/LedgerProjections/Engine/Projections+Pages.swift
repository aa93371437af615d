/// What the portal's detail pages read besides the reports: an action's milestones, a
/// decision's recorded events (rationale, tally, ladder rung, review date) and the decisions
/// that set a review date. All from the projections' tables, by key.
extension Projections {
    /// The milestones of action `actionId`, in log order.
    public func milestones(of actionId: String) throws -> [MilestoneRecord] {
        try query { try PlanTables($0, suffix: "").milestones(of: actionId) }
    }

    /// The status history of action `actionId`, in log order.
    public func statusHistory(of actionId: String) throws -> [StatusChangeRecord] {
        try query { try PlanTables($0, suffix: "").history(of: actionId) }
    }

    /// One action by id, or nil.
    public func actionRecord(_ actionId: String) throws -> ActionRecord? {
        try query { try PlanTables($0, suffix: "").action(actionId) }
    }

    /// What became of decision `id` (recorded, referred, reviewed), in log order.
    public func decisionRecords(_ id: String) throws -> [DecisionEventRecord] {
        try query { try DecisionTables($0, suffix: "").records(of: id) }
    }

    /// The review due for each decision whose latest `decision.recorded` set a review date
    /// (`reviewOn`), with whether a `decision.reviewed` came after it, ordered by that date.
    public func reviewDates() throws -> [DecisionReviewDate] {
        try query { c in
            let tables = DecisionTables(c, suffix: "")
            var latest: [String: DecisionEventRecord] = [:]
            for r in try tables.withReviewDates() { latest[r.decisionId] = r }
            return try latest.values.compactMap { r -> DecisionReviewDate? in
                let records = try tables.records(of: r.decisionId)
                // A later recording without a review date supersedes this one's.
                guard records.last(where: { $0.type == "decision.recorded" })?.index == r.index, let on = r.reviewOn else { return nil }
                let reviewed = records.last { $0.type == "decision.reviewed" && $0.index > r.index }
                return DecisionReviewDate(
                    decisionId: r.decisionId, title: try tables.proposal(r.decisionId)?.title ?? "", reviewOn: on,
                    recordedIndex: r.index, reviewedIndex: reviewed?.index, reviewedOn: reviewed.map { String($0.occurredAt.prefix(10)) },
                    result: reviewed?.outcome)
            }
            .sorted { ($0.reviewOn, $0.decisionId) < ($1.reviewOn, $1.decisionId) }
        }
    }
}

/// A decision's review date and whether it has been reviewed since.
public struct DecisionReviewDate: Codable, Sendable, Equatable {
    /// The decision.
    public var decisionId: String
    /// Its title.
    public var title: String
    /// When it is to be reviewed (`YYYY-MM-DD`).
    public var reviewOn: String
    /// Log index of the `decision.recorded` that set the date.
    public var recordedIndex: Int
    /// Log index and day of the `decision.reviewed` after it, if any.
    public var reviewedIndex: Int?, reviewedOn: String?
    /// The review's result (reaffirmed, varied, rescinded), if reviewed.
    public var result: String?

    /// Whether a review is due on `day` (`YYYY-MM-DD`): the date has come and no review followed.
    public func isDue(on day: String) -> Bool { reviewedIndex == nil && reviewOn <= day }
}
