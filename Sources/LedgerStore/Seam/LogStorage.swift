package import LedgerCore

/// The storage seam: what the log's rules ask of a storage engine inside one transaction.
///
/// Admission, idempotent retries, stream versions, the Merkle tree, the key registry, the
/// policy's facts and the encryption of private parts are written once, above this seam (in
/// ``Batch``, ``PrivateStore``, ``StorageFacts`` and ``StorageNodeSource``), and ask an engine
/// only to read and write rows. An engine answers inside the transaction it was opened in, so a
/// read sees the writes made before it in that transaction. See the StorageSeam article.
package protocol LogReads {
    /// The number of entries (the next index).
    func size() throws -> Int
    /// The stored entry with event id `id`: its index, exact bytes and leaf hash.
    func entry(id: String) throws -> (index: Int, bytes: [UInt8], leafHash: [UInt8])?
    /// Whether an event with id `id` is in the log.
    func hasEvent(id: String) throws -> Bool
    /// The highest stream version logged for `stream` (0 when none).
    func latestStreamVersion(_ stream: String) throws -> Int
    /// A fact the admission policy stored, by key.
    func storedFact(_ key: String) throws -> String?
    /// The leaf hash of entry `index`.
    func leafHash(at index: Int) throws -> [UInt8]?
    /// The perfect-subtree hashes entry `index` completes (levels 1…k, 32 bytes each; empty for none).
    func nodes(at index: Int) throws -> [UInt8]?
    /// Every registered key, as the key events left it.
    func keys() throws -> [KeyRegistry.Key]
    /// The subject's data key, if it has one.
    func subjectKey(_ subject: String) throws -> [UInt8]?
    /// Whether the subject was erased.
    func isErased(_ subject: String) throws -> Bool
    /// Entry `index`'s private object, encrypted.
    func privateObject(at index: Int) throws -> SealedPrivateObject?
    /// How many private objects are held for `subject`.
    func privateObjectCount(subject: String) throws -> Int
}

/// The writes the log's rules make inside one append transaction (see ``LogReads``).
package protocol LogWrites: LogReads {
    /// Inserts one entry row; rows arrive in index order with no gap.
    func insertEntry(_ row: EntryRow) throws
    /// Records a key registered at ``KeyRegistry/Key/registeredAt``.
    func insertKey(_ key: KeyRegistry.Key) throws
    /// Records that key `keyID` was revoked at `index`.
    func revokeKey(_ keyID: String, at index: Int) throws
    /// Writes the policy's fact updates (nil deletes).
    func writeFacts(_ updates: [String: String?]) throws
    /// Stores a new subject's data key.
    func insertSubjectKey(_ subject: String, key: [UInt8]) throws
    /// Stores entry `index`'s private object, encrypted.
    func insertPrivateObject(_ object: SealedPrivateObject) throws
    /// Deletes every private object and the key of `subject`, and marks it erased at `index`.
    func erase(subject: String, at index: Int) throws
}

/// One entry row as stored: the entry's exact bytes, its leaf hash, the tree nodes it completes
/// and the envelope members the look-ups use.
package struct EntryRow {
    package var index: Int
    package var id: String
    package var stream: String
    package var streamVersion: Int
    package var type: String
    package var signer: String
    package var bytes: [UInt8]
    package var leafHash: [UInt8]
    /// Levels 1…k, 32 bytes each; empty when the leaf completes no subtree.
    package var nodes: [UInt8]

    package init(event: Event, index: Int, bytes: [UInt8], leafHash: [UInt8], nodes: [UInt8]) {
        self.index = index
        id = event.id
        stream = event.stream
        streamVersion = event.streamVersion
        type = event.type
        signer = event.signer
        self.bytes = bytes
        self.leafHash = leafHash
        self.nodes = nodes
    }
}

/// An entry's private object as stored: encrypted under its subject's key.
package struct SealedPrivateObject: Equatable {
    package var index: Int
    package var subject: String
    package var nonce: [UInt8]
    package var ciphertext: [UInt8]

    package init(index: Int, subject: String, nonce: [UInt8], ciphertext: [UInt8]) {
        self.index = index
        self.subject = subject
        self.nonce = nonce
        self.ciphertext = ciphertext
    }
}

/// The policy's facts inside a transaction: facts about logged events
/// (``FactKeys/eventPrefix``) are answered by the entries' ids, the rest by the stored facts.
struct StorageFacts: FactReader {
    let storage: any LogReads

    func fact(_ key: String) -> String? {
        if key.hasPrefix(FactKeys.eventPrefix) {
            let id = String(key.dropFirst(FactKeys.eventPrefix.count))
            return (try? storage.hasEvent(id: id)) == true ? "1" : nil
        }
        return (try? storage.storedFact(key)) ?? nil
    }
}

/// Perfect-subtree hashes read from the stored entries: a node (level l, index j) is kept with
/// the entry that completes it, row (j+1)·2^l − 1.
struct StorageNodeSource: MerkleNodeSource {
    let storage: any LogReads

    func hash(level: Int, index: UInt64) throws -> [UInt8] {
        if level == 0 {
            guard let hash = try storage.leafHash(at: Int(index)) else {
                throw MerkleError.missingNode(level: level, index: index)
            }
            return hash
        }
        let row = ((index + 1) << UInt64(level)) - 1
        guard let nodes = try storage.nodes(at: Int(row)), nodes.count >= level * 32 else {
            throw MerkleError.missingNode(level: level, index: index)
        }
        let start = (level - 1) * 32
        return Array(nodes[start..<(start + 32)])
    }
}

extension LogWrites {
    /// Records a key event's effect on the stored keys, from `registry` as it stands after it.
    func recordKeyEvent(_ event: Event, at index: Int, registry: KeyRegistry) throws {
        switch event.type {
        case "ledger.genesis", "key.registered":
            for key in registry.keys.values where key.registeredAt == index { try insertKey(key) }
        case "key.revoked":
            if let id = event.payload["keyId"]?.stringValue { try revokeKey(id, at: index) }
        default:
            break
        }
    }
}

extension LogWrites {
    /// Stores the policy's fact updates at the end of a commit, once the entries are in: facts
    /// about logged events (``FactKeys/eventPrefix``) are the entries themselves, not rows.
    func storeFactUpdates(_ updates: [String: String?]) throws {
        let stored = updates.filter { !$0.key.hasPrefix(FactKeys.eventPrefix) }
        if !stored.isEmpty { try writeFacts(stored) }
    }
}

extension LogReads {
    /// The key registry as stored.
    func registry(origin: String, logKey: String) throws -> KeyRegistry {
        KeyRegistry(origin: origin, logKey: logKey, keys: try keys())
    }
}

/// A storage engine: runs the log's rules' reads and writes in its transactions.
package protocol LogEngine: AnyObject {
    /// Runs `body` in one write transaction, serialised with every other writer (also in other
    /// processes and on other servers) and durable when it returns; rolled back when it throws.
    func write<T>(_ body: (any LogWrites) throws -> T) throws -> T
    /// Runs `body` on one consistent snapshot.
    func read<T>(_ body: (any LogReads) throws -> T) throws -> T
}
