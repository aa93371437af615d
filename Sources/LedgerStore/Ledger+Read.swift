public import LedgerCore
import Foundation
package import GRDB
import GRDBSQLite

/// One entry as read from the store.
public struct StoredEntry: Sendable {
    /// 0-based index.
    public var index: Int
    /// The parsed entry.
    public var entry: Entry
    /// base64 of the leaf hash.
    public var leafHash: [UInt8]
}

extension Ledger {
    /// Entries from `from`, at most `limit` of them, in log order.
    public func entries(from: Int, limit: Int) throws(LedgerError) -> [StoredEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT idx, bytes, leaf_hash FROM entries WHERE idx >= ? ORDER BY idx LIMIT ?",
                arguments: [from, limit]
            ).map(Self.storedEntry)
        }
    }

    /// Entries with `from <= index < below`, at most `limit`, in log order, read on a connection
    /// the caller already holds (so a projection can read and write in one transaction).
    package static func entries(_ db: Database, from: Int, below: Int, limit: Int) throws -> [StoredEntry] {
        try Row.fetchAll(
            db, sql: "SELECT idx, bytes, leaf_hash FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx LIMIT ?",
            arguments: [from, below, limit]
        ).map(storedEntry)
    }

    /// The stored bytes of entries with `from <= index`, at most `limit`, in log order, unparsed
    /// (the caller parses them, e.g. on several cores), read on a connection the caller holds.
    package static func rawEntries(_ db: Database, from: Int, limit: Int) throws -> [(index: Int, bytes: [UInt8])] {
        try Row.fetchAll(db, sql: "SELECT idx, bytes FROM entries WHERE idx >= ? ORDER BY idx LIMIT ?", arguments: [from, limit]).map {
            (index: $0["idx"], bytes: [UInt8](Data.fromDatabaseValue($0["bytes"]) ?? Data()))
        }
    }

    /// The stored bytes of the entries with `from <= index < below` whose type is one of `types`
    /// (every entry when nil), in log order, unparsed, read on a connection the caller holds.
    ///
    /// The type comes from the `type` column the append wrote from the same bytes, so entries of
    /// other types are never copied out of SQLite, let alone parsed (projections read this way).
    package static func rawEntries(_ db: Database, from: Int, below: Int, types: [String]?) throws -> [(index: Int, bytes: [UInt8])] {
        guard from < below else { return [] }
        if let types, types.isEmpty { return [] }
        var sql = "SELECT idx, bytes FROM entries WHERE idx >= ? AND idx < ?"
        if let types { sql += " AND type IN (" + Array(repeating: "?", count: types.count).joined(separator: ", ") + ")" }
        let statement = try db.cachedStatement(sql: sql + " ORDER BY idx")
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, Int64(from))
        sqlite3_bind_int64(handle, 2, Int64(below))
        for (n, type) in (types ?? []).enumerated() {
            sqlite3_bind_text(handle, Int32(n + 3), type, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        defer { sqlite3_reset(handle) }
        var rows: [(index: Int, bytes: [UInt8])] = []
        rows.reserveCapacity(min(below - from, 1 << 16))
        var rc = sqlite3_step(handle)
        while rc == SQLITE_ROW {
            let n = Int(sqlite3_column_bytes(handle, 1))
            var bytes: [UInt8] = []
            if n > 0, let p = sqlite3_column_blob(handle, 1) { bytes = [UInt8](UnsafeRawBufferPointer(start: p, count: n)) }
            rows.append((Int(sqlite3_column_int64(handle, 0)), bytes))
            rc = sqlite3_step(handle)
        }
        guard rc == SQLITE_DONE else {
            throw LedgerError.storage("reading entries from \(from): \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
        }
        return rows
    }

    /// The stored bytes of the entry at `index`, unparsed, read on a connection the caller holds.
    package static func rawEntry(_ db: Database, at index: Int) throws -> [UInt8]? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT bytes FROM entries WHERE idx = ?"), arguments: [index]).map {
            [UInt8](Data.fromDatabaseValue($0[0]) ?? Data())
        }
    }

    /// The number of entries, read on a connection the caller already holds.
    package static func size(in db: Database) throws -> Int { try size(db) }

    /// The index of the entry whose event has `id` (through the `entries_by_id` index), read on a
    /// connection the caller already holds.
    package static func index(_ db: Database, eventID id: String) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT idx FROM entries WHERE id = ?", arguments: [id])
    }

    /// The entry at `index`, or nil.
    public func entry(at index: Int) throws(LedgerError) -> StoredEntry? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT idx, bytes, leaf_hash FROM entries WHERE idx = ?", arguments: [index])
                .map(Self.storedEntry)
        }
    }

    /// The entry whose event has `id`, or nil.
    public func entry(id: String) throws(LedgerError) -> StoredEntry? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT idx, bytes, leaf_hash FROM entries WHERE id = ?", arguments: [id])
                .map(Self.storedEntry)
        }
    }

    static func storedEntry(_ row: Row) throws -> StoredEntry {
        let index: Int = row["idx"]
        let bytes = [UInt8](Data.fromDatabaseValue(row["bytes"]) ?? Data())
        do {
            return StoredEntry(
                index: index, entry: try Entry(bytes: bytes),
                leafHash: [UInt8](Data.fromDatabaseValue(row["leaf_hash"]) ?? Data()))
        } catch {
            throw LedgerError.corrupt("entry \(index) does not parse: \(error)")
        }
    }

    /// Every entry in log order, parsed on all cores, handed to `body` in chunks. Entries whose
    /// bytes do not parse are skipped (`verify` reports them).
    public func forEachEntryChunk(_ body: ([(index: Int, entry: Entry)]) throws -> Void) throws(LedgerError) {
        try forEachRawChunk(chunkSize: 16_384) { rows in
            let parsed = Parallel.map(rows.map { ($0.index, $0.bytes) }, workers: Parallel.cores) { row -> (Int, Entry?) in
                (row.0, try? Entry(bytes: row.1))
            }
            try body(parsed.compactMap { item in item.1.map { (item.0, $0) } })
        }
    }

    /// The raw bytes of entries `range`, in order, for streaming (export, verify).
    /// Calls `body` with chunks of (index, bytes, stored leaf hash, stored nodes).
    func forEachRawChunk(
        upTo size: Int? = nil, chunkSize: Int = 8192,
        _ body: ([(index: Int, bytes: [UInt8], leafHash: [UInt8], nodes: [UInt8])]) throws -> Void
    ) throws(LedgerError) {
        do {
            try db.read { db in
                var from = 0
                let end = try size ?? Self.size(db)
                let stmt = try db.cachedStatement(
                    sql: "SELECT idx, bytes, leaf_hash, nodes FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx")
                let handle = stmt.sqliteStatement
                func blob(_ column: Int32) -> [UInt8] {
                    let n = Int(sqlite3_column_bytes(handle, column))
                    guard n > 0, let p = sqlite3_column_blob(handle, column) else { return [] }
                    return [UInt8](UnsafeRawBufferPointer(start: p, count: n))
                }
                while from < end {
                    sqlite3_reset(handle)
                    sqlite3_bind_int64(handle, 1, Int64(from))
                    sqlite3_bind_int64(handle, 2, Int64(min(end, from + chunkSize)))
                    var rows: [(index: Int, bytes: [UInt8], leafHash: [UInt8], nodes: [UInt8])] = []
                    rows.reserveCapacity(chunkSize)
                    var rc = sqlite3_step(handle)
                    while rc == SQLITE_ROW {
                        rows.append((Int(sqlite3_column_int64(handle, 0)), blob(1), blob(2), blob(3)))
                        rc = sqlite3_step(handle)
                    }
                    sqlite3_reset(handle)
                    guard rc == SQLITE_DONE else {
                        throw LedgerError.storage("reading entries from \(from): \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
                    }
                    if rows.isEmpty && from >= end { break }
                    try body(rows)
                    from += chunkSize
                }
            }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }
}
