import LedgerCore
import Foundation
import GRDB

/// Reads perfect-subtree hashes from the `entries` table inside one database access.
struct DatabaseNodeSource: MerkleNodeSource {
    let db: Database

    func hash(level: Int, index: UInt64) throws -> [UInt8] {
        if level == 0 {
            let stmt = try db.cachedStatement(sql: "SELECT leaf_hash FROM entries WHERE idx = ?")
            guard let data = try Data.fetchOne(stmt, arguments: [Int64(index)]) else {
                throw MerkleError.missingNode(level: level, index: index)
            }
            return [UInt8](data)
        }
        let row = ((index + 1) << UInt64(level)) - 1
        let stmt = try db.cachedStatement(sql: "SELECT nodes FROM entries WHERE idx = ?")
        guard let data = try Data.fetchOne(stmt, arguments: [Int64(row)]),
            data.count >= level * 32
        else {
            throw MerkleError.missingNode(level: level, index: index)
        }
        let start = data.startIndex + (level - 1) * 32
        return [UInt8](data[start..<(start + 32)])
    }
}

extension Ledger {
    /// The Merkle root of the first `size` entries, from stored nodes (O(log n) reads).
    public func root(size: Int) throws(LedgerError) -> [UInt8] {
        try read { db in
            let current = try Self.size(db)
            guard size >= 0, size <= current else {
                throw LedgerError.badProofRequest("size \(size) is outside the log (it has \(current) entries)")
            }
            return try MerkleTreeReader(source: DatabaseNodeSource(db: db)).root(size: UInt64(size))
        }
    }

    /// The RFC 6962 inclusion path of entry `index` in the tree of `size` entries.
    public func inclusionProof(index: Int, size: Int) throws(LedgerError) -> [[UInt8]] {
        try read { db in
            let current = try Self.size(db)
            guard size >= 1, size <= current else {
                throw LedgerError.badProofRequest("tree size \(size) is outside the log (it has \(current) entries)")
            }
            guard index >= 0, index < size else {
                throw LedgerError.badProofRequest("index \(index) is not in a tree of \(size) entries")
            }
            return try MerkleTreeReader(source: DatabaseNodeSource(db: db))
                .inclusionProof(index: UInt64(index), size: UInt64(size))
        }
    }

    /// The RFC 6962 consistency path from `oldSize` to `newSize`.
    public func consistencyProof(oldSize: Int, newSize: Int) throws(LedgerError) -> [[UInt8]] {
        try read { db in
            let current = try Self.size(db)
            guard oldSize >= 0, oldSize <= newSize, newSize <= current else {
                throw LedgerError.badProofRequest(
                    "need 0 <= OLD <= NEW <= \(current) (the log's size), got OLD=\(oldSize) NEW=\(newSize)")
            }
            return try MerkleTreeReader(source: DatabaseNodeSource(db: db))
                .consistencyProof(oldSize: UInt64(oldSize), newSize: UInt64(newSize))
        }
    }
}
