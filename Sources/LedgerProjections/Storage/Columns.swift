import Foundation
import GRDB
import GRDBSQLite

/// How list-valued fields are kept in one column: the items joined by a unit separator.
enum ListColumn {
    static let separator = "\u{1F}"

    static func encode(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.joined(separator: separator)
        }
    }

    static func decode(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.components(separatedBy: separator)
    }
}

extension ProjectionConnection {
    /// Runs a statement (cached: table names are fixed for a connection's lifetime).
    func execute(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    func fetchOne(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    func fetchAll(_ sql: String, _ arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    /// Runs a cached statement whose parameters `bind` sets in order, straight through SQLite's
    /// C API (a fold writes rows by the thousand; GRDB's `StatementArguments` box every value).
    func write(_ sql: String, _ bind: (inout Binder) -> Void) throws {
        try write(db.cachedStatement(sql: sql), bind)
    }

    /// The same with a statement already prepared (saves hashing long SQL for every row).
    func write(_ statement: Statement, _ bind: (inout Binder) -> Void) throws {
        let handle = statement.sqliteStatement
        var binder = Binder(handle: handle)
        bind(&binder)
        let rc = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
    }
}

extension ProjectionConnection {
    /// The first row of a cached query whose parameters `bind` sets, read by `row` through
    /// SQLite's C API, or nil when there is none.
    func readOne<T>(_ sql: String, _ bind: (inout Binder) -> Void, _ row: (ColumnReader) -> T) throws -> T? {
        try readOne(db.cachedStatement(sql: sql), bind, row)
    }

    /// The same with a statement already prepared.
    func readOne<T>(_ statement: Statement, _ bind: (inout Binder) -> Void, _ row: (ColumnReader) -> T) throws -> T? {
        let handle = statement.sqliteStatement
        var binder = Binder(handle: handle)
        bind(&binder)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return row(ColumnReader(handle: handle))
        case SQLITE_DONE: return nil
        case let rc:
            throw DatabaseError(
                resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
    }
}

/// Reads the columns of the current row by position.
struct ColumnReader {
    let handle: OpaquePointer?

    func isNull(_ i: Int32) -> Bool { sqlite3_column_type(handle, i) == SQLITE_NULL }

    func string(_ i: Int32) -> String {
        guard let text = sqlite3_column_text(handle, i) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, i))), as: UTF8.self)
    }

    func optionalString(_ i: Int32) -> String? { isNull(i) ? nil : string(i) }
    func int(_ i: Int32) -> Int { Int(sqlite3_column_int64(handle, i)) }
    func optionalInt(_ i: Int32) -> Int? { isNull(i) ? nil : int(i) }
    func bool(_ i: Int32) -> Bool { sqlite3_column_int64(handle, i) != 0 }
    func optionalDouble(_ i: Int32) -> Double? { isNull(i) ? nil : sqlite3_column_double(handle, i) }
    func list(_ i: Int32) -> [String] { ListColumn.decode(optionalString(i)) }
}

/// Binds a statement's parameters one after another.
struct Binder {
    let handle: OpaquePointer?
    private var position: Int32 = 1
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(handle: OpaquePointer?) { self.handle = handle }

    mutating func add(_ value: String?) {
        if var value {
            value.withUTF8 { utf8 in
                guard let base = utf8.baseAddress, utf8.count > 0 else {
                    _ = sqlite3_bind_text(handle, position, "", 0, Self.transient)
                    return
                }
                base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                    _ = sqlite3_bind_text(handle, position, $0, Int32(utf8.count), Self.transient)
                }
            }
        } else {
            sqlite3_bind_null(handle, position)
        }
        position += 1
    }

    mutating func add(_ value: Int?) {
        if let value { sqlite3_bind_int64(handle, position, Int64(value)) } else { sqlite3_bind_null(handle, position) }
        position += 1
    }

    mutating func add(_ value: Bool) {
        sqlite3_bind_int64(handle, position, value ? 1 : 0)
        position += 1
    }

    mutating func add(_ value: Double?) {
        if let value { sqlite3_bind_double(handle, position, value) } else { sqlite3_bind_null(handle, position) }
        position += 1
    }

    /// A list, as ``ListColumn`` keeps it.
    mutating func add(_ items: [String]) {
        guard items.count > 1 else { return add(items.first ?? "") }
        var text = items[0]
        for item in items.dropFirst() {
            text += ListColumn.separator
            text += item
        }
        add(text)
    }
}
