public import LedgerCore
import Foundation
package import GRDB

/// A Coledger ledger: one SQLite file holding the append-only log, its Merkle tree and its
/// signed checkpoints.
///
/// Several processes may open the same file; appends are serialised by SQLite's write lock
/// (`BEGIN IMMEDIATE`) and every acknowledged append is durable (`synchronous=FULL`, WAL).
public final class Ledger {
    /// The file path.
    public let path: String
    let db: DatabaseQueue
    /// The ledger's SQLite connection, for modules of this package that keep derived tables in
    /// the same file (projections).
    package var database: DatabaseQueue { db }
    /// The log's origin (checkpoint origin line and log key name).
    public let origin: String
    /// The log's checkpoint verifier key.
    public let logKey: NoteVerifierKey
    /// The admission policy every append must pass (nil: the format's rules only).
    public let policy: (any AdmissionPolicy)?
    /// The policy name the ledger was created with, if any.
    public let policyName: String?
    /// Whether the file was opened read-only (an immutable file, a read-only directory or mount,
    /// or ``open(path:policies:readOnly:)`` asked so): every read works, every write is refused.
    public let isReadOnly: Bool
    /// Where projections fold when the file is read-only: a private in-memory database (nil
    /// when they live in the ledger file).
    package let scratch: DatabaseQueue?

    // Caches valid for one tree size; refreshed when another process appended.
    var frontierCache: MerkleFrontier?
    var registryCache: (size: Int, registry: KeyRegistry)?

    deinit { OpenLedgers.unregister(fileID) }

    /// This file's identity in ``OpenLedgers`` while this instance is open.
    private let fileID: OpenLedgers.FileID?

    init(path: String, db: DatabaseQueue, policies: [any AdmissionPolicy], readOnly: Bool = false) throws(LedgerError) {
        self.path = path
        fileID = OpenLedgers.id(path)
        OpenLedgers.register(fileID)
        self.db = db
        isReadOnly = readOnly
        do {
            scratch = try readOnly ? DatabaseQueue() : nil
        } catch {
            throw .storage("cannot open an in-memory database: \(error)")
        }
        let meta: [String: String]
        do {
            meta = try db.read { db in
                try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM meta").map {
                    (String.fromDatabaseValue($0["key"]) ?? "", String.fromDatabaseValue($0["value"]) ?? "")
                })
            }
        } catch {
            throw .storage("\(error)")
        }
        guard let origin = meta["origin"], let vkeyText = meta["logKey"] else {
            throw .corrupt("the meta table has no origin or log key; is \(path) a Coledger ledger?")
        }
        do {
            self.logKey = try NoteVerifierKey(parsing: vkeyText)
        } catch {
            throw .corrupt("stored log key is not a valid vkey: \(error)")
        }
        self.origin = origin
        policyName = meta["policy"]
        if let name = meta["policy"] {
            guard let policy = policies.first(where: { $0.name == name }) else {
                throw .refused("this ledger enforces the admission policy \(name), which this program does not know")
            }
            self.policy = policy
        } else {
            self.policy = nil
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.journalMode = .wal
        // Fair retries between processes: sleep briefly and try again, for up to ~60 s.
        config.busyMode = .callback { tries in
            if tries > 300_000 { return false }
            usleep(tries < 100 ? 50 : 200)
            return true
        }
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Deleted content (erased subjects' keys and data) is overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        return config
    }

    /// Opens an existing ledger.
    ///
    /// Nothing is written to the file before it is known to be a Coledger ledger (an SQLite file
    /// whose `meta` table names its format, origin and log key): any other file is refused
    /// unchanged. A ledger that cannot be written (immutable file, read-only directory or mount)
    /// opens read-only, and so does any ledger when `readOnly` is true.
    /// - Throws: ``LedgerError/notFound(path:)`` when there is no file,
    ///   ``LedgerError/notALedger(path:reason:)`` when the file is something else.
    /// - Parameter policies: the admission policies this program knows; the ledger uses the one
    ///   it was created with.
    public static func open(
        path: String, policies: [any AdmissionPolicy] = [], readOnly: Bool = false
    ) throws(LedgerError) -> Ledger {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        let file = try LedgerFile(path: path)
        let writable = !readOnly && file.isWritable
        let queue: DatabaseQueue
        do {
            if writable {
                queue = try DatabaseQueue(path: path, configuration: configuration())
                try LedgerSchema.migrator.migrate(queue)
            } else {
                queue = try file.readOnlyQueue()
            }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .storage("cannot open \(path): \(error)")
        }
        return try Ledger(path: path, db: queue, policies: policies, readOnly: !writable)
    }

    /// Creates a new ledger file and appends its `ledger.genesis` entry, signed by `admins[0]`.
    ///
    /// - Parameters:
    ///   - origin: the log's origin, e.g. `example.org/coledger` (also the log key's name).
    ///   - logKey: the key that signs checkpoints (never used by a person).
    ///   - admins: the first administrators' keys.
    ///   - policy: the admission policy every append must pass, from genesis on (nil: format rules only).
    ///   - genesisPayload: extra members for the genesis payload (e.g. the plan and organisation).
    public static func create(
        path: String, origin: String, logKey: Ed25519SigningKey, admins: [Ed25519SigningKey],
        occurredAt: String? = nil, policy: (any AdmissionPolicy)? = nil, genesisPayload: [String: JSONValue] = [:]
    ) throws(LedgerError) -> Ledger {
        guard !FileManager.default.fileExists(atPath: path) else { throw .alreadyExists(path: path) }
        guard let first = admins.first else { throw .refused("a ledger needs at least one admin key") }
        guard Self.isValidOrigin(origin) else {
            throw .refused("origin \"\(origin)\" is not valid: use a schema-less URL-like name such as example.org/coledger (no spaces or '+')")
        }
        let vkey = NoteVerifierKey(name: origin, publicKey: logKey.publicKey)
        let queue: DatabaseQueue
        // Created 0600 before SQLite opens it: subject keys sit beside their ciphertexts, and
        // SQLite gives the -wal and -shm files the database file's mode.
        try PrivateFile.create(path)
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
            try LedgerSchema.migrator.migrate(queue)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('origin', ?), ('logKey', ?), ('format', 'coledger/v1')",
                               arguments: [origin, vkey.description])
                if let policy {
                    try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('policy', ?)", arguments: [policy.name])
                }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw .storage("cannot create \(path): \(error)")
        }
        let ledger = try Ledger(path: path, db: queue, policies: policy.map { [$0] } ?? [])
        let adminList: [JSONValue] = admins.map {
            .object(["keyId": .string($0.keyID), "publicKey": .string(Base64.encode($0.publicKey.rawRepresentation))])
        }
        let genesis: JSONValue = .object([
            "type": "ledger.genesis", "typeVersion": 1, "stream": "ledger",
            "payload": .object(
                genesisPayload.merging(["origin": .string(origin), "logKey": .string(vkey.description), "admins": .array(adminList)]) { _, b in b }),
            "occurredAt": .string(occurredAt ?? Timestamp.now()),
        ])
        do {
            _ = try ledger.append(draft: genesis, signer: first)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return ledger
    }

    static func isValidOrigin(_ origin: String) -> Bool {
        !origin.isEmpty && origin.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x2B && $0.value < 0x7F }
    }

    /// The number of entries in the log.
    public func size() throws(LedgerError) -> Int {
        try read { db in try Self.size(db) }
    }

    static func size(_ db: Database) throws -> Int {
        try SQLiteLog(db).size()
    }

    func read<T>(_ body: (Database) throws -> T) throws(LedgerError) -> T {
        do {
            return try db.read(body)
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }
}
