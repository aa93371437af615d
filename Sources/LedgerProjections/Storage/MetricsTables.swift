import GRDB
import LedgerDomain

/// The metrics projection's tables: definitions, observations with their raw cells, recorded
/// disparities and targets. Raw counts live here and nowhere else: every figure that leaves
/// goes through small-number suppression first (``ObservationReport``).
public struct MetricsTables: ProjectionTables {
    /// Base table names.
    public static let tableNames = ["metric_definitions", "metric_observations", "metric_cells", "metric_disparities", "metric_targets"]

    /// The tables' schema.
    public static func schema(suffix: String) -> [String] {
        [
            """
            CREATE TABLE metric_definitions\(suffix) (
                metric_id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, competencies TEXT NOT NULL,
                unit TEXT NOT NULL, numerator TEXT NOT NULL, denominator TEXT, dimensions TEXT NOT NULL, cadence TEXT NOT NULL,
                target REAL, scope TEXT NOT NULL, region_id TEXT, sdc_policy_ref TEXT NOT NULL, coproduced_refs TEXT NOT NULL,
                defined_index INTEGER NOT NULL, defined_at TEXT NOT NULL
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE metric_observations\(suffix) (
                metric_id TEXT NOT NULL, log_index INTEGER NOT NULL, event_id TEXT NOT NULL, period_from TEXT NOT NULL,
                period_to TEXT NOT NULL, scope TEXT NOT NULL, region_id TEXT, service_id TEXT, code_system TEXT,
                not_stated INTEGER, not_known INTEGER, completeness_total INTEGER, occurred_at TEXT NOT NULL,
                PRIMARY KEY (metric_id, log_index)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE metric_cells\(suffix) (
                metric_id TEXT NOT NULL, log_index INTEGER NOT NULL, position INTEGER NOT NULL, dims TEXT NOT NULL,
                n INTEGER NOT NULL, d INTEGER, value REAL,
                PRIMARY KEY (metric_id, log_index, position)
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE metric_disparities\(suffix) (
                disparity_id TEXT PRIMARY KEY, metric_id TEXT NOT NULL, log_index INTEGER NOT NULL, period_from TEXT NOT NULL,
                period_to TEXT NOT NULL, focus TEXT NOT NULL, reference TEXT NOT NULL, magnitude REAL NOT NULL,
                magnitude_unit TEXT NOT NULL, method TEXT NOT NULL, observation_ref TEXT
            ) WITHOUT ROWID
            """,
            """
            CREATE TABLE metric_targets\(suffix) (
                metric_id TEXT NOT NULL, log_index INTEGER NOT NULL, value REAL NOT NULL, direction TEXT NOT NULL,
                deadline TEXT NOT NULL, decision_ref TEXT NOT NULL,
                PRIMARY KEY (metric_id, log_index)
            ) WITHOUT ROWID
            """,
        ]
    }

    let c: ProjectionConnection
    let definitions: String
    let observations: String
    let cells: String
    let disparities: String
    let targets: String

