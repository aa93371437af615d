import GRDB

/// The cadence projection's tables: regions, reviews, published reports, board updates,
/// place-based projects, plan targets and the log's start.
public struct CadenceTables: ProjectionTables {
    /// Base table names.
    public static let tableNames = [
        "cadence_log", "cadence_regions", "cadence_reviews", "cadence_reports", "cadence_board_updates", "cadence_projects",
        "cadence_targets",
    ]

    /// The tables' schema.
    public static func schema(suffix: String) -> [String] {
        [
            "CREATE TABLE cadence_log\(suffix) (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL)",
            """
            CREATE TABLE cadence_regions\(suffix) (
                region_id TEXT PRIMARY KEY, name TEXT NOT NULL, services_provided INTEGER NOT NULL, log_index INTEGER NOT NULL,
                registered_at TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE cadence_reviews\(suffix) (
                region_id TEXT NOT NULL, log_index INTEGER NOT NULL, review_id TEXT NOT NULL, scope TEXT NOT NULL,
                held_at TEXT NOT NULL, period_from TEXT NOT NULL, period_to TEXT NOT NULL, service_users INTEGER NOT NULL,
                carers INTEGER NOT NULL, vcse INTEGER NOT NULL, marginalised_communities INTEGER NOT NULL, staff INTEGER NOT NULL,
                PRIMARY KEY (region_id, log_index)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE cadence_reports\(suffix) (
                report_id TEXT PRIMARY KEY, type TEXT NOT NULL, title TEXT NOT NULL, period_from TEXT NOT NULL,
                period_to TEXT NOT NULL, published_at TEXT NOT NULL, historical INTEGER NOT NULL, log_index INTEGER NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE cadence_board_updates\(suffix) (
                body_id TEXT NOT NULL, log_index INTEGER NOT NULL, mode TEXT NOT NULL, meeting_id TEXT, given_at TEXT NOT NULL,
                PRIMARY KEY (body_id, log_index)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE cadence_projects\(suffix) (
                project_id TEXT PRIMARY KEY, category TEXT NOT NULL, region_id TEXT NOT NULL, started_at TEXT NOT NULL,
                started_index INTEGER NOT NULL, completed_at TEXT, completed_index INTEGER
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE cadence_targets\(suffix) (
                target_code TEXT NOT NULL, log_index INTEGER NOT NULL, value REAL NOT NULL, deadline TEXT NOT NULL,
                decision_ref TEXT NOT NULL,
                PRIMARY KEY (target_code, log_index)
            ) WITHOUT ROWID
            """,
        ]
    }

    let c: ProjectionConnection
    let log: String, regions: String, reviews: String, reports: String, updates: String, projects: String, targets: String

