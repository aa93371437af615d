import GRDB

/// The decisions projection's tables: proposals and what became of them, what each cites, the
/// actions they created or changed, and where each signing key was registered.
public struct DecisionTables: ProjectionTables {
    /// Base table names.
    public static let tableNames = [
        "dec_decisions", "dec_by_body", "dec_records", "dec_defined", "dec_keys", "dec_actions", "dec_action_links",
    ]

    /// The tables' schema.
    public static func schema(suffix s: String) -> [String] {
        [
            """
            CREATE TABLE dec_decisions\(s) (
                decision_id TEXT PRIMARY KEY, body_id TEXT NOT NULL, title TEXT NOT NULL, proposer TEXT NOT NULL,
                proposed_index INTEGER NOT NULL, proposed_at TEXT NOT NULL, inputs TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE dec_by_body\(s) (
                body_id TEXT NOT NULL, proposed_index INTEGER NOT NULL, decision_id TEXT NOT NULL,
                PRIMARY KEY (body_id, proposed_index, decision_id)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE dec_records\(s) (
                decision_id TEXT NOT NULL, log_index INTEGER NOT NULL, type TEXT NOT NULL, meeting_id TEXT, outcome TEXT NOT NULL,
                method TEXT, body_id TEXT, detail TEXT, occurred_at TEXT NOT NULL, in_favour INTEGER, against INTEGER,
                abstained INTEGER, ladder_rung TEXT, review_on TEXT, PRIMARY KEY (decision_id, log_index)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE dec_defined\(s) (
                kind TEXT NOT NULL, id TEXT NOT NULL, log_index INTEGER NOT NULL, PRIMARY KEY (kind, id)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE dec_keys\(s) (
                key_id TEXT PRIMARY KEY, registered_index INTEGER NOT NULL, holder TEXT
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE dec_actions\(s) (
                action_id TEXT PRIMARY KEY, code TEXT NOT NULL, title TEXT NOT NULL, source_decision_id TEXT,
                created_index INTEGER NOT NULL, status TEXT NOT NULL, progress_pct INTEGER, last_change_index INTEGER NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE dec_action_links\(s) (
                decision_id TEXT NOT NULL, log_index INTEGER NOT NULL, action_id TEXT NOT NULL, link TEXT NOT NULL,
                status TEXT NOT NULL, progress_pct INTEGER, PRIMARY KEY (decision_id, log_index, action_id)
            ) WITHOUT ROWID
            """,
        ]
    }

    let c: ProjectionConnection
    let decisions, byBody, records, defined, keys, actions, links: String

