public import LedgerCore
import Foundation
import GRDB

/// What an append returns: where the event is in the log.
public struct AppendResult: Sendable, Codable, Equatable {
    /// 0-based index of the entry.
    public var index: Int
    /// The event id.
    public var id: String
    /// base64 of the RFC 6962 leaf hash.
    public var leafHash: String
    /// True when the event was already in the log (an idempotent retry); nothing was appended.
    public var duplicate: Bool
}

/// Carries one chunk's built entries from the thread that built them.
private final class BuildBox: @unchecked Sendable {
    var value: [Batch.Built?]?
}

extension Ledger {
    /// Completes `draft` (fills `v`, `id`, `occurredAt`, `streamVersion`, `signer` when left out),
    /// signs it with `signer` and appends it durably, in one transaction.
    public func append(draft: JSONValue, signer: Ed25519SigningKey) throws(LedgerError) -> AppendResult {
        let results = try append(drafts: [draft], signer: signer)
        guard let result = results.first else { throw .storage("append returned no result") }
        return result
    }

    /// Appends many drafts signed by one key in a single transaction: all or nothing.
    ///
    /// Completing and checking each draft, serialising and signing run on every core; only the
    /// order-dependent steps (stream versions, ids, keys, the tree and the insert) run in order.
    /// - Parameter progress: called with the number of events prepared so far.
    public func append(
        drafts: [JSONValue], signer: Ed25519SigningKey, progress: ((Int) -> Void)? = nil
    ) throws(LedgerError) -> [AppendResult] {
        try append(drafts.map { ($0, signer) }, progress: progress)
    }

    /// Appends drafts each signed by its own key, in a single transaction: all or nothing.
    ///
    /// Completing and checking each draft, serialising and signing run on every core; only the
    /// order-dependent steps (stream versions, ids, keys, policy, the tree and the insert) run in order.
    /// - Parameter progress: called with the number of events prepared so far.
    public func append(
        _ items: [(draft: JSONValue, signer: Ed25519SigningKey)], progress: ((Int) -> Void)? = nil
    ) throws(LedgerError) -> [AppendResult] {
        try requireWritable()
        let count = items.count
        let now = Timestamp.now()
        // Parallel, outside the transaction: fill in the envelope and check the format.
        let ids = Identifier.newUUIDs(count)
        let work = (0..<count).map { (items[$0].draft, items[$0].signer.keyID, ids[$0]) }
        let policy = self.policy
        let completed = Parallel.map(work, workers: Parallel.cores) { item in
            Batch.complete(draft: item.0, signerKeyID: item.1, now: now, newID: item.2, policy: policy)
        }
        for (n, item) in completed.enumerated() {
            if case .failure(let error) = item { throw count > 1 ? .inBatch(position: n, error) : error }
        }
        progress?(count / 3)
        return try write { _, batch in
            // In order: ids, stream versions, signer, key and policy rules.
            var prepared: [(Batch.Prepared, Ed25519SigningKey)] = []
            prepared.reserveCapacity(count)
            for (n, item) in completed.enumerated() {
                guard case .success(let draft) = item else { continue }
                do {
                    prepared.append((try batch.sequence(draft), items[n].signer))
                } catch let error as LedgerError where count > 1 {
                    throw LedgerError.inBatch(position: n, error)
                }
            }
            progress?(count * 2 / 3)
            // Parallel: canonical bytes, signature, entry bytes and leaf hash, one chunk ahead of
            // the in-order insert of the previous chunk.
            let recordedAt = batch.recordedAt
            let chunk = 4096
            let chunks = stride(from: 0, to: prepared.count, by: chunk).map { Array(prepared[$0..<min(prepared.count, $0 + chunk)]) }
            @Sendable func build(_ items: [(Batch.Prepared, Ed25519SigningKey)]) -> [Batch.Built?] {
                Parallel.map(items, workers: Parallel.cores) { item -> Batch.Built? in
                    item.0.duplicate == nil ? Batch.build(item.0, recordedAt: recordedAt, sign: item.1.signature(for:)) : nil
                }
            }
            var results: [AppendResult] = []
            results.reserveCapacity(prepared.count)
            var next = chunks.first.map(build)
            for (k, items) in chunks.enumerated() {
                guard let built = next else { break }
                let ahead = k + 1 < chunks.count ? chunks[k + 1] : nil
                let box = BuildBox()
                let group = DispatchGroup()
                if let ahead {
                    DispatchQueue.global().async(group: group) { box.value = build(ahead) }
                }
                results += try batch.commit(items.map(\.0), built: built)
                group.wait()
                next = ahead == nil ? nil : box.value
            }
            progress?(count)
            return results
        }
    }

    /// Appends events their authors signed elsewhere; each signature is checked first.
    public func append(signed events: [(event: Event, signature: [UInt8])]) throws(LedgerError) -> [AppendResult] {
        try write { _, batch in
            var prepared: [Batch.Prepared] = []
            for (n, item) in events.enumerated() {
                do {
                    prepared.append(try batch.prepare(event: item.event, position: n))
                } catch let error as LedgerError where events.count > 1 {
                    throw LedgerError.inBatch(position: n, error)
                }
            }
            let checks: [(message: [UInt8]?, signature: [UInt8], key: Ed25519PublicKey?)] = zip(prepared, events).map { p, e in
                guard p.duplicate == nil, let bytes = try? p.event.canonicalBytes() else { return (nil, e.signature, nil) }
                return (Event.signingContext + bytes, e.signature, batch.registry.keys[p.event.signer]?.publicKey)
            }
            let ok = Parallel.map(checks, workers: Parallel.cores) { item -> Bool in
                guard let message = item.message else { return true }
                guard let key = item.key else { return false }
                return key.isValidSignature(item.signature, for: message)
            }
            for (i, good) in ok.enumerated() where !good {
                throw LedgerError.badSignature(id: prepared[i].event.id)
            }
            let recordedAt = batch.recordedAt
            let built = zip(prepared, events).map { p, e -> Batch.Built? in
                p.duplicate == nil ? Batch.build(p, recordedAt: recordedAt, sign: { _ in e.signature }) : nil
            }
            return try batch.commit(prepared, built: built)
        }
    }

    /// Refuses every write to a ledger opened read-only, before any work.
    func requireWritable() throws(LedgerError) {
        guard !isReadOnly else {
            throw .refused("the ledger \(path) is open read-only (the file, its folder or its file system cannot be written): nothing was appended")
        }
    }

    /// Runs `body` in an immediate write transaction with a fresh ``Batch``; caches are
    /// updated only after a successful commit.
    func write<T>(_ body: (Database, Batch) throws -> T) throws(LedgerError) -> T {
        try requireWritable()
        do {
            var committed: Batch?
            let result = try SQLiteEngine(queue: db).transaction { db in
                let batch = try Batch(storage: SQLiteLog(db), ledger: self)
                let value = try body(db, batch)
                committed = batch
                return value
            }
            if let batch = committed {
                frontierCache = batch.frontier
                registryCache = (Int(batch.frontier.size), batch.registry)
            }
            return result
        } catch let error as LedgerError {
            frontierCache = nil
            registryCache = nil
            throw error
        } catch {
            frontierCache = nil
            registryCache = nil
            throw .storage("\(error)")
        }
    }
}
