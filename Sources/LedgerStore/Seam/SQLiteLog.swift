import Foundation
import GRDB
import GRDBSQLite
import LedgerCore

/// The embedded engine below the storage seam: one SQLite file, written in `BEGIN IMMEDIATE`
/// transactions (SQLite's write lock serialises writers, also across processes) with WAL and
/// `synchronous=FULL` (``Ledger/configuration()``), so a commit that returned is on disk.
package final class SQLiteEngine: LogEngine {
    let queue: DatabaseQueue

    init(queue: DatabaseQueue) {
        self.queue = queue
    }

    /// The engine of an open ledger file.
    package convenience init(_ ledger: Ledger) {
        self.init(queue: ledger.database)
    }

    package func write<T>(_ body: (any LogWrites) throws -> T) throws -> T {
        try transaction { db in try body(SQLiteLog(db)) }
    }

    package func read<T>(_ body: (any LogReads) throws -> T) throws -> T {
        try queue.read { db in try body(SQLiteLog(db)) }
    }

    /// One immediate write transaction on the connection (also for the ledger's rows not yet
    /// behind the seam: checkpoints, cosignatures).
    func transaction<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            var value: T?
            try db.inTransaction(.immediate) {
                value = try body(db)
                return .commit
            }
            guard let value else { throw LedgerError.storage("the write transaction returned nothing") }
            return value
        }
    }
}

/// The SQLite engine's reads and writes inside one of its transactions: the only place the log's
/// row reads and writes are SQL.
final class SQLiteLog: LogWrites {
    let db: Database
    /// The entry insert, prepared once per transaction and bound with sqlite3 directly (most of
    /// an import's insert time went to GRDB's argument boxing).
    private var insert: Statement?

    init(_ db: Database) {
        self.db = db
    }

    deinit {
        if let insert { sqlite3_reset(insert.sqliteStatement) }
    }

    // MARK: Reads