    /// The tables named with `suffix`.
    public init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        definitions = "metric_definitions" + suffix
        observations = "metric_observations" + suffix
        cells = "metric_cells" + suffix
        disparities = "metric_disparities" + suffix
        targets = "metric_targets" + suffix
    }

    // MARK: Writes (the fold)

    func isDefined(_ metricId: String) throws -> Bool {
        try c.fetchOne("SELECT 1 FROM \(definitions) WHERE metric_id = ?", [metricId]) != nil
    }

    func save(_ m: MetricDefinitionRecord) throws {
        try c.execute(
            """
            INSERT OR REPLACE INTO \(definitions) (metric_id, code, name, competencies, unit, numerator, denominator, dimensions,
                cadence, target, scope, region_id, sdc_policy_ref, coproduced_refs, defined_index, defined_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                m.metricId, m.code, m.name, ListColumn.encode(m.competencies), m.unit, m.numerator, m.denominator,
                ListColumn.encode(m.dimensions), m.cadence, m.target, m.scope, m.regionId, m.sdcPolicyRef,
                ListColumn.encode(m.locallyCoproducedRefs), m.definedIndex, m.definedAt,
            ])
    }

    func save(_ o: ObservationRecord) throws {
        try c.execute(
            """
            INSERT OR REPLACE INTO \(observations) (metric_id, log_index, event_id, period_from, period_to, scope, region_id,
                service_id, code_system, not_stated, not_known, completeness_total, occurred_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                o.metricId, o.index, o.eventId, o.periodFrom, o.periodTo, o.scope, o.regionId, o.serviceId, o.codeSystem,
                o.completeness?.notStated, o.completeness?.notKnown, o.completeness?.total, o.occurredAt,
            ])
        for cell in o.cells {
            try c.execute(
                "INSERT OR REPLACE INTO \(cells) (metric_id, log_index, position, dims, n, d, value) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [o.metricId, o.index, cell.position, cell.dims.key, cell.n, cell.d, cell.value])
        }
    }

    func save(_ d: DisparityRecord) throws {
        try c.execute(
            """
            INSERT OR IGNORE INTO \(disparities) (disparity_id, metric_id, log_index, period_from, period_to, focus, reference,
                magnitude, magnitude_unit, method, observation_ref)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                d.disparityId, d.metricId, d.index, d.periodFrom, d.periodTo, d.focus.key, d.reference.key, d.magnitude,
                d.magnitudeUnit, d.method, d.observationRef,
            ])
    }

    func save(_ t: MetricTargetRecord) throws {
        try c.execute(
            """
            INSERT OR REPLACE INTO \(targets) (metric_id, log_index, value, direction, deadline, decision_ref)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [t.metricId, t.index, t.value, t.direction, t.deadline, t.decisionRef])
    }

    // MARK: Reads (the queries)

    func allDefinitions() throws -> [MetricDefinitionRecord] {
        try c.fetchAll("SELECT * FROM \(definitions) ORDER BY metric_id").map(Self.definition(from:))
    }

    /// The observations of one metric with their cells, in log order.
    func observations(of metricId: String) throws -> [ObservationRecord] {
        let cellRows = try c.fetchAll("SELECT * FROM \(cells) WHERE metric_id = ? ORDER BY log_index, position", [metricId])
        var byIndex: [Int: [CellRecord]] = [:]
        for r in cellRows {
            guard let dims = MetricVocabulary.Dims(key: r["dims"]) else { continue }
            byIndex[r["log_index"], default: []].append(CellRecord(position: r["position"], dims: dims, n: r["n"], d: r["d"], value: r["value"]))
        }
        return try c.fetchAll("SELECT * FROM \(observations) WHERE metric_id = ? ORDER BY log_index", [metricId]).map { r in
            let notStated: Int? = r["not_stated"]
            let notKnown: Int? = r["not_known"]
            let completeness = notStated.flatMap { ns in
                notKnown.map { MetricVocabulary.Completeness(notStated: ns, notKnown: $0, total: r["completeness_total"]) }
            }
            let index: Int = r["log_index"]
            return ObservationRecord(
                metricId: r["metric_id"], index: index, eventId: r["event_id"], periodFrom: r["period_from"], periodTo: r["period_to"],
                scope: r["scope"], regionId: r["region_id"], serviceId: r["service_id"], codeSystem: r["code_system"],
                completeness: completeness, occurredAt: r["occurred_at"], cells: byIndex[index] ?? [])
        }
    }

    func disparities(of metricId: String) throws -> [DisparityRecord] {
        try c.fetchAll("SELECT * FROM \(disparities) WHERE metric_id = ? ORDER BY log_index, disparity_id", [metricId]).compactMap { r in
            guard let focus = MetricVocabulary.Dims(key: r["focus"]), let reference = MetricVocabulary.Dims(key: r["reference"]) else { return nil }
            return DisparityRecord(
                disparityId: r["disparity_id"], metricId: r["metric_id"], index: r["log_index"], periodFrom: r["period_from"],
                periodTo: r["period_to"], focus: focus, reference: reference, magnitude: r["magnitude"],
                magnitudeUnit: r["magnitude_unit"], method: r["method"], observationRef: r["observation_ref"])
        }
    }

    func targets(of metricId: String) throws -> [MetricTargetRecord] {
        try c.fetchAll("SELECT * FROM \(targets) WHERE metric_id = ? ORDER BY log_index", [metricId]).map { r in
            MetricTargetRecord(
                metricId: r["metric_id"], index: r["log_index"], value: r["value"], direction: r["direction"], deadline: r["deadline"],
                decisionRef: r["decision_ref"])
        }
    }

    static func definition(from r: Row) -> MetricDefinitionRecord {
        MetricDefinitionRecord(
            metricId: r["metric_id"], code: r["code"], name: r["name"], competencies: ListColumn.decode(r["competencies"]), unit: r["unit"],
            numerator: r["numerator"], denominator: r["denominator"], dimensions: ListColumn.decode(r["dimensions"]),
            cadence: r["cadence"], target: r["target"], scope: r["scope"], regionId: r["region_id"], sdcPolicyRef: r["sdc_policy_ref"],
            locallyCoproducedRefs: ListColumn.decode(r["coproduced_refs"]), definedIndex: r["defined_index"], definedAt: r["defined_at"])
    }
}
