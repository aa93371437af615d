import GRDB

/// The plan projection's tables: `plan_actions`, `plan_status_history` and `plan_milestones`.
public struct PlanTables: ProjectionTables {
    /// Base table names.
    public static let tableNames = ["plan_actions", "plan_status_history", "plan_milestones"]

    /// The tables' schema.
    public static func schema(suffix: String) -> [String] {
        [
            """
            CREATE TABLE plan_actions\(suffix) (
                action_id TEXT PRIMARY KEY, code TEXT NOT NULL, area TEXT NOT NULL, title TEXT NOT NULL,
                scope TEXT NOT NULL, region_id TEXT, service_id TEXT, owner_role_id TEXT NOT NULL,
                due_date TEXT NOT NULL, competencies TEXT NOT NULL, pillars TEXT NOT NULL, objectives TEXT NOT NULL,
                source_decision_id TEXT, source_feedback_ids TEXT NOT NULL, status TEXT NOT NULL, progress_pct INTEGER,
                created_index INTEGER NOT NULL, created_at TEXT NOT NULL, last_change_index INTEGER NOT NULL,
                last_change_at TEXT NOT NULL, reopened_count INTEGER NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE plan_status_history\(suffix) (
                action_id TEXT NOT NULL, log_index INTEGER NOT NULL, from_status TEXT NOT NULL, to_status TEXT NOT NULL,
                progress_pct INTEGER, note TEXT NOT NULL, evidence TEXT NOT NULL, occurred_at TEXT NOT NULL,
                PRIMARY KEY (action_id, log_index)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE plan_milestones\(suffix) (
                action_id TEXT NOT NULL, log_index INTEGER NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL,
                evidence TEXT NOT NULL, occurred_at TEXT NOT NULL, PRIMARY KEY (action_id, log_index)
            ) WITHOUT ROWID
            """,
        ]
    }

    let c: ProjectionConnection
    let actions: String
    let history: String
    let milestones: String

    /// The tables named with `suffix`.
    public init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        actions = "plan_actions" + suffix
        history = "plan_status_history" + suffix
        milestones = "plan_milestones" + suffix
    }

    func action(_ id: String) throws -> ActionRecord? {
        try c.fetchOne("SELECT * FROM \(actions) WHERE action_id = ?", [id]).map(Self.action(from:))
    }

    func allActions() throws -> [ActionRecord] {
        try c.fetchAll("SELECT * FROM \(actions) ORDER BY action_id").map(Self.action(from:))
    }

    func save(_ a: ActionRecord) throws {
        try c.execute(
            """
            INSERT OR REPLACE INTO \(actions) (action_id, code, area, title, scope, region_id, service_id, owner_role_id,
                due_date, competencies, pillars, objectives, source_decision_id, source_feedback_ids, status, progress_pct,
                created_index, created_at, last_change_index, last_change_at, reopened_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                a.actionId, a.code, a.area, a.title, a.scope, a.regionId, a.serviceId, a.ownerRoleId, a.dueDate,
                ListColumn.encode(a.competencies), ListColumn.encode(a.pillars), ListColumn.encode(a.objectives),
                a.sourceDecisionId, ListColumn.encode(a.sourceFeedbackIds), a.status, a.progressPct, a.createdIndex,
                a.createdAt, a.lastChangeIndex, a.lastChangeAt, a.reopenedCount,
            ])
    }

    func append(_ h: StatusChangeRecord) throws {
        try c.execute(
            """
            INSERT OR REPLACE INTO \(history) (action_id, log_index, from_status, to_status, progress_pct, note, evidence, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [h.actionId, h.index, h.from, h.to, h.progressPct, h.note, ListColumn.encode(h.evidence), h.occurredAt])
    }

    func history(of actionId: String) throws -> [StatusChangeRecord] {
        try c.fetchAll("SELECT * FROM \(history) WHERE action_id = ? ORDER BY log_index", [actionId]).map(Self.change(from:))
    }

    func append(_ m: MilestoneRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(milestones) (action_id, log_index, title, date, evidence, occurred_at) VALUES (?, ?, ?, ?, ?, ?)",
            [m.actionId, m.index, m.title, m.date, m.evidence, m.occurredAt])
    }

    func milestones(of actionId: String) throws -> [MilestoneRecord] {
        try c.fetchAll("SELECT * FROM \(milestones) WHERE action_id = ? ORDER BY log_index", [actionId]).map {
            MilestoneRecord(
                actionId: $0["action_id"], index: $0["log_index"], title: $0["title"], date: $0["date"], evidence: $0["evidence"],
                occurredAt: $0["occurred_at"])
        }
    }

    func changes(from: Int, below: Int) throws -> [StatusChangeRecord] {
        try c.fetchAll("SELECT * FROM \(history) WHERE log_index >= ? AND log_index < ? ORDER BY log_index, action_id", [from, below])
            .map(Self.change(from:))
    }

    static func action(from r: Row) -> ActionRecord {
        ActionRecord(
            actionId: r["action_id"], code: r["code"], area: r["area"], title: r["title"], scope: r["scope"],
            regionId: r["region_id"], serviceId: r["service_id"], ownerRoleId: r["owner_role_id"], dueDate: r["due_date"],
            competencies: ListColumn.decode(r["competencies"]), pillars: ListColumn.decode(r["pillars"]),
            objectives: ListColumn.decode(r["objectives"]), sourceDecisionId: r["source_decision_id"],
            sourceFeedbackIds: ListColumn.decode(r["source_feedback_ids"]), status: r["status"], progressPct: r["progress_pct"],
            createdIndex: r["created_index"], createdAt: r["created_at"], lastChangeIndex: r["last_change_index"],
            lastChangeAt: r["last_change_at"], reopenedCount: r["reopened_count"])
    }

    static func change(from r: Row) -> StatusChangeRecord {
        StatusChangeRecord(
            actionId: r["action_id"], index: r["log_index"], from: r["from_status"], to: r["to_status"],
            progressPct: r["progress_pct"], note: r["note"], evidence: ListColumn.decode(r["evidence"]),
            occurredAt: r["occurred_at"])
    }
}
