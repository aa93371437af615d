import LedgerCore
import Foundation

/// The state of one append transaction: the next index, the tree's right edge, the keys and
/// the stream versions, including what earlier events of the same batch changed.
final class Batch {
    /// A draft with its envelope filled in and its format checked (before ordering).
    struct Completed: Sendable {
        var event: Event
        var draft: [String: JSONValue]
        var givenID: Bool
        var givenStreamVersion: Bool
        var privateObject: PrivateObject?
        /// The policy's stateless check, run in parallel with completion.
        var checked: AdmissionCheck?
    }

    /// Personal data the author gave in clear: stored encrypted outside the log.
    struct PrivateObject: Sendable {
        var subject: String
        var salt: [UInt8]
        var data: JSONValue
    }

    /// An event with its place in the log, or a duplicate of one already there.
    struct Prepared: Sendable {
        var event: Event
        var duplicate: AppendResult?
        var index: Int
        var privateObject: PrivateObject? = nil
    }

    /// An entry ready to insert.
    struct Built: Sendable {
        var bytes: [UInt8]
        var leafHash: [UInt8]
    }

    private(set) var frontier: MerkleFrontier
    private(set) var registry: KeyRegistry
    private var nextIndex: Int
    private var streamVersions: [String: Int] = [:]
    private var batchIDs: [String: Prepared] = [:]
    /// The engine, inside the append's transaction.
    let storage: any LogWrites
    let recordedAt: String
    private let policy: (any AdmissionPolicy)?
    /// Facts as of the next index: the stored ones plus this batch's updates.
    private var facts: FactOverlay

    init(storage: any LogWrites, ledger: Ledger) throws {
        self.storage = storage
        policy = ledger.policy
        facts = FactOverlay(base: StorageFacts(storage: storage))
        let size = try storage.size()
        nextIndex = size
        if let cached = ledger.frontierCache, cached.size == UInt64(size) {
            frontier = cached
        } else {
            frontier = try MerkleFrontier(size: UInt64(size), source: StorageNodeSource(storage: storage))
        }
        if let cached = ledger.registryCache, cached.size == size {
            registry = cached.registry
        } else {
            registry = try storage.registry(origin: ledger.origin, logKey: ledger.logKey.description)
        }
        recordedAt = Timestamp.now()
    }

    // MARK: - Preparing

    /// Fills in what the author left out and checks the envelope; needs no log state, so it
    /// runs in parallel. `streamVersion` is set later, in order, when the author left it out.
    static func complete(
        draft: JSONValue, signerKeyID: String, now: String, newID: String, policy: (any AdmissionPolicy)? = nil
    ) -> Result<Completed, LedgerError> {
        guard var o = draft.objectValue else {
            return .failure(.invalidEvent(id: nil, FormatError("", "an event must be a JSON object")))
        }
        let original = o
        let givenID = o["id"]?.stringValue
        if o["v"] == nil { o["v"] = 1 }
        if o["id"] == nil { o["id"] = .string(newID) }
        if o["occurredAt"] == nil {
            // A payload that states when it happened (`receivedAt`, `from`, …) gives the effective time.
            let implied = o["type"]?.stringValue.flatMap { type in
                o["payload"]?.objectValue.flatMap { policy?.impliedOccurredAt(type: type, payload: $0) }
            }
            o["occurredAt"] = .string(implied ?? now)
        }
        if let given = o["signer"] {
            guard given.stringValue == signerKeyID else {
                return .failure(.invalidEvent(
                    id: givenID, FormatError("/signer", "names \(given) but the event is signed with key \(signerKeyID)")))
            }
        } else {
            o["signer"] = .string(signerKeyID)
        }
        let givenVersion = o["streamVersion"] != nil
        if !givenVersion { o["streamVersion"] = 1 }
        // `"private": {"subject": S, "data": {…}}` carries personal data in clear: commit to it
        // with a fresh salt and keep the data for encrypted storage outside the log.
        var privateObject: PrivateObject?
        if let p = o["private"]?.objectValue, p["commitment"] == nil {
            guard let subject = p["subject"]?.stringValue, !subject.isEmpty else {
                return .failure(.invalidEvent(id: givenID, FormatError("/private/subject", "must name the pseudonymous subject the data belongs to")))
            }
            guard let data = p["data"], data.objectValue != nil, p.count == 2 else {
                return .failure(.invalidEvent(
                    id: givenID, FormatError("/private", "give either {\"subject\", \"data\": {…}} (data in clear, stored encrypted outside the log) or {\"subject\", \"commitment\"}")))
            }
            let salt = SecureRandom.bytes(32)
            do {
                o["private"] = .object(["subject": .string(subject), "commitment": .string(try PrivateCommitment.commit(data, salt: salt))])
            } catch {
                return .failure(.invalidEvent(id: givenID, FormatError("/private/data", error.message)))
            }
            privateObject = PrivateObject(subject: subject, salt: salt, data: data)
        }
        do {
            let event = try Event(json: .object(o))
            return .success(Completed(
                event: event, draft: original, givenID: givenID != nil, givenStreamVersion: givenVersion,
                privateObject: privateObject, checked: policy?.check(event)))
        } catch {
            return .failure(.invalidEvent(id: givenID, error))
        }
    }

