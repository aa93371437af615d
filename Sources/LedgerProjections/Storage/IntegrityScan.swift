import GRDB
import LedgerCore
public import LedgerStore

/// One way a stored projection differs from a fresh fold of the log it claims to have folded.
public struct ProjectionDifference: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The projection (`feedback`, `plan`, …).
    public var projection: String
    /// The table.
    public var table: String
    /// `changed` (the stored row differs), `extra` (stored, not in the fold), `missing` (in the
    /// fold, not stored), `table` (a table is absent) or `state` (the stored fold position is impossible).
    public var kind: String
    /// The row's primary key (`column=value, …`), or what is wrong.
    public var row: String
    /// For `changed`: the columns whose values differ, stored → folded.
    public var columns: [String]

    public var description: String {
        let detail = columns.isEmpty ? "" : ": " + columns.joined(separator: "; ")
        return "\(projection)/\(table) \(kind) row \(row)\(detail)"
    }
}

/// The result of ``Projections/integrityScan(of:projections:)``.
public struct ProjectionScanReport: Sendable, Codable {
    /// Projections compared, with the entries each had folded.
    public var checked: [String: Int]
    /// Projections not compared and why (never folded into this file, or of another version:
    /// the next catch-up rebuilds those).
    public var skipped: [String: String]
    /// Rows compared (stored rows plus folded rows).
    public var rowsCompared: Int
    /// Every difference found.
    public var differences: [ProjectionDifference]
    /// True when nothing differs.
    public var ok: Bool { differences.isEmpty }
}

extension Projections {
    /// Scans the projection tables stored in `ledger`'s file against a fresh fold of its log, as
    /// KurrentDB scans its indexes: each projection is folded afresh in memory up to exactly the
    /// entry its stored state says it folded, and every table is compared row by row (by
    /// primary key, every column). Nothing is written: a ledger open read-only is scanned too.
    ///
    /// `verify` proves the log; this proves the tables the read verbs answer from are the fold
    /// of that log. A difference means the file was edited behind the ledger's back (or a fold
    /// is not deterministic): `coledger rebuild` replaces the tables with a fresh fold.
    public static func integrityScan(of ledger: Ledger, projections: [any Projection.Type] = Projections.all) throws
        -> ProjectionScanReport
    {
        let targets = projections.map { AnyProjection($0) }
        let size = try ledger.size()
        // One snapshot of the stored state and tables.
        let (states, stored) = try ledger.database.read {
            db -> ([String: ProjectionState], [String: [String: TableRows]]) in
            guard try db.tableExists("projection_state") else { return ([:], [:]) }
            let states = try StateStore.load(ProjectionConnection(db))
            var stored: [String: [String: TableRows]] = [:]
            for p in targets {
                guard let state = states[p.name], state.version == p.version else { continue }
                var tables: [String: TableRows] = [:]
                for name in p.tableNames where try db.tableExists(name) {
                    tables[name] = try TableRows.read(db, table: name)
                }
                stored[p.name] = tables
            }
            return (states, stored)
        }
        var report = ProjectionScanReport(checked: [:], skipped: [:], rowsCompared: 0, differences: [])
        var byPosition: [Int: [Int]] = [:]
        for (n, p) in targets.enumerated() {
            guard let state = states[p.name] else {
                report.skipped[p.name] = "never folded into this file"
                continue
            }
            guard state.version == p.version else {
                report.skipped[p.name] =
                    "stored version \(state.version), this build folds version \(p.version): the next read rebuilds it"
                continue
            }
            guard state.lastIndex < size else {
                report.differences.append(
                    ProjectionDifference(
                        projection: p.name, table: "projection_state", kind: "state", row: "name=\(p.name)",
                        columns: ["last_index \(state.lastIndex) is past the log's last entry \(size - 1)"]))
                continue
            }
            byPosition[state.lastIndex + 1, default: []].append(n)
        }
        for (folded, members) in byPosition.sorted(by: { $0.key < $1.key }) {
            let fresh = try Projections.replay(
                LedgerEntrySource(ledger: ledger), at: .index(folded), projections: members.map { projections[$0] })
            for n in members {
                let p = targets[n]
                report.checked[p.name] = folded
                let freshTables = try fresh.database.read { c in
                    var tables: [String: TableRows] = [:]
                    for name in p.tableNames { tables[name] = try TableRows.read(c.db, table: name) }
                    return tables
                }
                for table in p.tableNames {
                    guard let expected = freshTables[table] else { continue }
                    guard let actual = stored[p.name]?[table] else {
                        report.differences.append(
                            ProjectionDifference(
                                projection: p.name, table: table, kind: "table", row: "(the table is missing)",
                                columns: []))
                        continue
                    }
                    report.rowsCompared += actual.rows.count + expected.rows.count
                    report.differences += actual.differences(from: expected, projection: p.name, table: table)
                }
            }
        }
        return report
    }
}

/// A table's rows keyed by primary key, each as its columns' values.
struct TableRows {
    var columns: [String]
    var keyColumns: [String]
    var rows: [[DatabaseValue]: [DatabaseValue]]

    static func read(_ db: Database, table: String) throws -> TableRows {
        let columns = try db.columns(in: table).map(\.name)
        let primary = try db.primaryKey(table).columns
        // A table keyed by its hidden rowid is compared as a set of whole rows.
        let keyColumns = primary.allSatisfy(columns.contains) ? primary : []
        var rows: [[DatabaseValue]: [DatabaseValue]] = [:]
        let list = columns.map(StateStore.quote).joined(separator: ", ")
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(StateStore.quote(table))")
        while let row = try cursor.next() {
            let values = Array(row.databaseValues)
            let key = keyColumns.map { row[$0] as DatabaseValue }
            rows[key.isEmpty ? values : key] = values
        }
        return TableRows(columns: columns, keyColumns: keyColumns, rows: rows)
    }

    func describe(_ key: [DatabaseValue]) -> String {
        let names = keyColumns.isEmpty ? columns : keyColumns
        return zip(names, key).map { "\($0)=\($1.description)" }.joined(separator: ", ")
    }

    /// This table (stored) against `expected` (the fresh fold).
    func differences(from expected: TableRows, projection: String, table: String) -> [ProjectionDifference] {
        var out: [ProjectionDifference] = []
        let names = expected.columns.isEmpty ? columns : expected.columns
        for (key, values) in rows.sorted(by: { describe($0.key) < describe($1.key) }) {
            guard let want = expected.rows[key] else {
                out.append(
                    ProjectionDifference(
                        projection: projection, table: table, kind: "extra", row: describe(key), columns: []))
                continue
            }
            guard values != want else { continue }
            let changed = zip(names, zip(values, want)).filter { $1.0 != $1.1 }.map {
                "\($0): \($1.0.description) → \($1.1.description)"
            }
            out.append(
                ProjectionDifference(
                    projection: projection, table: table, kind: "changed", row: describe(key),
                    columns: changed.isEmpty ? ["the columns differ"] : changed))
        }
        for key in expected.rows.keys.sorted(by: { describe($0) < describe($1) }) where rows[key] == nil {
            out.append(
                ProjectionDifference(
                    projection: projection, table: table, kind: "missing", row: describe(key), columns: []))
        }
        return out
    }
}
