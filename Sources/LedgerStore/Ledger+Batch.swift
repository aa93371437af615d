import LedgerCore
import Foundation
import GRDB

/// The state of one append transaction: the next index, the tree's right edge, the keys and
/// the stream versions, including what earlier events of the same batch changed.
final class Batch {
    struct Prepared {
        var event: Event
        /// The bytes to sign; nil for a duplicate (nothing to append).
        var message: [UInt8]?
        var eventBytes: [UInt8]
        var duplicate: AppendResult?
        var index: Int
    }

    private(set) var frontier: MerkleFrontier
    private(set) var registry: KeyRegistry
    private var nextIndex: Int
    private var streamVersions: [String: Int] = [:]
    private var batchIDs: [String: Prepared] = [:]
    private let db: Database
    let recordedAt: String

    init(db: Database, ledger: Ledger) throws {
        self.db = db
        let size = try Ledger.size(db)
        nextIndex = size
        if let cached = ledger.frontierCache, cached.size == UInt64(size) {
            frontier = cached
        } else {
            frontier = try MerkleFrontier(size: UInt64(size), source: DatabaseNodeSource(db: db))
        }
        if let cached = ledger.registryCache, cached.size == size {
            registry = cached.registry
        } else {
            registry = try Self.loadRegistry(db, ledger: ledger)
        }
        recordedAt = Timestamp.now()
    }

    static func loadRegistry(_ db: Database, ledger: Ledger) throws -> KeyRegistry {
        var keys: [KeyRegistry.Key] = []
        for row in try Row.fetchAll(db, sql: "SELECT key_id, public_key, registered_at, revoked_at, is_admin, holder FROM keys") {
            let raw = [UInt8]((Data.fromDatabaseValue(row["public_key"]) ?? Data()))
            keys.append(KeyRegistry.Key(
                keyID: row["key_id"], publicKey: Ed25519PublicKey(uncheckedRawRepresentation: raw),
                registeredAt: row["registered_at"], revokedAt: row["revoked_at"],
                isAdmin: row["is_admin"], holder: row["holder"]))
        }
        return KeyRegistry(origin: ledger.origin, logKey: ledger.logKey.description, keys: keys)
    }

    // MARK: - Preparing

    func prepare(draft: JSONValue, signerKeyID: String, position: Int) throws -> Prepared {
        guard var o = draft.objectValue else {
            throw LedgerError.invalidEvent(id: nil, FormatError("", "an event must be a JSON object"))
        }
        let givenID = o["id"]?.stringValue
        if let id = givenID, let existing = try existingEvent(id: id) {
            // An idempotent retry: every member the author gave must match the logged event.
            let stored = existing.event.json.objectValue ?? [:]
            for (name, value) in o where stored[name] != value {
                throw LedgerError.idConflict(id: id, index: existing.index)
            }
            return existing.asDuplicate
        }
        if o["v"] == nil { o["v"] = 1 }
        if o["id"] == nil { o["id"] = .string(UUID().uuidString.lowercased()) }
        if o["occurredAt"] == nil { o["occurredAt"] = .string(recordedAt) }
        if let given = o["signer"] {
            guard given.stringValue == signerKeyID else {
                throw LedgerError.invalidEvent(
                    id: givenID, FormatError("/signer", "names \(given) but the event is signed with key \(signerKeyID)"))
            }
        } else {
            o["signer"] = .string(signerKeyID)
        }
        if let stream = o["stream"]?.stringValue {
            let next = try currentVersion(stream: stream) + 1
            if let given = o["streamVersion"] {
                guard given.intValue == next else {
                    throw LedgerError.streamVersionConflict(stream: stream, expected: next, got: given.intValue ?? -1)
                }
            } else {
                o["streamVersion"] = .number(Double(next))
            }
        }
        let event: Event
        do {
            event = try Event(json: .object(o))
        } catch {
            throw LedgerError.invalidEvent(id: givenID, error)
        }
        return try admit(event)
    }

    func prepare(event: Event, position: Int) throws -> Prepared {
        do {
            try event.validate()
        } catch {
            throw LedgerError.invalidEvent(id: event.id, error)
        }
        if let existing = try existingEvent(id: event.id) {
            guard existing.eventBytes == (try event.canonicalBytes()) else {
                throw LedgerError.idConflict(id: event.id, index: existing.index)
            }
            return existing.asDuplicate
        }
        let next = try currentVersion(stream: event.stream) + 1
        guard event.streamVersion == next else {
            throw LedgerError.streamVersionConflict(stream: event.stream, expected: next, got: event.streamVersion)
        }
        return try admit(event)
    }