    /// Places a completed draft in the log: an idempotent retry, or the next stream version.
    func sequence(_ c: Completed) throws -> Prepared {
        var event = c.event
        if c.givenID, let existing = try existingEvent(id: event.id) {
            // An idempotent retry: every member the author gave must match the logged event.
            let stored = existing.event.json.objectValue ?? [:]
            for (name, value) in c.draft where stored[name] != value {
                // Personal data given in clear is compared with what was stored for the entry.
                if name == "private", let object = c.privateObject,
                    case .available(let subject, _, let data)? = try PrivateStore.load(at: existing.index, subject: object.subject, from: storage),
                    subject == object.subject, data == object.data
                {
                    continue
                }
                throw LedgerError.idConflict(id: event.id, index: existing.index)
            }
            return existing.asDuplicate
        }
        let next = try currentVersion(stream: event.stream) + 1
        if c.givenStreamVersion {
            guard event.streamVersion == next else {
                throw LedgerError.streamVersionConflict(stream: event.stream, expected: next, got: event.streamVersion)
            }
        } else {
            event.streamVersion = next
        }
        var prepared = try admit(event, rememberID: c.givenID, checked: c.checked)
        prepared.privateObject = c.privateObject
        return prepared
    }

    func prepare(event: Event, position: Int) throws -> Prepared {
        do {
            try event.validate()
        } catch {
            throw LedgerError.invalidEvent(id: event.id, error)
        }
        if let existing = try existingEvent(id: event.id) {
            guard (try existing.event.canonicalBytes()) == (try event.canonicalBytes()) else {
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
    private func admit(_ event: Event, rememberID: Bool = true, checked: AdmissionCheck? = nil) throws -> Prepared {
        let index = nextIndex
        var signerKey: KeyRegistry.Key?
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
                signerKey = key
            case .failure(let error):
                throw LedgerError.signerNotAllowed(keyID: event.signer, reason: error.reason)
            }
        }
        if let policy {
            // Check the domain rules against the registry and facts as they stand before this event.
            let key = signerKey ?? genesisSigner(event)
            do {
                facts.apply(try policy.admit(event, checked: checked ?? policy.check(event), at: index, signer: key, facts: facts))
            } catch {
                throw LedgerError.refusedByPolicy(id: "\(event.type) \(event.id)", error)
            }
        }
        if KeyRegistry.keyEventTypes.contains(event.type) {
            do {
                try registry.apply(event, at: index)
            } catch {
                throw LedgerError.invalidEvent(id: event.id, error.droppingPrefix("/event"))
            }
        }
        streamVersions[event.stream] = event.streamVersion
        nextIndex += 1
        let prepared = Prepared(event: event, duplicate: nil, index: index)
        // Generated ids cannot repeat; only author-given ids can be retried within a batch.
        if rememberID { batchIDs[event.id] = prepared }
        return prepared
    }

    /// The genesis entry's signer, as the genesis itself declares it (an admin).
    private func genesisSigner(_ event: Event) -> KeyRegistry.Key {
        var probe = KeyRegistry()
        try? probe.apply(event, at: 0)
        return probe.keys[event.signer]
            ?? KeyRegistry.Key(
                keyID: event.signer, publicKey: Ed25519PublicKey(uncheckedRawRepresentation: []), registeredAt: 0,
                revokedAt: nil, isAdmin: false, holder: nil)
    }

    private struct Existing {
        var index: Int
        var event: Event
        var leafHash: [UInt8]
        var asDuplicate: Prepared {
            Prepared(
                event: event,
                duplicate: AppendResult(index: index, id: event.id, leafHash: Base64.encode(leafHash), duplicate: true),
                index: index)
        }
    }

    private func existingEvent(id: String) throws -> Existing? {
        if let p = batchIDs[id] {
            return Existing(index: p.index, event: p.event, leafHash: [])
        }
        guard let row = try storage.entry(id: id) else { return nil }
        let entry: Entry
        do {
            entry = try Entry(bytes: row.bytes)
        } catch {
            throw LedgerError.corrupt("stored entry \(row.index) does not parse: \(error)")
        }
        return Existing(index: row.index, event: entry.event, leafHash: row.leafHash)
    }

    private func currentVersion(stream: String) throws -> Int {
        if let v = streamVersions[stream] { return v }
        let v = try storage.latestStreamVersion(stream)
        streamVersions[stream] = v
        return v
    }

    // MARK: - Committing

    /// Serialises and signs one event and builds its entry bytes and leaf hash (runs in parallel).
    static func build(_ p: Prepared, recordedAt: String, sign: ([UInt8]) -> [UInt8]) -> Built? {
        guard let eventBytes = try? p.event.canonicalBytes() else { return nil }
        let signature = sign(Event.signingContext + eventBytes)
        // Members sort as event < recordedAt < signature and the two strings need no escaping,
        // so this concatenation is the entry's JCS form.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(eventBytes.count + recordedAt.utf8.count + 130)
        bytes += #"{"event":"#.utf8
        bytes += eventBytes
        bytes += #","recordedAt":""#.utf8
        bytes += recordedAt.utf8
        bytes += #"","signature":""#.utf8
        Base64.append(signature, to: &bytes)
        bytes += #""}"#.utf8
        return Built(bytes: bytes, leafHash: RFC6962.leafHash(bytes))
    }

    /// Inserts the built entries in order, extending the tree.
    func commit(_ prepared: [Prepared], built: [Built?]) throws -> [AppendResult] {
        var results: [AppendResult] = []
        results.reserveCapacity(prepared.count)
        for (p, b) in zip(prepared, built) {
            if let duplicate = p.duplicate {
                results.append(duplicate)
                continue
            }
            guard let b else { throw LedgerError.invalidEvent(id: p.event.id, FormatError("/payload", "cannot be serialised")) }
            guard UInt64(p.index) == frontier.size else {
                throw LedgerError.corrupt("tree size \(frontier.size) does not match the next index \(p.index)")
            }
            let nodes = frontier.append(leafHash: b.leafHash)
            var nodeBytes: [UInt8] = []
            for node in nodes { nodeBytes += node.hash }
            try storage.insertEntry(
                EntryRow(event: p.event, index: p.index, bytes: b.bytes, leafHash: b.leafHash, nodes: nodeBytes))
            try storage.recordKeyEvent(p.event, at: p.index, registry: registry)
            if let object = p.privateObject { try PrivateStore.store(object, at: p.index, in: storage) }
            results.append(AppendResult(index: p.index, id: p.event.id, leafHash: Base64.encode(b.leafHash), duplicate: false))
        }
        try storage.storeFactUpdates(facts.updates)
        facts.updates = [:]
        return results
    }
}
