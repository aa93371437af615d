/// Something a proposal draws on: `feedback` `F-2026-0142`, `contribution` `CON-1`, `event` `<uuid>`…
public struct CitedRef: Codable, Sendable, Equatable, Hashable {
    /// The kind (an ``LedgerDomain/EntityKind`` raw value).
    public var kind: String
    /// Its id.
    public var id: String
}

/// A proposal as the decisions projection holds it.
public struct ProposalRecord: Codable, Sendable, Equatable {
    /// The decision id.
    public var decisionId: String
    /// The body it was put to.
    public var bodyId: String
    /// Its title.
    public var title: String
    /// Who proposed it (pseudonym).
    public var proposer: String
    /// Log index and time (occurredAt) of the `decision.proposed` entry.
    public var index: Int, occurredAt: String
    /// What it draws on, in the order given.
    public var inputs: [CitedRef]
}

/// A later event about a decision: recorded at a meeting, referred to another body, or reviewed.
public struct DecisionEventRecord: Codable, Sendable, Equatable {
    /// The decision.
    public var decisionId: String
    /// Log index of the entry.
    public var index: Int
    /// `decision.recorded`, `decision.referred` or `decision.reviewed`.
    public var type: String
    /// The meeting (recorded and reviewed).
    public var meetingId: String?
    /// The outcome (recorded), `referred` (referred) or the review's result (reaffirmed, varied, rescinded).
    public var outcome: String
    /// consensus or vote (recorded).
    public var method: String?
    /// The body it was referred to (referred).
    public var bodyId: String?
    /// The rationale, the reason for referral or the review's note.
    public var detail: String?
    /// When (occurredAt).
    public var occurredAt: String
    /// The vote count (recorded by vote).
    public var tally: Tally?
    /// The coproduction ladder rung (recorded).
    public var ladderRung: String?
    /// When the decision is to be reviewed (recorded, `YYYY-MM-DD`).
    public var reviewOn: String?

    /// A vote count.
    public struct Tally: Codable, Sendable, Equatable {
        /// Votes for, against, and abstentions.
        public var inFavour, against, abstained: Int
    }

    init(
        decisionId: String, index: Int, type: String, meetingId: String? = nil, outcome: String, method: String? = nil,
        bodyId: String? = nil, detail: String? = nil, occurredAt: String, tally: Tally? = nil, ladderRung: String? = nil,
        reviewOn: String? = nil
    ) {
        self.decisionId = decisionId
        self.index = index
        self.type = type
        self.meetingId = meetingId
        self.outcome = outcome
        self.method = method
        self.bodyId = bodyId
        self.detail = detail
        self.occurredAt = occurredAt
        self.tally = tally
        self.ladderRung = ladderRung
        self.reviewOn = reviewOn
    }
}

/// An action a decision created or changed, and what became of it.
public struct ActionNow: Codable, Sendable, Equatable {
    /// The action id.
    public var actionId: String
    /// Its plan code.
    public var code: String
    /// What will be done.
    public var title: String
    /// The decision that created it, if one did.
    public var sourceDecisionId: String?
    /// Log index of its `action.created`.
    public var createdIndex: Int
    /// Its status now: planned, in_progress, blocked, done or cancelled.
    public var status: String
    /// Its progress now, when reported.
    public var progressPct: Int?
    /// Log index of its latest status change (or its creation).
    public var lastChangeIndex: Int
}

/// One entry that created or changed an action because of a decision.
struct ActionLink: Equatable {
    var index: Int
    var actionId: String
    /// `created`, `changed` (a status change of an action the decision created) or `cited` (a
    /// status change whose evidence cites the decision).
    var link: String
    var status: String
    var progressPct: Int?
}
