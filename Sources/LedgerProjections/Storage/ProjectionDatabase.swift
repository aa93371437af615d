import Foundation
package import GRDB
public import LedgerStore
import LedgerCore
import LedgerDomain

/// A connection the projections read and write on, inside one transaction.
public struct ProjectionConnection {
    /// The GRDB connection (for `Storage/` and sources in the same file); nil for
    /// ``detached``.
    let database: Database?

    /// The GRDB connection.
    package var db: Database {
        guard let database else { preconditionFailure("a detached reader has no connection") }
        return database
    }

    /// Wraps a connection.
    package init(_ db: Database) { database = db }

    private init() { database = nil }

    /// No connection: what a ``DetachedReader`` of a source that needs none passes on.
    static var detached: ProjectionConnection { ProjectionConnection() }
}

/// The tables one projection owns. Implemented in `Storage/`, the only place SQL is written.
///
/// Table names take a suffix: `""` for the live tables, `"__new"` while a rebuild fills fresh
/// ones. Tables have primary keys and no other indexes, so renaming them is all a swap needs.
public protocol ProjectionTables {
    /// The base names of its tables.
    static var tableNames: [String] { get }
    /// `CREATE TABLE` statements for its tables, with `suffix` after each name.
    static func schema(suffix: String) -> [String]
    /// Access to the tables named with `suffix` on `connection`.
    init(_ connection: ProjectionConnection, suffix: String)
}

/// Where projections live: the ledger's SQLite file, or an in-memory database for replay.
public final class ProjectionDatabase {
    let queue: DatabaseQueue
    /// Whether the tables live in the ledger file (true) or in memory (false).
    public let isLedgerFile: Bool

    /// The projections of a ledger, in its own file; of a read-only ledger (an evaluator's
    /// copy, an immutable file), in a private in-memory database folded from its log instead.
    public init(ledger: Ledger) {
        if let scratch = ledger.scratch {
            queue = scratch
            isLedgerFile = false
        } else {
            queue = ledger.database
            isLedgerFile = true
        }
    }

    /// A fresh in-memory database.
    public init() throws {
        queue = try DatabaseQueue()
        isLedgerFile = false
    }

    /// Runs `body` in one immediate write transaction (so two processes never fold the same
    /// entries twice) and commits.
    func transaction(_ body: (ProjectionConnection) throws -> Void) throws {
        try queue.inTransaction(.immediate) { db in
            try body(ProjectionConnection(db))
            return .commit
        }
    }

    /// Runs `body` on a read-only snapshot.
    func read<T>(_ body: (ProjectionConnection) throws -> T) throws -> T {
        try queue.read { db in try body(ProjectionConnection(db)) }
    }

    /// Whether these are the projections of `ledger`, in its file.
    func isOn(_ ledger: Ledger) -> Bool { queue === ledger.database }

    /// A second, read-only connection to the ledger file (nil in memory), opened on first use,
    /// on which the runner reads entries while it folds on ``queue``.
    lazy var reader: DatabaseQueue? = {
        guard isLedgerFile else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(60)
        return try? DatabaseQueue(path: queue.path, configuration: configuration)
    }()
}

/// What `projection_state` says about one projection.
struct ProjectionState: Equatable {
    var version: Int
    /// The index of the last entry it applied (-1: none yet).
    var lastIndex: Int
}

/// `projection_state(name, version, last_index)` and table management.
enum StateStore {
    static func ensure(_ c: ProjectionConnection) throws {
        try c.db.execute(sql: """
            CREATE TABLE IF NOT EXISTS projection_state (
                name TEXT PRIMARY KEY,
                version INTEGER NOT NULL,
                last_index INTEGER NOT NULL
            ) WITHOUT ROWID
            """)
    }

    static func load(_ c: ProjectionConnection) throws -> [String: ProjectionState] {
        var out: [String: ProjectionState] = [:]
        for row in try Row.fetchAll(c.db, sql: "SELECT name, version, last_index FROM projection_state") {
            out[row["name"]] = ProjectionState(version: row["version"], lastIndex: row["last_index"])
        }
        return out
    }

    static func save(_ c: ProjectionConnection, name: String, state: ProjectionState) throws {
        try c.db.cachedStatement(sql: "INSERT OR REPLACE INTO projection_state(name, version, last_index) VALUES (?, ?, ?)")
            .execute(arguments: [name, state.version, state.lastIndex])
    }

