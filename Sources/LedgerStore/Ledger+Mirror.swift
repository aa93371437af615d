import Foundation
import GRDB
public import LedgerCore

extension Ledger {
    /// Creates an empty ledger that will hold a copy of another log (`coledger mirror`): its
    /// origin and log key come from the pinned `logKey`, and its entries, genesis included, only
    /// from ``appendCopied(_:)``.
    /// - Throws: ``LedgerError/alreadyExists(path:)``, ``LedgerError/storage(_:)``.
    public static func createMirror(path: String, logKey: NoteVerifierKey, policy: (any AdmissionPolicy)?)
        throws(LedgerError)
        -> Ledger
    {
        guard !FileManager.default.fileExists(atPath: path) else { throw .alreadyExists(path: path) }
        guard isValidOrigin(logKey.name) else {
            throw .refused("the log key's name \"\(logKey.name)\" is not a valid origin")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
            try LedgerSchema.migrator.migrate(queue)
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO meta(key, value) VALUES ('origin', ?), ('logKey', ?), ('format', 'coledger/v1')",
                    arguments: [logKey.name, logKey.description])
                if let policy {
                    try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('policy', ?)", arguments: [policy.name])
                }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw .storage("cannot create \(path): \(error)")
        }
        return try Ledger(path: path, db: queue, policies: policy.map { [$0] } ?? [])
    }

    /// Appends entries copied byte for byte from another log, in its order, all or nothing.
    ///
    /// Each entry is checked exactly as the source had to check it when it was appended: canonical
    /// bytes, a valid event, its stream version, its signer's key as of its position (key events
    /// applied in order), its signature, and the admission policy. The stored bytes are the given
    /// bytes, so the copy's tree equals the source's.
    /// - Returns: the new size.
    /// - Throws: ``LedgerError/refused(_:)`` naming the log index of the first entry that fails.
    @discardableResult
    public func appendCopied(_ entries: [[UInt8]]) throws(LedgerError) -> Int {
        try write { db, batch in
            let first = try Self.size(db)
            let parsed = Parallel.map(entries, workers: Parallel.cores) { bytes -> Result<Entry, FormatError> in
                Result { () throws(FormatError) -> Entry in try Entry(bytes: bytes) }
            }
            var copied: [Entry] = []
            copied.reserveCapacity(entries.count)
            for (n, result) in parsed.enumerated() {
                switch result {
                case .success(let entry): copied.append(entry)
                case .failure(let error): throw LedgerError.refused("entry \(first + n) of the copied log: \(error)")
                }
            }
            var prepared: [Batch.Prepared] = []
            prepared.reserveCapacity(copied.count)
            for (n, entry) in copied.enumerated() {
                let p: Batch.Prepared
                do {
                    p = try batch.prepare(event: entry.event, position: n)
                } catch {
                    throw LedgerError.refused("entry \(first + n) of the copied log: \(error)")
                }
                if let duplicate = p.duplicate {
                    throw LedgerError.refused(
                        "entry \(first + n) of the copied log repeats event \(entry.event.id), already entry \(duplicate.index)"
                    )
                }
                prepared.append(p)
            }
            let checks = zip(prepared, copied).map {
                p, e -> (message: [UInt8]?, signature: [UInt8], key: Ed25519PublicKey?) in
                guard let bytes = try? p.event.canonicalBytes() else { return (nil, e.signature, nil) }
                return (Event.signingContext + bytes, e.signature, batch.registry.keys[p.event.signer]?.publicKey)
            }
            let good = Parallel.map(checks, workers: Parallel.cores) { item -> Bool in
                guard let message = item.message, let key = item.key else { return false }
                return key.isValidSignature(item.signature, for: message)
            }
            if let bad = good.firstIndex(of: false) {
                throw LedgerError.refused(
                    "entry \(first + bad) of the copied log: \(LedgerError.badSignature(id: copied[bad].event.id))")
            }
            let built = Parallel.map(copied, workers: Parallel.cores) { e -> Batch.Built? in
                Batch.Built(bytes: e.bytes, leafHash: RFC6962.leafHash(e.bytes))
            }
            _ = try batch.commit(prepared, built: built, db: db)
            return first + copied.count
        }
    }

    /// Keeps a checkpoint of the copied log: its note as published (log signature and any
    /// cosignatures), after checking it is signed by this ledger's log key, names its origin, and
    /// commits to exactly the entries held at its size. A checkpoint already kept at that size
    /// is left as it is.
    /// - Throws: ``LedgerError/refused(_:)`` when any of those checks fails.
    @discardableResult
    public func keepCheckpoint(note text: String) throws(LedgerError) -> StoredCheckpoint {
        let checkpoint: Checkpoint
        do {
            let note = try SignedNote(parsing: text)
            guard !(try note.verify(trusting: [logKey])).isEmpty else {
                throw LedgerError.refused("the checkpoint is not signed by the log key \(logKey)")
            }
            checkpoint = try note.checkpoint()
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .refused("not a checkpoint note: \(error)")
        }
        guard checkpoint.origin == origin else {
            throw .refused("the checkpoint is for \(checkpoint.origin), not \(origin)")
        }
        return try write { db, _ in
            let size = try Self.size(db)
            guard checkpoint.size <= UInt64(size) else {
                throw LedgerError.refused(
                    "the checkpoint is at size \(checkpoint.size) but only \(size) entries are held")
            }
            let root = try MerkleTreeReader(source: DatabaseNodeSource(db: db)).root(size: checkpoint.size)
            guard root == checkpoint.rootHash else {
                throw LedgerError.refused(
                    "the checkpoint at size \(checkpoint.size) does not commit to the entries held")
            }
            if let kept = try Row.fetchOne(
                db, sql: "SELECT size, root, note, signed_at FROM checkpoints WHERE size = ?",
                arguments: [Int(checkpoint.size)])
            {
                return Self.checkpoint(kept)
            }
            let stored = StoredCheckpoint(size: Int(checkpoint.size), root: root, note: text, signedAt: Timestamp.now())
            try db.execute(
                sql: "INSERT INTO checkpoints(size, root, note, signed_at) VALUES (?, ?, ?, ?)",
                arguments: [stored.size, Data(stored.root), stored.note, stored.signedAt])
            return stored
        }
    }
}
