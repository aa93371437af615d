public import LedgerCore
import Foundation
import GRDB

/// A checkpoint the log signed, as stored.
public struct StoredCheckpoint: Sendable, Equatable {
    /// Tree size.
    public var size: Int
    /// Root hash at that size.
    public var root: [UInt8]
    /// The signed note text (checkpoint body, blank line, signature lines).
    public var note: String
    /// When it was signed.
    public var signedAt: String
}

extension Ledger {
    /// The newest signed checkpoint, if any.
    public func latestCheckpoint() throws(LedgerError) -> StoredCheckpoint? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT size, root, note, signed_at FROM checkpoints ORDER BY size DESC LIMIT 1")
                .map(Self.checkpoint)
        }
    }

    /// The checkpoint signed at exactly `size`, if any.
    public func checkpoint(size: Int) throws(LedgerError) -> StoredCheckpoint? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT size, root, note, signed_at FROM checkpoints WHERE size = ?", arguments: [size])
                .map(Self.checkpoint)
        }
    }

    /// Every signed checkpoint, oldest first.
    public func checkpoints() throws(LedgerError) -> [StoredCheckpoint] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT size, root, note, signed_at FROM checkpoints ORDER BY size").map(Self.checkpoint)
        }
    }

    static func checkpoint(_ row: Row) -> StoredCheckpoint {
        StoredCheckpoint(
            size: row["size"], root: [UInt8](Data.fromDatabaseValue(row["root"]) ?? Data()),
            note: row["note"], signedAt: row["signed_at"])
    }

    /// Signs a checkpoint for the current tree if it grew since the last one, and returns the
    /// newest checkpoint (new or not) and whether it is new.
    ///
    /// Refuses when `key` is not the log key named in the genesis entry, or when the current tree
    /// is not a consistent extension of the last checkpoint signed (which means the stored tree
    /// was altered: the log never signs a fork).
    public func signCheckpoint(with key: Ed25519SigningKey) throws(LedgerError) -> (checkpoint: StoredCheckpoint, isNew: Bool) {
        guard key.publicKey == logKey.publicKey else {
            throw .refused("this key (\(key.keyID)) is not the log key of \(origin); use the log key file written by `coledger init` (keys/log.key)")
        }
        return try write { db, _ in
            let size = try Self.size(db)
            let last = try Row.fetchOne(db, sql: "SELECT size, root, note, signed_at FROM checkpoints ORDER BY size DESC LIMIT 1")
                .map(Self.checkpoint)
            if let last, last.size == size { return (last, false) }
            let reader = MerkleTreeReader(source: StorageNodeSource(storage: SQLiteLog(db)))
            let root = try reader.root(size: UInt64(size))
            if let last {
                guard last.size < size else {
                    throw LedgerError.corrupt("the log has \(size) entries but a checkpoint was signed at \(last.size)")
                }
                let proof = try reader.consistencyProof(oldSize: UInt64(last.size), newSize: UInt64(size))
                do {
                    try RFC6962.verifyConsistency(
                        oldSize: UInt64(last.size), newSize: UInt64(size), oldRoot: last.root, newRoot: root, proof: proof)
                } catch {
                    throw LedgerError.refused(
                        "refusing to sign: the tree at size \(size) is not a consistent extension of the checkpoint at size \(last.size) (\(error)); run `coledger verify`")
                }
            }
            let body = Checkpoint(origin: origin, size: UInt64(size), rootHash: root).body
            let note = SignedNote(text: body, signatures: [SignedNote.sign(text: body, name: origin, key: key)])
            let stored = StoredCheckpoint(size: size, root: root, note: note.serialized, signedAt: Timestamp.now())
            try db.execute(
                sql: "INSERT INTO checkpoints(size, root, note, signed_at) VALUES (?, ?, ?, ?)",
                arguments: [stored.size, Data(stored.root), stored.note, stored.signedAt])
            return (stored, true)
        }
    }
}
