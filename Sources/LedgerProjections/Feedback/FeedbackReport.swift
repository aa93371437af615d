public import LedgerDomain

/// The feedback clocks (DOMAIN.md 9.5, rules F-1 and F-2).
public struct FeedbackClocks: Sendable {
    /// Working days allowed for an acknowledgement (default 3).
    public var acknowledgeWithinWorkingDays = 3
    /// Calendar days allowed for a response or closure (default 90).
    public var respondWithinDays = 90
    /// The working-day calendar (default England and Wales).
    public var calendar = WorkingCalendar.englandAndWales

    /// The defaults.
    public init() {}
}

/// A piece of feedback as of a date: where it stands and how its clocks look.
public struct FeedbackView: Codable, Sendable, Equatable {
    /// The feedback.
    public var item: FeedbackRecord
    /// received, acknowledged, responded or closed.
    public var stage: String
    /// The day it arrived (UTC date of receivedAt): day 0 of both clocks.
    public var receivedOn: CivilDate
    /// The last day to acknowledge it (3 working days after receipt).
    public var acknowledgeBy: CivilDate
    /// Working days it took to acknowledge, if it was.
    public var acknowledgedAfterWorkingDays: Int?
    /// Not acknowledged (nor closed) and `now` is past ``acknowledgeBy``.
    public var acknowledgementOverdue: Bool
    /// Acknowledged after ``acknowledgeBy``.
    public var acknowledgedLate: Bool
    /// The last day to respond or close (90 days after receipt).
    public var respondBy: CivilDate
    /// Neither answered nor closed and `now` is past ``respondBy``.
    public var responseOverdue: Bool
    /// Answered or closed after ``respondBy``.
    public var respondedLate: Bool

    /// Evaluates `item` as of `now`.
    public init(_ item: FeedbackRecord, now: CivilDate, clocks: FeedbackClocks) {
        self.item = item
        let received = CivilDate(parsing: item.receivedAt) ?? now
        receivedOn = received
        let ackBy = clocks.calendar.adding(workingDays: clocks.acknowledgeWithinWorkingDays, to: received)
        let respondBy = received.adding(days: clocks.respondWithinDays)
        acknowledgeBy = ackBy
        self.respondBy = respondBy
        let acknowledged = item.acknowledgedAt.flatMap { CivilDate(parsing: $0) }
        let answered = [item.respondedAt, item.closedAt].compactMap { $0.flatMap { CivilDate(parsing: $0) } }.min()
        acknowledgedAfterWorkingDays = acknowledged.map { clocks.calendar.workingDays(after: received, through: $0) }
        acknowledgedLate = acknowledged.map { $0 > ackBy } ?? false
        acknowledgementOverdue = acknowledged == nil && item.closedAt == nil && now > ackBy
        responseOverdue = answered == nil && now > respondBy
        respondedLate = answered.map { $0 > respondBy } ?? false
        stage = item.closedAt != nil ? "closed" : item.respondedAt != nil ? "responded" : acknowledged != nil ? "acknowledged" : "received"
    }
}

/// The feedback loop as of a date.
public struct FeedbackReport: Codable, Sendable, Equatable {
    /// The date the clocks are judged on.
    public var asOf: CivilDate
    /// Log entries folded.
    public var entriesFolded: Int
    /// Counts.
    public var received = 0, acknowledged = 0, responded = 0, closed = 0, open = 0
    /// Open items past their acknowledgement or response date.
    public var acknowledgementsOverdue = 0, responsesOverdue = 0
    /// Responses by change status (change_made, change_planned, no_change_with_reason, referred).
    public var responsesByChange: [String: Int] = [:]
    /// The items (all, or only overdue ones), by receipt time.
    public var items: [FeedbackView]

    /// Builds the report as of `now`; `overdueOnly` keeps only items with an overdue clock.
    public init(items records: [FeedbackRecord], now: CivilDate, clocks: FeedbackClocks, entriesFolded: Int, overdueOnly: Bool = false) {
        asOf = now
        self.entriesFolded = entriesFolded
        let views = records.map { FeedbackView($0, now: now, clocks: clocks) }
        for v in views {
            received += 1
            if v.item.acknowledgedAt != nil { acknowledged += 1 }
            if v.item.respondedAt != nil { responded += 1 }
            if v.item.closedAt != nil { closed += 1 }
            if v.item.respondedAt == nil && v.item.closedAt == nil { open += 1 }
            if v.acknowledgementOverdue { acknowledgementsOverdue += 1 }
            if v.responseOverdue { responsesOverdue += 1 }
            if let change = v.item.changeStatus { responsesByChange[change, default: 0] += 1 }
        }
        items = overdueOnly ? views.filter { $0.acknowledgementOverdue || $0.responseOverdue } : views
    }
}

/// One entry of the public "you said, we did" list: only feedback whose submitter agreed to
/// publication and whose summary was moderated; never the feedback's own text.
public struct YouSaidWeDid: Codable, Sendable, Equatable {
    /// The feedback id.
    public var feedbackId: String
    /// The month it arrived (`YYYY-MM`), not the exact day.
    public var receivedIn: String
    /// How it arrived.
    public var channel: String
    /// "You said" (moderated).
    public var youSaid: String
    /// "We did".
    public var weDid: String
    /// change_made, change_planned, no_change_with_reason or referred.
    public var changeStatus: String
    /// What changed or is planned, or why nothing changes.
    public var whatChanged: String?
    /// The action carrying the change.
    public var actionRef: String?

    /// The public entry for `item`, or nil when it may not be published.
    public init?(_ item: FeedbackRecord) {
        guard item.consentToPublish, let summary = item.publicSummary, item.moderatedByRoleId != nil,
            let response = item.response, let change = item.changeStatus
        else { return nil }
        feedbackId = item.feedbackId
        receivedIn = String(item.receivedAt.prefix(7))
        channel = item.channel
        youSaid = summary
        weDid = response
        changeStatus = change
        whatChanged = item.changeDescription ?? item.reason
        actionRef = item.actionRef
    }
}
