import LedgerProjections

// What the portal shows, as the JSON the API returns (described in Schemas/openapi/portal.v1.json).
// Only public fields: no personal data, no private text, no suppressed cells.

/// Actions in one group (an area, competency or pillar, or the whole plan), by status.
struct PlanGroup: Codable, Sendable, Equatable {
    var code: String
    var name: String
    var total = 0
    var done = 0, inProgress = 0, planned = 0, blocked = 0, cancelled = 0
    /// Open and past due.
    var overdue = 0
    /// Mean reported progress of the actions that reported any (rounded down).
    var meanProgressPct: Int?

    var counts: [String: Int] {
        ["done": done, "in_progress": inProgress, "planned": planned, "blocked": blocked, "cancelled": cancelled]
    }
}

/// One action of the plan.
struct PlanAction: Codable, Sendable, Equatable {
    var actionId: String
    var code: String
    var area: String
    var title: String
    var scope: String
    var regionId: String?
    /// The region's name (``Namer``), when the log names it.
    var regionName: String?
    var ownerRoleId: String
    var dueDate: String
    var status: String
    var progressPct: Int?
    var overdue: Bool
    var stale: Bool
    var competencies: [String]
    var pillars: [String]
    var lastChangeOn: String
}

/// The plan's progress as of a date.
struct PlanProgress: Codable, Sendable, Equatable {
    var asOf: String
    var entries: Int
    var totals: PlanGroup
    var byArea: [PlanGroup]
    var byCompetency: [PlanGroup]
    var byPillar: [PlanGroup]
    var actions: [PlanAction]
}

/// One page of a longer list.
struct Paged<Item: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    var page: Int
    var pageSize: Int
    var pages: Int
    var total: Int
    var items: [Item]

    init(all: [Item], page: Int, pageSize: Int) {
        total = all.count
        self.pageSize = pageSize
        pages = max(1, (all.count + pageSize - 1) / pageSize)
        self.page = min(max(page, 1), pages)
        let start = (self.page - 1) * pageSize
        items = start < all.count ? Array(all[start..<min(all.count, start + pageSize)]) : []
    }

    /// A page read as such (`items` are page `page` of `total`).
    init(page: Int, pageSize: Int, total: Int, items: [Item]) {
        self.total = total
        self.pageSize = pageSize
        pages = max(1, (total + pageSize - 1) / pageSize)
        self.page = min(max(page, 1), pages)
        self.items = items
    }
}

/// A contribution's trace as its contributor sees it with their code (nothing about them).
struct ContributionAnswer: Codable, Sendable, Equatable {
    struct Discussion: Codable, Sendable, Equatable {
        var meetingId: String
        var bodyId: String?
        var heldOn: String?
    }

    struct Outcome: Codable, Sendable, Equatable {
        var outcome: String
        var meetingId: String
        var decidedOn: String
        var rationale: String
        var index: Int
    }

    struct Decision: Codable, Sendable, Equatable {
        var decisionId: String
        var title: String
        var bodyId: String
        var proposedOn: String
        var outcomes: [Outcome]
    }

    struct Influence: Codable, Sendable, Equatable {
        var targetType: String
        var targetId: String
        var influence: String
        var explanation: String
        var recordedOn: String
        var index: Int
    }

    var contributionId: String
    var kind: String
    var ladderRung: String
    var contributedOn: String
    var bodyId: String?
    var meetingId: String?
    /// none, held (never shown here), erased or not_held_here.
    var ownWords: String
    var sentences: [String]
    var discussedAt: [Discussion]
    var decisions: [Decision]
    var influences: [Influence]
    var stillOpen: [String]
    var index: Int
}