    /// The tables named with `suffix`.
    public init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        decisions = "dec_decisions" + suffix
        byBody = "dec_by_body" + suffix
        records = "dec_records" + suffix
        defined = "dec_defined" + suffix
        keys = "dec_keys" + suffix
        actions = "dec_actions" + suffix
        links = "dec_action_links" + suffix
    }

    // MARK: Proposals and outcomes

    func proposal(_ id: String) throws -> ProposalRecord? {
        try c.fetchOne("SELECT * FROM \(decisions) WHERE decision_id = ?", [id]).map(Self.proposal(from:))
    }

    /// Every proposal, in log order, or only those put to `bodyId`.
    func proposals(body bodyId: String?) throws -> [ProposalRecord] {
        guard let bodyId else {
            return try c.fetchAll("SELECT * FROM \(decisions) ORDER BY proposed_index").map(Self.proposal(from:))
        }
        return try c.fetchAll(
            """
            SELECT d.* FROM \(byBody) b JOIN \(decisions) d ON d.decision_id = b.decision_id
            WHERE b.body_id = ? ORDER BY b.proposed_index
            """, [bodyId]
        ).map(Self.proposal(from:))
    }

    func save(_ p: ProposalRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(decisions) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [p.decisionId, p.bodyId, p.title, p.proposer, p.index, p.occurredAt, ListColumn.encode(p.inputs.map { "\($0.kind):\($0.id)" })])
        try c.execute("INSERT OR IGNORE INTO \(byBody) VALUES (?, ?, ?)", [p.bodyId, p.index, p.decisionId])
    }

    func append(_ r: DecisionEventRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                r.decisionId, r.index, r.type, r.meetingId, r.outcome, r.method, r.bodyId, r.detail, r.occurredAt,
                r.tally?.inFavour, r.tally?.against, r.tally?.abstained, r.ladderRung, r.reviewOn,
            ])
    }

    func records(of decisionId: String) throws -> [DecisionEventRecord] {
        try c.fetchAll("SELECT * FROM \(records) WHERE decision_id = ? ORDER BY log_index", [decisionId]).map(Self.record(from:))
    }

    /// The `decision.recorded` entries that set a review date, in log order.
    func withReviewDates() throws -> [DecisionEventRecord] {
        try c.fetchAll("SELECT * FROM \(records) WHERE review_on IS NOT NULL ORDER BY log_index").map(Self.record(from:))
    }

    static func record(from r: Row) -> DecisionEventRecord {
        var record = DecisionEventRecord(
            decisionId: r["decision_id"], index: r["log_index"], type: r["type"], meetingId: r["meeting_id"],
            outcome: r["outcome"], method: r["method"], bodyId: r["body_id"], detail: r["detail"], occurredAt: r["occurred_at"])
        if let inFavour: Int = r["in_favour"], let against: Int = r["against"], let abstained: Int = r["abstained"] {
            record.tally = DecisionEventRecord.Tally(inFavour: inFavour, against: against, abstained: abstained)
        }
        record.ladderRung = r["ladder_rung"]
        record.reviewOn = r["review_on"]
        return record
    }

    // MARK: What can be cited

    func define(kind: String, id: String, at index: Int) throws {
        try c.execute("INSERT OR IGNORE INTO \(defined) VALUES (?, ?, ?)", [kind, id, index])
    }

    /// The index of the entry that defined `kind` `id`.
    func definition(kind: String, id: String) throws -> Int? {
        try c.fetchOne("SELECT log_index FROM \(defined) WHERE kind = ? AND id = ?", [kind, id])?["log_index"]
    }

    // MARK: Keys

    func registerKey(_ keyId: String, at index: Int, holder: String?) throws {
        try c.execute("INSERT OR IGNORE INTO \(keys) VALUES (?, ?, ?)", [keyId, index, holder])
    }

    /// Where a key was registered, and its holder as registered.
    func key(_ keyId: String) throws -> (index: Int, holder: String?)? {
        try c.fetchOne("SELECT registered_index, holder FROM \(keys) WHERE key_id = ?", [keyId]).map { ($0["registered_index"], $0["holder"]) }
    }

    // MARK: Actions

    func action(_ id: String) throws -> ActionNow? {
        try c.fetchOne("SELECT * FROM \(actions) WHERE action_id = ?", [id]).map {
            ActionNow(
                actionId: $0["action_id"], code: $0["code"], title: $0["title"], sourceDecisionId: $0["source_decision_id"],
                createdIndex: $0["created_index"], status: $0["status"], progressPct: $0["progress_pct"],
                lastChangeIndex: $0["last_change_index"])
        }
    }

    func save(_ a: ActionNow) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(actions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [a.actionId, a.code, a.title, a.sourceDecisionId, a.createdIndex, a.status, a.progressPct, a.lastChangeIndex])
    }

    func link(_ decisionId: String, at index: Int, action: String, link: String, status: String, progress: Int?) throws {
        try c.execute("INSERT OR IGNORE INTO \(links) VALUES (?, ?, ?, ?, ?, ?)", [decisionId, index, action, link, status, progress])
    }

    /// The entries that created or changed actions because of `decisionId`, in log order.
    func links(of decisionId: String) throws -> [ActionLink] {
        try c.fetchAll("SELECT * FROM \(links) WHERE decision_id = ? ORDER BY log_index, action_id", [decisionId]).map {
            ActionLink(index: $0["log_index"], actionId: $0["action_id"], link: $0["link"], status: $0["status"], progressPct: $0["progress_pct"])
        }
    }

    static func proposal(from r: Row) -> ProposalRecord {
        ProposalRecord(
            decisionId: r["decision_id"], bodyId: r["body_id"], title: r["title"], proposer: r["proposer"], index: r["proposed_index"],
            occurredAt: r["proposed_at"],
            inputs: ListColumn.decode(r["inputs"]).map { text in
                let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                return CitedRef(kind: parts.first ?? "", id: parts.count > 1 ? parts[1] : "")
            })
    }
}
