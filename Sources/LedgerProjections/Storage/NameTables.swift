import GRDB

/// The names projection's table: `names`, one row per named thing (region, service, body,
/// meeting, action, role), keyed by kind and id.
public struct NameTables: ProjectionTables {
    /// Base table names.
    public static let tableNames = ["names"]

    /// The table's schema.
    public static func schema(suffix: String) -> [String] {
        [
            """
            CREATE TABLE names\(suffix) (
                kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT, code TEXT, region_id TEXT, body_id TEXT, day TEXT,
                log_index INTEGER NOT NULL, PRIMARY KEY (kind, id)
            ) WITHOUT ROWID
            """
        ]
    }

    let c: ProjectionConnection
    let names: String

    /// The table named with `suffix`.
    public init(_ connection: ProjectionConnection, suffix: String) {
        c = connection
        names = "names" + suffix
    }

    func name(kind: String, id: String) throws -> EntityName? {
        try c.fetchOne("SELECT * FROM \(names) WHERE kind = ? AND id = ?", [kind, id]).map(Self.name(from:))
    }

    /// Every name of `kind`, by id.
    func all(kind: String) throws -> [EntityName] {
        try c.fetchAll("SELECT * FROM \(names) WHERE kind = ? ORDER BY id", [kind]).map(Self.name(from:))
    }

    func save(_ n: EntityName) throws {
        try c.execute(
            "INSERT OR REPLACE INTO \(names) (kind, id, name, code, region_id, body_id, day, log_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [n.kind, n.id, n.name, n.code, n.regionId, n.bodyId, n.day, n.index])
    }

    static func name(from r: Row) -> EntityName {
        EntityName(
            kind: r["kind"], id: r["id"], name: r["name"], code: r["code"], regionId: r["region_id"], bodyId: r["body_id"],
            day: r["day"], index: r["log_index"])
    }
}
