import LedgerCore
import Foundation
import GRDB

extension Ledger {
    /// The Merkle root of the first `size` entries, from stored nodes (O(log n) reads).
    public func root(size: Int) throws(LedgerError) -> [UInt8] {
        try read { db in
            let current = try Self.size(db)
            guard size >= 0, size <= current else {
                throw LedgerError.badProofRequest("size \(size) is outside the log (it has \(current) entries)")
            }
            return try MerkleTreeReader(source: StorageNodeSource(storage: SQLiteLog(db))).root(size: UInt64(size))
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
            return try MerkleTreeReader(source: StorageNodeSource(storage: SQLiteLog(db)))
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
            return try MerkleTreeReader(source: StorageNodeSource(storage: SQLiteLog(db)))
                .consistencyProof(oldSize: UInt64(oldSize), newSize: UInt64(newSize))
        }
    }
}