    func size() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(idx) + 1, 0) FROM entries") ?? 0
    }

    func entry(id: String) throws -> (index: Int, bytes: [UInt8], leafHash: [UInt8])? {
        let stmt = try db.cachedStatement(sql: "SELECT idx, bytes, leaf_hash FROM entries WHERE id = ?")
        guard let row = try Row.fetchOne(stmt, arguments: [id]) else { return nil }
        return (
            row["idx"], [UInt8](Data.fromDatabaseValue(row["bytes"]) ?? Data()),
            [UInt8](Data.fromDatabaseValue(row["leaf_hash"]) ?? Data())
        )
    }

    func hasEvent(id: String) throws -> Bool {
        let stmt = try db.cachedStatement(sql: "SELECT 1 FROM entries WHERE id = ?")
        return try Int.fetchOne(stmt, arguments: [id]) != nil
    }

    func latestStreamVersion(_ stream: String) throws -> Int {
        let stmt = try db.cachedStatement(sql: "SELECT MAX(stream_version) FROM entries WHERE stream = ?")
        return try Int.fetchOne(stmt, arguments: [stream]) ?? 0
    }

    func storedFact(_ key: String) throws -> String? {
        let stmt = try db.cachedStatement(sql: "SELECT value FROM facts WHERE key = ?")
        return try String.fetchOne(stmt, arguments: [key])
    }

    func leafHash(at index: Int) throws -> [UInt8]? {
        let stmt = try db.cachedStatement(sql: "SELECT leaf_hash FROM entries WHERE idx = ?")
        return try Data.fetchOne(stmt, arguments: [Int64(index)]).map { [UInt8]($0) }
    }

    func nodes(at index: Int) throws -> [UInt8]? {
        let stmt = try db.cachedStatement(sql: "SELECT nodes FROM entries WHERE idx = ?")
        return try Data.fetchOne(stmt, arguments: [Int64(index)]).map { [UInt8]($0) }
    }

    func keys() throws -> [KeyRegistry.Key] {
        try Row.fetchAll(db, sql: "SELECT key_id, public_key, registered_at, revoked_at, is_admin, holder FROM keys").map { row in
            let raw = [UInt8](Data.fromDatabaseValue(row["public_key"]) ?? Data())
            return KeyRegistry.Key(
                keyID: row["key_id"], publicKey: Ed25519PublicKey(uncheckedRawRepresentation: raw),
                registeredAt: row["registered_at"], revokedAt: row["revoked_at"], isAdmin: row["is_admin"],
                holder: row["holder"])
        }
    }

    func subjectKey(_ subject: String) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT key FROM subject_keys WHERE subject = ?", arguments: [subject]).map { [UInt8]($0) }
    }

    func isErased(_ subject: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM erased_subjects WHERE subject = ?", arguments: [subject]) ?? false
    }

    func privateObject(at index: Int) throws -> SealedPrivateObject? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT subject, nonce, ciphertext FROM private_objects WHERE idx = ?", arguments: [index])
        else { return nil }
        return SealedPrivateObject(
            index: index, subject: row["subject"], nonce: [UInt8](row["nonce"] as Data),
            ciphertext: [UInt8](row["ciphertext"] as Data))
    }

    func privateObjectCount(subject: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM private_objects WHERE subject = ?", arguments: [subject]) ?? 0
    }

    // MARK: Writes

    func insertEntry(_ row: EntryRow) throws {
        if insert == nil {
            insert = try db.cachedStatement(sql: """
                INSERT INTO entries(idx, id, stream, stream_version, type, signer, bytes, leaf_hash, nodes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        }
        guard let handle = insert?.sqliteStatement else { return }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, Int64(row.index))
        sqlite3_bind_text(handle, 2, row.id, -1, transient)
        sqlite3_bind_text(handle, 3, row.stream, -1, transient)
        sqlite3_bind_int64(handle, 4, Int64(row.streamVersion))
        sqlite3_bind_text(handle, 5, row.type, -1, transient)
        sqlite3_bind_text(handle, 6, row.signer, -1, transient)
        sqlite3_bind_blob(handle, 7, row.bytes, Int32(row.bytes.count), transient)
        sqlite3_bind_blob(handle, 8, row.leafHash, Int32(row.leafHash.count), transient)
        if row.nodes.isEmpty {
            sqlite3_bind_null(handle, 9)
        } else {
            sqlite3_bind_blob(handle, 9, row.nodes, Int32(row.nodes.count), transient)
        }
        let rc = sqlite3_step(handle)
        guard rc == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw LedgerError.storage("inserting entry \(row.index): \(message) (code \(rc))")
        }
    }

    func insertKey(_ key: KeyRegistry.Key) throws {
        try db.execute(
            sql: "INSERT INTO keys(key_id, public_key, registered_at, revoked_at, is_admin, holder) VALUES (?, ?, ?, NULL, ?, ?)",
            arguments: [key.keyID, Data(key.publicKey.rawRepresentation), key.registeredAt, key.isAdmin, key.holder])
    }

    func revokeKey(_ keyID: String, at index: Int) throws {
        try db.execute(sql: "UPDATE keys SET revoked_at = ? WHERE key_id = ?", arguments: [index, keyID])
    }

    func writeFacts(_ updates: [String: String?]) throws {
        guard !updates.isEmpty else { return }
        let upsert = try db.cachedStatement(sql: "INSERT OR REPLACE INTO facts(key, value) VALUES (?, ?)")
        let delete = try db.cachedStatement(sql: "DELETE FROM facts WHERE key = ?")
        for (key, value) in updates {
            if let value { try upsert.execute(arguments: [key, value]) } else { try delete.execute(arguments: [key]) }
        }
    }

    func insertSubjectKey(_ subject: String, key: [UInt8]) throws {
        try db.execute(sql: "INSERT INTO subject_keys(subject, key) VALUES (?, ?)", arguments: [subject, Data(key)])
    }

    func insertPrivateObject(_ object: SealedPrivateObject) throws {
        try db.execute(
            sql: "INSERT INTO private_objects(idx, subject, nonce, ciphertext) VALUES (?, ?, ?, ?)",
            arguments: [object.index, object.subject, Data(object.nonce), Data(object.ciphertext)])
    }

    func erase(subject: String, at index: Int) throws {
        try db.execute(sql: "DELETE FROM private_objects WHERE subject = ?", arguments: [subject])
        try db.execute(sql: "DELETE FROM subject_keys WHERE subject = ?", arguments: [subject])
        try db.execute(
            sql: "INSERT OR REPLACE INTO erased_subjects(subject, erased_at) VALUES (?, ?)", arguments: [subject, index])
    }
}
