import Foundation
import GRDB

/// Opens a ledger file with plain SQLite, as an attacker with file access would.
struct SQLiteTamper {
    let queue: DatabaseQueue

    init(path: String) throws {
        queue = try DatabaseQueue(path: path)
    }

    func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try queue.write { db in try db.execute(sql: sql, arguments: arguments) }
    }

    /// Removes the append-only triggers so rows can be changed.
    func dropTriggers() throws {
        try execute("""
            DROP TRIGGER entries_append_only_update; DROP TRIGGER entries_append_only_delete;
            DROP TRIGGER checkpoints_append_only_update; DROP TRIGGER checkpoints_append_only_delete;
            """)
    }

    func bytes(at index: Int) throws -> [UInt8] {
        try queue.read { db in [UInt8](try Data.fetchOne(db, sql: "SELECT bytes FROM entries WHERE idx = ?", arguments: [index]) ?? Data()) }
    }

    func setBytes(_ bytes: [UInt8], at index: Int) throws {
        try execute("UPDATE entries SET bytes = ? WHERE idx = ?", [Data(bytes), index])
    }
}
