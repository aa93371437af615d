import Dispatch
import Foundation
import GRDB
import GRDBSQLite
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

    /// Starts copying entries, byte for byte and in order, from another log onto the end of this
    /// one; see ``LedgerCopy``.
    /// - Throws: ``LedgerError/readOnly(path:)`` and the like when the file cannot be written,
    ///   ``LedgerError/storage(_:)`` when what it holds cannot be read.
    public func copier() throws(LedgerError) -> LedgerCopy {
        try requireWritable()
        return try LedgerCopy(ledger: self)
    }

    /// What this ledger holds, for a verifier that continues after it (nil when it is empty).
    func continuation() throws(LedgerError) -> LogVerifier.Continuation? {
        let queue = db
        let held: (size: Int, frontier: MerkleFrontier, registry: KeyRegistry)? = try read { db in
            let storage = SQLiteLog(db)
            let size = try storage.size()
            guard size > 0 else { return nil }
            return (
                size, try MerkleFrontier(size: UInt64(size), source: StorageNodeSource(storage: storage)),
                try storage.registry(origin: origin, logKey: logKey.description)
            )
        }
        guard let held else { return nil }
        return LogVerifier.Continuation(
            size: held.size, frontier: held.frontier, registry: held.registry, facts: StoredFacts(queue: queue),
            streamVersion: { stream in
                (try? queue.read { db in try SQLiteLog(db).latestStreamVersion(stream) }) ?? 0
            },
            hasEvent: { id in
                (try? queue.read { db in try SQLiteLog(db).hasEvent(id: id) }) ?? false
            })
    }

    /// Stores a chunk the copy's verifier passed: the entries' rows (bytes, leaf hashes, tree
    /// nodes), their key events and the policy's fact updates, in one transaction.
    func insertVerified(_ chunk: LogVerifier.CheckedChunk) throws(LedgerError) {
        do {
            try SQLiteEngine(queue: db).write { storage in
                let size = try storage.size()
                guard size == chunk.base else {
                    throw LedgerError.refused(
                        "the copy now holds \(size) entries, not \(chunk.base): another program wrote to it")
                }
                for (i, entry) in chunk.entries.enumerated() {
                    guard let entry else { throw LedgerError.refused("entry \(chunk.base + i) did not parse") }
                    try storage.insertEntry(
                        EntryRow(
                            event: entry.event, index: chunk.base + i, bytes: entry.bytes,
                            leafHash: chunk.leafHashes[i], nodes: chunk.nodes[i]))
                    try storage.recordKeyEvent(entry.event, at: chunk.base + i, registry: chunk.registry)
                }
                try storage.storeFactUpdates(chunk.factUpdates)
            }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }

    /// Forgets the caches of the tree's edge and the keys (another thread appended).
    func dropCaches() {
        frontierCache = nil
        registryCache = nil
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
            let root = try MerkleTreeReader(source: StorageNodeSource(storage: SQLiteLog(db))).root(size: checkpoint.size)
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

/// The policy's facts as a ledger file stores them, read through its queue (any thread).
struct StoredFacts: FactReader {
    let queue: DatabaseQueue

    func fact(_ key: String) -> String? {
        try? queue.read { db in StorageFacts(storage: SQLiteLog(db)).fact(key) }
    }
}

/// Entries copied from another log onto the end of a ledger (`coledger mirror`), each checked
/// exactly as `verify` checks a log: the same ``LogVerifier`` pipeline (parsing, canonical bytes,
/// signatures and leaf hashes on every core; ids, stream versions, the signer's key at that
/// position, key events and the admission policy in log order), continuing from what the ledger
/// already holds. A chunk is stored (one transaction) only once all of it has passed, while the
/// next chunks are being checked; the first failure stops the copy, and what was stored before it
/// stays (a later run resumes from there). The stored bytes are the given bytes, so the copy's
/// tree equals the source's.
public final class LedgerCopy: @unchecked Sendable {
    private let ledger: Ledger
    private let verifier: LogVerifier
    private let inserts = DispatchQueue(label: "coledger.copy.insert")
    /// Bounds the chunks checked but not yet stored.
    private let pending = DispatchSemaphore(value: 2)
    private let lock = NSLock()
    private var error: LedgerError?
    private var stored: Int

    init(ledger: Ledger) throws(LedgerError) {
        self.ledger = ledger
        let continuation = try ledger.continuation()
        stored = continuation?.size ?? 0
        verifier = LogVerifier(continuing: continuation)
        verifier.policy = ledger.policy
        verifier.onChunk = { [unowned self] chunk in self.checked(chunk) }
    }

    /// Whether the copy has stopped at a failure (further entries are ignored).
    public var failed: Bool { lock.withLock { error != nil } }

    /// Checks and stores the next entries (their exact bytes), overlapping with the caller's
    /// reading of the ones after.
    public func add(_ entries: [[UInt8]]) {
        guard !entries.isEmpty, !failed else { return }
        verifier.consume(entries)
    }

    /// Waits for every entry added to be checked and stored.
    /// - Returns: the ledger's size.
    /// - Throws: ``LedgerError/refused(_:)`` naming the log index of the first entry that failed
    ///   (its check and why); ``LedgerError/storage(_:)`` when the file cannot be written.
    @discardableResult
    public func finish() throws(LedgerError) -> Int {
        verifier.finish()
        inserts.sync {}
        ledger.dropCaches()
        if let error = lock.withLock({ error }) { throw error }
        return lock.withLock { stored }
    }

    /// Runs on the verifier's in-order queue, once per chunk, in order.
    private func checked(_ chunk: LogVerifier.CheckedChunk) {
        guard !failed else { return }
        if chunk.failed {
            let first = VerificationFailure.sorted(chunk.failures).first
            fail(
                .refused(
                    first.map {
                        "entry \($0.index.map(String.init) ?? "?") of the copied log: \($0.check): \($0.detail)"
                    }
                        ?? "an entry of the copied log from \(chunk.base) on failed its checks"))
            return
        }
        if chunk.base == 0, chunk.registry.logKey != ledger.logKey.description || chunk.registry.origin != ledger.origin
        {
            fail(
                .refused("entry 0 of the copied log: its genesis names another origin or log key than \(ledger.logKey)")
            )
            return
        }
        pending.wait()
        inserts.async {
            defer { self.pending.signal() }
            guard !self.failed else { return }
            do {
                try self.ledger.insertVerified(chunk)
                self.lock.withLock { self.stored = chunk.base + chunk.entries.count }
            } catch {
                self.fail(error as? LedgerError ?? .storage("\(error)"))
            }
        }
    }

    private func fail(_ error: LedgerError) {
        lock.withLock { if self.error == nil { self.error = error } }
    }
}