    /// The tables named with `suffix`.
    public init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        log = "cadence_log" + suffix
        regions = "cadence_regions" + suffix
        reviews = "cadence_reviews" + suffix
        reports = "cadence_reports" + suffix
        updates = "cadence_board_updates" + suffix
        projects = "cadence_projects" + suffix
        targets = "cadence_targets" + suffix
    }

    // MARK: Writes (the fold)

    func saveLogStart(_ at: String) throws {
        try c.execute("INSERT OR IGNORE INTO \(log) (id, started_at) VALUES (0, ?)", [at])
    }

    func save(_ r: CadenceRegionRecord) throws {
        try c.execute(
            "INSERT OR IGNORE INTO \(regions) (region_id, name, services_provided, log_index, registered_at) VALUES (?, ?, ?, ?, ?)",
            [r.regionId, r.name, r.servicesProvided, r.index, r.registeredAt])
    }

    func save(_ r: ReviewRecord) throws {
        let p = r.participants
        try c.execute(
            """
            INSERT OR REPLACE INTO \(reviews) (region_id, log_index, review_id, scope, held_at, period_from, period_to, service_users,
                carers, vcse, marginalised_communities, staff)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                r.regionId, r.index, r.reviewId, r.scope, r.heldAt, r.periodFrom, r.periodTo, p["serviceUsers"] ?? 0, p["carers"] ?? 0,
                p["vcse"] ?? 0, p["marginalisedCommunities"] ?? 0, p["staff"] ?? 0,
            ])
    }

    func save(_ r: PublishedReportRecord) throws {
        try c.execute(
            """
            INSERT OR IGNORE INTO \(reports) (report_id, type, title, period_from, period_to, published_at, historical, log_index)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [r.reportId, r.type, r.title, r.periodFrom, r.periodTo, r.publishedAt, r.historical, r.index])
    }

    func save(_ u: BoardUpdateRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(updates) (body_id, log_index, mode, meeting_id, given_at) VALUES (?, ?, ?, ?, ?)",
            [u.bodyId, u.index, u.mode, u.meetingId, u.givenAt])
    }

    func project(_ id: String) throws -> ProjectRecord? {
        try c.fetchOne("SELECT * FROM \(projects) WHERE project_id = ?", [id]).map(Self.project(from:))
    }

    func save(_ p: ProjectRecord) throws {
        try c.execute(
            """
            INSERT OR REPLACE INTO \(projects) (project_id, category, region_id, started_at, started_index, completed_at, completed_index)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [p.projectId, p.category, p.regionId, p.startedAt, p.startedIndex, p.completedAt, p.completedIndex])
    }

    func save(_ t: PlanTargetRecord) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(targets) (target_code, log_index, value, deadline, decision_ref) VALUES (?, ?, ?, ?, ?)",
            [t.targetCode, t.index, t.value, t.deadline, t.decisionRef])
    }

    // MARK: Reads (the queries)

    func logStart() throws -> String? {
        try c.fetchOne("SELECT started_at FROM \(log) WHERE id = 0").map { $0["started_at"] }
    }

    func allRegions() throws -> [CadenceRegionRecord] {
        try c.fetchAll("SELECT * FROM \(regions) ORDER BY log_index, region_id").map { r in
            CadenceRegionRecord(
                regionId: r["region_id"], name: r["name"], servicesProvided: r["services_provided"], index: r["log_index"],
                registeredAt: r["registered_at"])
        }
    }

    func allReviews() throws -> [ReviewRecord] {
        try c.fetchAll("SELECT * FROM \(reviews) ORDER BY region_id, log_index").map { r in
            ReviewRecord(
                reviewId: r["review_id"], regionId: r["region_id"], scope: r["scope"], index: r["log_index"], heldAt: r["held_at"],
                periodFrom: r["period_from"], periodTo: r["period_to"],
                participants: [
                    "serviceUsers": r["service_users"], "carers": r["carers"], "vcse": r["vcse"],
                    "marginalisedCommunities": r["marginalised_communities"], "staff": r["staff"],
                ])
        }
    }

    func allReports() throws -> [PublishedReportRecord] {
        try c.fetchAll("SELECT * FROM \(reports) ORDER BY log_index, report_id").map { r in
            PublishedReportRecord(
                reportId: r["report_id"], type: r["type"], title: r["title"], periodFrom: r["period_from"], periodTo: r["period_to"],
                publishedAt: r["published_at"], historical: r["historical"], index: r["log_index"])
        }
    }

    func allBoardUpdates() throws -> [BoardUpdateRecord] {
        try c.fetchAll("SELECT * FROM \(updates) ORDER BY body_id, log_index").map { r in
            BoardUpdateRecord(bodyId: r["body_id"], mode: r["mode"], meetingId: r["meeting_id"], givenAt: r["given_at"], index: r["log_index"])
        }
    }

    func allProjects() throws -> [ProjectRecord] {
        try c.fetchAll("SELECT * FROM \(projects) ORDER BY started_index, project_id").map(Self.project(from:))
    }

    func targets(_ code: String) throws -> [PlanTargetRecord] {
        try c.fetchAll("SELECT * FROM \(targets) WHERE target_code = ? ORDER BY log_index", [code]).map { r in
            PlanTargetRecord(targetCode: r["target_code"], index: r["log_index"], value: r["value"], deadline: r["deadline"], decisionRef: r["decision_ref"])
        }
    }

    static func project(from r: Row) -> ProjectRecord {
        ProjectRecord(
            projectId: r["project_id"], category: r["category"], regionId: r["region_id"], startedAt: r["started_at"],
            startedIndex: r["started_index"], completedAt: r["completed_at"], completedIndex: r["completed_index"])
    }
}