/// One decision in the register, with presence worked out from attendance.
struct DecisionSummary: Codable, Sendable, Equatable {
    var decisionId: String
    var title: String
    var bodyId: String
    /// The body's name (``Namer``), when the log names it.
    var bodyName: String?
    /// The day of its latest outcome, or of its proposal while undecided.
    var date: String
    /// approved, rejected, deferred, amended, referred, or pending.
    var outcome: String
    /// The latest review's result (reaffirmed, varied, rescinded), if reviewed.
    var reviewed: String?
    var meetingId: String?
    var proposedIndex: Int
    var recordedIndex: Int?
    /// Experts by Experience present for it (from attendance, recusals excluded).
    var ebePresent: Int?
    var ebeMet: Bool?
    var quorumMet: Bool?
    /// Where the record and attendance disagree.
    var disagreements: [String]
}

/// An entry a decision's provenance rests on, with where to download its proof.
struct EvidenceItem: Codable, Sendable, Equatable {
    var index: Int
    var type: String
    var occurredAt: String
    var summary: String
    var signer: String
    var signerHolder: String?
    /// `/api/proofs/{index}` when a signed checkpoint covers the entry.
    var proof: String?
}

/// A decision's provenance.
struct DecisionDetail: Codable, Sendable, Equatable {
    struct Presence: Codable, Sendable, Equatable {
        var category: String
        var count: Int
    }

    /// The body's rules for the item, worked out from attendance, beside what was recorded.
    struct Checks: Codable, Sendable, Equatable {
        var ebePresent: Int
        var ebeRequired: Int
        var ebeMet: Bool
        var quorumPresent: Int?
        var quorumRequired: Int?
        var quorumMet: Bool?
        var recordedEbePresent: Int
        var recordedQuorumMet: Bool
        var disagreements: [String]
    }

    /// An action it created or changed, as it stands now.
    struct ActionState: Codable, Sendable, Equatable {
        var actionId: String
        var code: String
        var title: String
        var status: String
        var progressPct: Int?
    }

    /// The vote count, when decided by vote.
    struct Tally: Codable, Sendable, Equatable {
        var inFavour: Int
        var against: Int
        var abstained: Int
    }

    var decisionId: String
    var title: String?
    var bodyId: String?
    /// The body's name (``Namer``), when the log names it.
    var bodyName: String?
    var proposedBy: String?
    /// The latest outcome (approved, rejected, deferred, amended, referred) or pending.
    var outcome: String = "pending"
    /// How it was decided (consensus or vote), from its latest recording.
    var method: String?
    /// Why, as recorded with its latest recording.
    var rationale: String?
    var tally: Tally?
    /// How far people with lived experience shared in it (the coproduction ladder's rung).
    var ladderRung: String?
    /// When it is to be reviewed, and the review's result if one followed.
    var reviewOn: String?
    var reviewed: String?
    /// Where it was decided, and that meeting's name.
    var meetingId: String?
    var meetingName: String?
    var entries: [EvidenceItem]
    var meeting: EvidenceItem?
    var presentByCategory: [Presence]
    var recusals: Int
    var checks: Checks?
    var cited: [EvidenceItem]
    var citedMissing: [String]
    var actions: [EvidenceItem]
    var actionsNow: [ActionState]
    var checkpointSize: Int?
}

/// The latest checkpoint and the last audit.
struct VerifyStatus: Codable, Sendable, Equatable {
    struct CheckpointInfo: Codable, Sendable, Equatable {
        var size: Int
        var root: String
        var signedAt: String
        var note: String
        /// Names of the keys that signed it: the log's first, then witnesses.
        var signers: [String]
    }

    struct Rule: Codable, Sendable, Equatable {
        var id: String
        var title: String
        var verdict: String
        var checked: Int
        var findings: [String]
    }

    struct AuditResult: Codable, Sendable, Equatable {
        /// not_started, running, done or failed.
        var state: String
        var asOf: String?
        var entries: Int?
        var passed: Bool?
        var integrityFailures: Int?
        var entitlementFailures: Int?
        var rules: [Rule]
        /// How long after it happened entries were recorded: overall, then the slowest types and signers.
        var recordingDelay: [String]? = nil
        var finishedAt: String?
        var error: String?
    }

    var origin: String
    var logKey: String
    var entries: Int
    var checkpoint: CheckpointInfo?
    var audit: AuditResult
}

