import GRDB

/// What the public portal reads: a page of the published "you said, we did" list, the regions,
/// the contributions in log order, and the plan's roll-ups by pillar and over every action. All
/// come from the projections' tables, folded once and caught up incrementally: nothing here reads
/// the log.
extension Projections {
    /// One page of the public "you said, we did" list, newest receipt first (then highest id),
    /// and how many items the whole list holds.
    public func youSaidWeDid(newestFirstFrom offset: Int, limit: Int) throws -> (total: Int, items: [YouSaidWeDid]) {
        try query { c in
            let tables = FeedbackTables(c, suffix: "")
            return (
                try tables.publishedCount(),
                try tables.published(newestFirst: true, offset: max(0, offset), limit: max(0, limit))
            )
        }
    }

    /// Every region as registered, in registration order.
    public func regions() throws -> [CadenceRegionRecord] {
        try query { try CadenceTables($0, suffix: "").allRegions() }
    }

    /// The contributions recorded after log index `index` (all with -1), in log order: the index
    /// of each one's `contribution.recorded` and its id.
    public func contributions(after index: Int) throws -> [(index: Int, contributionId: String)] {
        try query { try TraceTables($0, suffix: "").contributionIds(after: index) }
    }
}

extension TraceTables {
    func contributionIds(after index: Int) throws -> [(index: Int, contributionId: String)] {
        try c.fetchAll(
            "SELECT log_index, contribution_id FROM \(contributions) WHERE log_index > ? ORDER BY log_index", [index]
        )
        .map { (index: $0[0], contributionId: $0[1]) }
    }
}

extension YouSaidWeDid {
    /// An item as the published list stores it.
    init(
        feedbackId: String, receivedIn: String, channel: String, youSaid: String, weDid: String, changeStatus: String,
        whatChanged: String?, actionRef: String?
    ) {
        self.feedbackId = feedbackId
        self.receivedIn = receivedIn
        self.channel = channel
        self.youSaid = youSaid
        self.weDid = weDid
        self.changeStatus = changeStatus
        self.whatChanged = whatChanged
        self.actionRef = actionRef
    }
}

extension PlanReport {
    /// The roll-up over every action (key `all`).
    public var totals: PlanRollUp { PlanRollUp(key: "all", views: actions) }

    /// Roll-up per pillar (an action counts under each of its pillars), by code.
    public var byPillar: [PlanRollUp] {
        Set(actions.flatMap(\.action.pillars)).sorted().map { code in
            PlanRollUp(key: code, views: actions.filter { $0.action.pillars.contains(code) })
        }
    }
}