    static func tablesExist(_ c: ProjectionConnection, _ names: [String], suffix: String = "") throws -> Bool {
        for name in names where try !c.db.tableExists(name + suffix) { return false }
        return true
    }

    static func create(_ c: ProjectionConnection, statements: [String]) throws {
        for sql in statements { try c.db.execute(sql: sql) }
    }

    static func drop(_ c: ProjectionConnection, _ names: [String], suffix: String) throws {
        for name in names { try c.db.execute(sql: "DROP TABLE IF EXISTS \(quote(name + suffix))") }
    }

    /// Drops the live tables and renames the `suffix` ones into their place.
    static func swap(_ c: ProjectionConnection, _ names: [String], from suffix: String) throws {
        try drop(c, names, suffix: "")
        for name in names {
            try c.db.execute(sql: "ALTER TABLE \(quote(name + suffix)) RENAME TO \(quote(name))")
        }
    }

    static func quote(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}

/// The log of the ledger file the projections live in, read on their own connection so that
/// reading entries and folding them happen in one transaction.
public struct LedgerFileSource: EntrySource {
    /// Reads the entries table of the file the connection is open on.
    public init() {}

    /// Entries from the ledger file, parsed (and checked canonical) on every core.
    public func entries(from: Int, limit: Int, connection: ProjectionConnection) throws -> [IndexedEntry] {
        let raw = try Ledger.rawEntries(connection.db, from: from, limit: limit)
        let parsed = Parallel.map(raw, workers: Parallel.cores) { row -> Result<IndexedEntry, FormatError> in
            do throws(FormatError) {
                return .success(IndexedEntry(index: row.index, entry: try Entry(bytes: row.bytes)))
            } catch {
                return .failure(error)
            }
        }
        return try parsed.enumerated().map { n, result in
            switch result {
            case .success(let entry): return entry
            case .failure(let error): throw LedgerError.corrupt("entry \(raw[n].index) does not parse: \(error)")
            }
        }
    }

    /// The stored bytes of the entries of `types` only (the entries table's `type` column).
    public func batch(from: Int, limit: Int, types: Set<String>?, connection: ProjectionConnection) throws -> EntryBatch {
        try LogReader.batch(connection.db, from: from, limit: limit, types: types)
    }

    /// Whether the file's ledger admits events under the PCREF policy (which decodes every payload).
    public func payloadsChecked(connection: ProjectionConnection) throws -> Bool {
        try String.fetchOne(connection.db, sql: "SELECT value FROM meta WHERE key = 'policy'") == DomainPolicy.standard.name
    }

    /// Reads on a second, read-only connection to the same file. A read it starts while the
    /// runner's write transaction is open sees exactly the entries that transaction sees (no
    /// one else can append meanwhile), so the runner may decide on it that the log has ended.
    public func detachedReader(for database: ProjectionDatabase) -> DetachedReader? {
        guard let reader = database.reader else { return nil }
        return DetachedReader { from, limit, types in
            try reader.read { db in try LogReader.batch(db, from: from, limit: limit, types: types) }
        }
    }
}

/// The runner's reads of a ledger's entries table.
enum LogReader {
    static func batch(ledger: Ledger, from: Int, limit: Int, types: Set<String>?) throws -> EntryBatch {
        try ledger.database.read { db in try batch(db, from: from, limit: limit, types: types) }
    }

    /// Indexes `from ..< from + limit`, clipped to the log, with the bytes of the entries of `types`.
    static func batch(_ db: Database, from: Int, limit: Int, types: Set<String>?) throws -> EntryBatch {
        let below = min(try Ledger.size(in: db), from + limit)
        guard from < below else { return .empty(at: from) }
        let rows = try Ledger.rawEntries(db, from: from, below: below, types: types.map { $0.sorted() })
        let lastBytes = rows.last?.index == below - 1 ? rows.last?.bytes : try Ledger.rawEntry(db, at: below - 1)
        guard let lastBytes else { throw LedgerError.corrupt("entry \(below - 1) is missing") }
        return EntryBatch(covered: from..<below, entries: rows, lastRecordedAt: try EntryPeek.recordedAt(lastBytes))
    }
}
