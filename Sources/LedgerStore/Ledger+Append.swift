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

extension Ledger {
    /// Completes `draft` (fills `v`, `id`, `occurredAt`, `streamVersion`, `signer` when left out),
    /// signs it with `signer` and appends it durably, in one transaction.
    public func append(draft: JSONValue, signer: Ed25519SigningKey) throws(LedgerError) -> AppendResult {
        let results = try append(drafts: [draft], signer: signer)
        guard let result = results.first else { throw .storage("append returned no result") }
        return result
    }

    /// Appends many drafts signed by one key in a single transaction: all or nothing.
    /// Signing runs on every core.
    /// - Parameter progress: called after each chunk with the number of events prepared.
    public func append(
        drafts: [JSONValue], signer: Ed25519SigningKey, progress: ((Int) -> Void)? = nil
    ) throws(LedgerError) -> [AppendResult] {
        try write { db, batch in
            var prepared: [Batch.Prepared] = []
            prepared.reserveCapacity(drafts.count)
            for (n, draft) in drafts.enumerated() {
                do {
                    prepared.append(try batch.prepare(draft: draft, signerKeyID: signer.keyID, position: n))
                } catch let error as LedgerError where drafts.count > 1 {
                    throw LedgerError.inBatch(position: n, error)
                }
                if n % 10_000 == 9_999 { progress?(n + 1) }
            }
            let messages = prepared.map(\.message)
            let signatures = Parallel.map(messages, workers: Parallel.cores) { message -> [UInt8] in
                guard let message else { return [] }
                return signer.signature(for: message)
            }
            progress?(drafts.count)
            return try batch.commit(prepared, signatures: signatures, db: db)
        }
    }

    /// Appends events their authors signed elsewhere; each signature is checked first.
    public func append(signed events: [(event: Event, signature: [UInt8])]) throws(LedgerError) -> [AppendResult] {
        try write { db, batch in
            var prepared: [Batch.Prepared] = []
            for (n, item) in events.enumerated() {
                do {
                    prepared.append(try batch.prepare(event: item.event, position: n))
                } catch let error as LedgerError where events.count > 1 {
                    throw LedgerError.inBatch(position: n, error)
                }
            }
            let keys = prepared.map { p in p.message.map { _ in batch.registry.keys[p.event.signer]?.publicKey } ?? nil }
            let checks = Array(zip(prepared.map(\.message), zip(events.map(\.signature), keys)))
            let ok = Parallel.map(checks, workers: Parallel.cores) { item -> Bool in
                guard let message = item.0 else { return true }
                guard let key = item.1.1 else { return false }
                return key.isValidSignature(item.1.0, for: message)
            }
            for (i, good) in ok.enumerated() where !good {
                throw LedgerError.badSignature(id: prepared[i].event.id)
            }
            return try batch.commit(prepared, signatures: events.map(\.signature), db: db)
        }
    }

    /// Runs `body` in an immediate write transaction with a fresh ``Batch``; caches are
    /// updated only after a successful commit.
    func write<T>(_ body: (Database, Batch) throws -> T) throws(LedgerError) -> T {
        do {
            var committed: Batch?
            let result = try db.writeWithoutTransaction { db in
                var value: T?
                try db.inTransaction(.immediate) {
                    let batch = try Batch(db: db, ledger: self)
                    value = try body(db, batch)
                    committed = batch
                    return .commit
                }
                guard let value else { throw LedgerError.storage("the write transaction returned nothing") }
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
