import GRDB

/// The contribution trace's tables.
public struct TraceTables: ProjectionTables {
    /// Base table names.
    public static let tableNames = [
        "trace_contributions", "trace_meetings", "trace_decisions", "trace_decision_inputs", "trace_decision_outcomes",
        "trace_influences",
    ]

    /// The tables' schema.
    public static func schema(suffix s: String) -> [String] {
        [
            """
            CREATE TABLE trace_contributions\(s) (
                contribution_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, body_id TEXT, meeting_id TEXT, kind TEXT NOT NULL,
                ladder_rung TEXT NOT NULL, topic_refs TEXT NOT NULL, hours REAL, occurred_at TEXT NOT NULL,
                log_index INTEGER NOT NULL, has_private_content INTEGER NOT NULL, notified_at TEXT
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE trace_meetings\(s) (
                meeting_id TEXT PRIMARY KEY, body_id TEXT NOT NULL, held_at TEXT NOT NULL, log_index INTEGER NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE trace_decisions\(s) (
                decision_id TEXT PRIMARY KEY, body_id TEXT NOT NULL, title TEXT NOT NULL, proposed_at TEXT NOT NULL,
                proposed_index INTEGER NOT NULL, inputs TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE trace_decision_inputs\(s) (
                input TEXT NOT NULL, decision_id TEXT NOT NULL, PRIMARY KEY (input, decision_id)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE trace_decision_outcomes\(s) (
                decision_id TEXT NOT NULL, log_index INTEGER NOT NULL, outcome TEXT NOT NULL, meeting_id TEXT NOT NULL,
                rationale TEXT NOT NULL, occurred_at TEXT NOT NULL, PRIMARY KEY (decision_id, log_index)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE trace_influences\(s) (
                contribution_id TEXT NOT NULL, log_index INTEGER NOT NULL, target_type TEXT NOT NULL, target_id TEXT NOT NULL,
                influence TEXT NOT NULL, explanation TEXT NOT NULL, occurred_at TEXT NOT NULL,
                PRIMARY KEY (contribution_id, log_index)
            ) WITHOUT ROWID
            """,
        ]
    }

    let c: ProjectionConnection
    let contributions, meetings, decisions, inputs, outcomes, influences: String

    /// The tables named with `suffix`.
    public init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        contributions = "trace_contributions" + suffix
        meetings = "trace_meetings" + suffix
        decisions = "trace_decisions" + suffix
        inputs = "trace_decision_inputs" + suffix
        outcomes = "trace_decision_outcomes" + suffix
        influences = "trace_influences" + suffix
    }

    func contribution(_ id: String) throws -> ContributionRecord? {
        try c.fetchOne("SELECT * FROM \(contributions) WHERE contribution_id = ?", [id]).map(Self.contribution(from:))
    }

    func contributions(of personId: String) throws -> [ContributionRecord] {
        try c.fetchAll("SELECT * FROM \(contributions) WHERE person_id = ? ORDER BY log_index", [personId]).map(Self.contribution(from:))
    }

    func save(_ r: ContributionRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(contributions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                r.contributionId, r.personId, r.bodyId, r.meetingId, r.kind, r.ladderRung, ListColumn.encode(r.topicRefs), r.hours,
                r.occurredAt, r.index, r.hasPrivateContent, r.notifiedAt,
            ])
    }

    func meeting(_ id: String) throws -> MeetingRecord? {
        try c.fetchOne("SELECT * FROM \(meetings) WHERE meeting_id = ?", [id]).map {
            MeetingRecord(meetingId: $0["meeting_id"], bodyId: $0["body_id"], heldAt: $0["held_at"], index: $0["log_index"])
        }
    }

    func save(_ m: MeetingRecord) throws {
        try c.execute("INSERT OR IGNORE INTO \(meetings) VALUES (?, ?, ?, ?)", [m.meetingId, m.bodyId, m.heldAt, m.index])
    }

    func decision(_ id: String) throws -> DecisionRecord? {
        try c.fetchOne("SELECT * FROM \(decisions) WHERE decision_id = ?", [id]).map(Self.decision(from:))
    }

    func save(_ d: DecisionRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(decisions) VALUES (?, ?, ?, ?, ?, ?)",
            [d.decisionId, d.bodyId, d.title, d.proposedAt, d.proposedIndex, ListColumn.encode(d.inputs)])
        for input in d.inputs {
            try c.execute("INSERT OR IGNORE INTO \(inputs) VALUES (?, ?)", [input, d.decisionId])
        }
    }

    func decisions(citing input: String) throws -> [DecisionRecord] {
        try c.fetchAll(
            "SELECT d.* FROM \(inputs) i JOIN \(decisions) d ON d.decision_id = i.decision_id WHERE i.input = ? ORDER BY d.proposed_index",
            [input]
        ).map(Self.decision(from:))
    }

    func append(_ o: DecisionOutcomeRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(outcomes) VALUES (?, ?, ?, ?, ?, ?)",
            [o.decisionId, o.index, o.outcome, o.meetingId, o.rationale, o.occurredAt])
    }

    func outcomes(of decisionId: String) throws -> [DecisionOutcomeRecord] {
        try c.fetchAll("SELECT * FROM \(outcomes) WHERE decision_id = ? ORDER BY log_index", [decisionId]).map(Self.outcome(from:))
    }

    func outcomes(from: Int, below: Int) throws -> [DecisionOutcomeRecord] {
        try c.fetchAll("SELECT * FROM \(outcomes) WHERE log_index >= ? AND log_index < ? ORDER BY log_index, decision_id", [from, below])
            .map(Self.outcome(from:))
    }

    func append(_ i: InfluenceRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(influences) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [i.contributionId, i.index, i.targetType, i.targetId, i.influence, i.explanation, i.occurredAt])
    }

    func influences(of contributionId: String) throws -> [InfluenceRecord] {
        try c.fetchAll("SELECT * FROM \(influences) WHERE contribution_id = ? ORDER BY log_index", [contributionId]).map {
            InfluenceRecord(
                contributionId: $0["contribution_id"], index: $0["log_index"], targetType: $0["target_type"], targetId: $0["target_id"],
                influence: $0["influence"], explanation: $0["explanation"], occurredAt: $0["occurred_at"])
        }
    }

    static func contribution(from r: Row) -> ContributionRecord {
        ContributionRecord(
            contributionId: r["contribution_id"], personId: r["person_id"], bodyId: r["body_id"], meetingId: r["meeting_id"],
            kind: r["kind"], ladderRung: r["ladder_rung"], topicRefs: ListColumn.decode(r["topic_refs"]), hours: r["hours"],
            occurredAt: r["occurred_at"], index: r["log_index"], hasPrivateContent: r["has_private_content"], notifiedAt: r["notified_at"])
    }

    static func decision(from r: Row) -> DecisionRecord {
        DecisionRecord(
            decisionId: r["decision_id"], bodyId: r["body_id"], title: r["title"], proposedAt: r["proposed_at"],
            proposedIndex: r["proposed_index"], inputs: ListColumn.decode(r["inputs"]))
    }

    static func outcome(from r: Row) -> DecisionOutcomeRecord {
        DecisionOutcomeRecord(
            decisionId: r["decision_id"], index: r["log_index"], outcome: r["outcome"], meetingId: r["meeting_id"],
            rationale: r["rationale"], occurredAt: r["occurred_at"])
    }
}
