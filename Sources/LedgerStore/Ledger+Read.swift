public import LedgerCore
import Foundation
import GRDB

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
                while from < end {
                    let rows = try Row.fetchAll(
                        db, sql: "SELECT idx, bytes, leaf_hash, nodes FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx",
                        arguments: [from, min(end, from + chunkSize)])
                    if rows.isEmpty { break }
                    try body(rows.map { row in
                        (row["idx"], [UInt8](Data.fromDatabaseValue(row["bytes"]) ?? Data()),
                         [UInt8](Data.fromDatabaseValue(row["leaf_hash"]) ?? Data()),
                         [UInt8](Data.fromDatabaseValue(row["nodes"]) ?? Data()))
                    })
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
