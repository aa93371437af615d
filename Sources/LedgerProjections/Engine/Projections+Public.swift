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

    /// One page of the public "you said, we did" list as ``youSaidWeDid(newestFirstFrom:limit:)``,
    /// with only the items `filter` keeps, and how many it keeps.
    public func youSaidWeDid(_ filter: YouSaidFilter, newestFirstFrom offset: Int, limit: Int) throws -> (
        total: Int, items: [YouSaidWeDid]
    ) {
        try query { try FeedbackTables($0, suffix: "").published(filter, offset: offset, limit: limit) }
    }

    /// The regions, services, themes or outcomes (`facet`) that published items carry, in order.
    public func youSaidFacetValues(_ facet: String) throws -> [String] {
        try query { try FeedbackTables($0, suffix: "").facetValues(facet) }
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

/// Which published "you said, we did" items to list: every condition given must hold.
public struct YouSaidFilter: Sendable, Hashable {
    /// The region the feedback was about.
    public var region: String?
    /// The service it was about.
    public var service: String?
    /// A theme it was triaged with.
    public var theme: String?
    /// The answer's change status (change_made, change_planned, no_change_with_reason, referred).
    public var outcome: String?
    /// The first and last month it arrived in (`YYYY-MM`, inclusive). Months, not days: the list
    /// publishes the month feedback arrived, never the day.
    public var fromMonth: String?, toMonth: String?
    /// Text the summary, the answer or what changed contains (case-insensitive for ASCII letters).
    public var text: String?

    /// Creates a filter.
    public init(
        region: String? = nil, service: String? = nil, theme: String? = nil, outcome: String? = nil, fromMonth: String? = nil,
        toMonth: String? = nil, text: String? = nil
    ) {
        self.region = region
        self.service = service
        self.theme = theme
        self.outcome = outcome
        self.fromMonth = fromMonth
        self.toMonth = toMonth
        self.text = text
    }

    /// Whether it keeps everything.
    public var isEmpty: Bool { self == YouSaidFilter() }
}