/// An error as JSON.
struct APIError: Codable, Sendable, Equatable {
    var error: String
    var field: String?
}

/// A published figure: its value, or only the fact that it is hidden. A hidden figure has no
/// number in it at all (`{"suppressed": true}`), so none can leak.
struct Figure: Codable, Sendable, Equatable {
    var value: Double?

    init(_ value: Double?) { self.value = value }

    enum CodingKeys: String, CodingKey { case value, suppressed }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if let value { try c.encode(value, forKey: .value) } else { try c.encode(true, forKey: .suppressed) }
    }

    init(from decoder: any Decoder) throws {
        value = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Double.self, forKey: .value)
    }
}

/// One group's row of an equity table, every figure already suppressed by the metrics projection.
struct EquityRow: Codable, Sendable, Equatable {
    var group: String
    var count: Figure
    var denominator: Figure?
    /// The group's rate, or its share of everyone, in percent.
    var percent: Figure?
    /// The statistic recorded for the group (a mean, a pay gap).
    var value: Figure?
    /// The group's figure ÷ everyone's.
    var ratio: Figure?
    /// The group's figure − everyone's.
    var difference: Figure?
}

/// One observation of a metric broken down by ethnic group.
struct EquityTable: Codable, Sendable, Equatable {
    var metricId: String
    var code: String
    var name: String
    var unit: String
    /// What is counted, and out of what.
    var counted: String
    var outOf: String?
    /// rate (each group out of its own total), share (of everyone) or value (a statistic).
    var measure: String
    var periodFrom: String
    var periodTo: String
    var scope: String
    var regionId: String?
    var regionName: String?
    var serviceId: String?
    var serviceName: String?
    var index: Int
    var everyone: EquityRow
    var rows: [EquityRow]
    var notStated: Figure?
    var notKnown: Figure?
}

/// An action's own page: where it stands, how it got there, its milestones, and the decisions
/// and feedback that changed it, each entry with where to download its proof.
struct ActionPage: Codable, Sendable, Equatable {
    /// One status change.
    struct Step: Codable, Sendable, Equatable {
        var index: Int
        var on: String
        var from: String
        var to: String
        var progressPct: Int?
        var note: String
        var proof: String?
    }

    /// A milestone reached.
    struct Milestone: Codable, Sendable, Equatable {
        var index: Int
        var title: String
        var date: String
        /// The evidence, as `kind:id`.
        var evidence: String
        var proof: String?
    }

    /// A decision or piece of feedback that created or changed the action.
    struct Link: Codable, Sendable, Equatable {
        /// `decision` or `feedback`.
        var kind: String
        var id: String
        /// A decision's title, or a feedback item's published summary ("you said").
        var title: String?
        /// How it changed the action, in words.
        var how: String
        /// The entry that records it (the decision's proposal, the feedback's receipt), if in the log.
        var index: Int?
        var proof: String?
    }

    var actionId: String
    var code: String
    var title: String
    var area: String
    var areaName: String
    var scope: String
    var regionId: String?
    var regionName: String?
    var serviceId: String?
    var serviceName: String?
    var ownerRoleId: String
    var ownerRoleName: String?
    var dueDate: String
    var status: String
    var progressPct: Int?
    var overdue: Bool
    var createdOn: String
    var createdIndex: Int
    var createdProof: String?
    var history: [Step]
    var milestones: [Milestone]
    var decisions: [Link]
    var feedback: [Link]
}

/// Decisions whose review date has come with no review since, and those coming up.
struct ReviewsDue: Codable, Sendable, Equatable {
    /// The day it is judged on.
    var asOf: String
    var due: [DecisionReviewDate]
    var upcoming: [DecisionReviewDate]
}

/// The names the register shows beside codes, and the filters' choices.
extension DecisionSummary {
    /// `/api/proofs/{index}` when a signed checkpoint covers `index`.
    static func proof(_ index: Int?, checkpointSize: Int) -> String? {
        index.flatMap { $0 < checkpointSize ? "/api/proofs/\($0)" : nil }
    }
}