    /// Checks the signer and key rules at the next index and reserves that index.
    private func admit(_ event: Event) throws -> Prepared {
        let index = nextIndex
        if event.type == "ledger.genesis" || index == 0 {
            guard index == 0, event.type == "ledger.genesis" else {
                throw LedgerError.refused(
                    index == 0 ? "the first entry of a ledger must be ledger.genesis"
                        : "ledger.genesis can only be entry 0; this ledger already has \(index) entries")
            }
        } else {
            switch registry.signingKey(event.signer, at: index) {
            case .success(let key):
                if (event.type == "key.registered" || event.type == "key.revoked") && !key.isAdmin {
                    throw LedgerError.signerNotAllowed(
                        keyID: event.signer, reason: "only an admin key may sign \(event.type)")
                }
            case .failure(let error):
                throw LedgerError.signerNotAllowed(keyID: event.signer, reason: error.reason)
            }
        }
        if KeyRegistry.keyEventTypes.contains(event.type) {
            do {
                try registry.apply(event, at: index)
            } catch {
                throw LedgerError.invalidEvent(id: event.id, error.droppingPrefix("/event"))
            }
        }
        let eventBytes: [UInt8]
        do {
            eventBytes = try event.canonicalBytes()
        } catch {
            throw LedgerError.invalidEvent(id: event.id, error)
        }
        streamVersions[event.stream] = event.streamVersion
        nextIndex += 1
        let prepared = Prepared(
            event: event, message: Event.signingContext + eventBytes, eventBytes: eventBytes, duplicate: nil, index: index)
        batchIDs[event.id] = prepared
        return prepared
    }

    private struct Existing {
        var index: Int
        var event: Event
        var eventBytes: [UInt8]
        var leafHash: [UInt8]
        var asDuplicate: Prepared {
            Prepared(
                event: event, message: nil, eventBytes: eventBytes,
                duplicate: AppendResult(index: index, id: event.id, leafHash: Base64.encode(leafHash), duplicate: true),
                index: index)
        }
    }

    private func existingEvent(id: String) throws -> Existing? {
        if let p = batchIDs[id] {
            return Existing(index: p.index, event: p.event, eventBytes: p.eventBytes, leafHash: [])
        }
        let stmt = try db.cachedStatement(sql: "SELECT idx, bytes, leaf_hash FROM entries WHERE id = ?")
        guard let row = try Row.fetchOne(stmt, arguments: [id]) else { return nil }
        let bytes = [UInt8](Data.fromDatabaseValue(row["bytes"]) ?? Data())
        let entry: Entry
        do {
            entry = try Entry(bytes: bytes)
        } catch {
            throw LedgerError.corrupt("stored entry \(row["idx"] as Int? ?? -1) does not parse: \(error)")
        }
        return Existing(
            index: row["idx"], event: entry.event, eventBytes: try entry.event.canonicalBytes(),
            leafHash: [UInt8](Data.fromDatabaseValue(row["leaf_hash"]) ?? Data()))
    }

    private func currentVersion(stream: String) throws -> Int {
        if let v = streamVersions[stream] { return v }
        let stmt = try db.cachedStatement(sql: "SELECT MAX(stream_version) FROM entries WHERE stream = ?")
        let v = try Int.fetchOne(stmt, arguments: [stream]) ?? 0
        streamVersions[stream] = v
        return v
    }

    // MARK: - Committing

    func commit(_ prepared: [Prepared], signatures: [[UInt8]], db: Database) throws -> [AppendResult] {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO entries(idx, id, stream, stream_version, type, signer, bytes, leaf_hash, nodes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var results: [AppendResult] = []
        results.reserveCapacity(prepared.count)
        let head = Array(#"{"event":"#.utf8)
        let middle = Array(#","recordedAt":""#.utf8) + Array(recordedAt.utf8) + Array(#"","signature":""#.utf8)
        for (p, signature) in zip(prepared, signatures) {
            if let duplicate = p.duplicate {
                results.append(duplicate)
                continue
            }
            // Members sort as event < recordedAt < signature and the two strings need no
            // escaping, so this concatenation is the entry's JCS form.
            var bytes = head
            bytes.reserveCapacity(head.count + p.eventBytes.count + middle.count + 92)
            bytes += p.eventBytes
            bytes += middle
            bytes += Array(Base64.encode(signature).utf8)
            bytes += [UInt8(ascii: "\""), UInt8(ascii: "}")]
            let leafHash = RFC6962.leafHash(bytes)
            guard UInt64(p.index) == frontier.size else {
                throw LedgerError.corrupt("tree size \(frontier.size) does not match the next index \(p.index)")
            }
            let nodes = frontier.append(leafHash: leafHash)
            var nodeBytes = Data()
            for node in nodes { nodeBytes.append(contentsOf: node.hash) }
            try insert.execute(arguments: [
                p.index, p.event.id, p.event.stream, p.event.streamVersion, p.event.type, p.event.signer,
                Data(bytes), Data(leafHash), nodes.isEmpty ? nil : nodeBytes,
            ])
            try recordKeyEvent(p.event, at: p.index, db: db)
            results.append(AppendResult(index: p.index, id: p.event.id, leafHash: Base64.encode(leafHash), duplicate: false))
        }
        return results
    }

    private func recordKeyEvent(_ event: Event, at index: Int, db: Database) throws {
        switch event.type {
        case "ledger.genesis", "key.registered":
            for key in registry.keys.values where key.registeredAt == index {
                try db.execute(
                    sql: "INSERT INTO keys(key_id, public_key, registered_at, revoked_at, is_admin, holder) VALUES (?, ?, ?, NULL, ?, ?)",
                    arguments: [key.keyID, Data(key.publicKey.rawRepresentation), index, key.isAdmin, key.holder])
            }
        case "key.revoked":
            if let id = event.payload["keyId"]?.stringValue {
                try db.execute(sql: "UPDATE keys SET revoked_at = ? WHERE key_id = ?", arguments: [index, id])
            }
        default:
            break
        }
    }
}
