import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// A file about to be opened as a ledger, checked without writing a byte to it.
///
/// `Ledger.open` used to run the schema migrations (and switch the file to WAL mode) on
/// whatever it was given, so a mistyped `--ledger` path turned another program's database (or
/// an empty file) into a half-made ledger. Now the file is first read through a read-only,
/// immutable connection: only a file whose `meta` table carries a Coledger format, origin and
/// log key is opened for writing.
struct LedgerFile {
    let path: String
    /// Whether the file and its directory may be written (the kernel's answer: an immutable
    /// file or a read-only mount says no even to root).
    let isWritable: Bool

    /// The SQLite header's first 16 bytes.
    static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    init(path: String) throws(LedgerError) {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        isWritable = access(path, W_OK) == 0 && access(directory.isEmpty ? "." : directory, W_OK) == 0
        // Already open as a ledger in this process: it is one, and it must not be read through
        // another descriptor. Closing any descriptor of a file drops every POSIX lock this
        // process holds on it (SQLite's "how to corrupt", 2.2), so another process would then
        // take the write-ahead log for abandoned, checkpoint it and delete it while this
        // process still writes to it: commits invisible to everyone else, lost on a crash.
        if OpenLedgers.contains(path) { return }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .storage("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        // A read that fails (EIO) is not an empty file: say so rather than call it "not a ledger".
        let header: Data?
        do { header = try handle.read(upToCount: 100) } catch {
            try? handle.close()
            throw .storage("cannot read \(path): \(error.localizedDescription); check the disk (nothing was changed)")
        }
        try? handle.close()
        guard let header, !header.isEmpty else { throw .notALedger(path: path, reason: "the file is empty") }
        guard header.count >= 100, Array(header.prefix(16)) == Self.sqliteMagic else {
            throw .notALedger(path: path, reason: "it is not an SQLite database")
        }
        // Byte 18: 2 when the file is in WAL mode (every ledger is).
        let walMode = header[header.startIndex + 18] == 2
        // A -wal beside a WAL-mode file: another process may have it open right now.
        let inUse = walMode && FileManager.default.fileExists(atPath: path + "-wal")
        // First look without touching anything: an immutable read ignores locks, -wal and -shm.
        // Ignoring locks, it can see a torn file while another process checkpoints into it
        // ("database disk image is malformed"): a file in use is then read the locking way.
        do throws(LedgerError) {
            if try hasLedgerMeta(immutable: true) { return }
        } catch {
            guard inUse, case .notALedger = error else { throw error }
        }
        // A ledger in use, or whose first transactions are still only in its write-ahead log:
        // read through the -wal (read-only, with SQLite's locks).
        if inUse, try hasLedgerMeta(immutable: false) { return }
        throw .notALedger(path: path, reason: "it has no Coledger meta table (format, origin and log key)")
    }

    static func nonEmpty(_ path: String) -> Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0) > 0
    }

    /// A `file:` URI for `path` (SQLite accepts them: the library is built with SQLITE_USE_URI).
    static func uri(_ path: String, immutable: Bool) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:\(encoded)?mode=ro" + (immutable ? "&immutable=1" : "")
    }

    func hasLedgerMeta(immutable: Bool) throws(LedgerError) -> Bool {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: Self.uri(path, immutable: immutable), configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                guard try db.tableExists("meta") else { return false }
                let values = try Dictionary(
                    uniqueKeysWithValues: Row.fetchAll(
                        db, sql: "SELECT key, value FROM meta WHERE key IN ('format', 'origin', 'logKey')"
                    )
                    .map { (String.fromDatabaseValue($0["key"]) ?? "", String.fromDatabaseValue($0["value"]) ?? "") })
                return values["format"]?.hasPrefix("coledger/") == true && values["origin"] != nil
                    && values["logKey"] != nil
            }
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
        {
            throw .notALedger(
                path: path, reason: "it is not a readable SQLite database: \(error.message ?? "\(error)")")
        } catch {
            throw .storage("cannot read \(path): \(error)")
        }
    }

    /// A read-only connection: the usual one when SQLite can share the write-ahead log's
    /// index (-shm) here, else an immutable one when there is no write-ahead log to read.
    func readOnlyQueue() throws -> DatabaseQueue {
        var configuration = Ledger.configuration()
        configuration.readonly = true
        configuration.journalMode = .default
        do {
            let queue = try DatabaseQueue(path: Self.uri(path, immutable: false), configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meta") }
            return queue
        } catch {
            guard !Self.nonEmpty(path + "-wal") else {
                throw LedgerError.storage(
                    "cannot open \(path) read-only: its write-ahead log \(path)-wal holds data that SQLite can read only with a "
                        + "-shm file it cannot create here (\(error)); copy the ledger with `coledger backup` (one self-contained file) instead"
                )
            }
            let queue = try DatabaseQueue(path: Self.uri(path, immutable: true), configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM meta") }
            return queue
        }
    }
}

/// Files that hold personal data or keys: created mode 0600 with `O_EXCL` (never created wider
/// and narrowed later), whatever the umask.
enum PrivateFile {
    /// Creates an empty file at `path`, mode 0600.
    /// - Throws: ``LedgerError/alreadyExists(path:)`` when there is one.
    static func create(_ path: String) throws(LedgerError) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { throw .alreadyExists(path: path) }
            throw .storage("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        _ = fchmod(fd, 0o600)
        close(fd)
    }

    /// Writes `data` to a new file at `path`, mode 0600, and syncs it.
    static func write(_ data: Data, to path: String) throws(LedgerError) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .storage("cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        _ = fchmod(fd, 0o600)
        var offset = 0
        while offset < data.count {
            let n = data.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .storage("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        guard fsync(fd) == 0 else { throw .storage("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }
}

/// The ledger files this process has open (by path, device and inode), so that opening one again never
/// reads it through a second descriptor (see ``LedgerFile``).
enum OpenLedgers {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var counts: [FileID: Int] = [:]

    /// The path as given and the file it names now (a deleted ledger's inode reused by another
    /// file under another path is not taken for it).
    struct FileID: Hashable {
        let path: String
        let device: UInt64
        let inode: UInt64
    }

    static func id(_ path: String) -> FileID? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileID(path: path, device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    static func contains(_ path: String) -> Bool {
        guard let id = id(path) else { return false }
        return lock.withLock { counts[id, default: 0] > 0 }
    }

    static func register(_ id: FileID?) {
        guard let id else { return }
        lock.withLock { counts[id, default: 0] += 1 }
    }

    static func unregister(_ id: FileID?) {
        guard let id else { return }
        lock.withLock {
            let left = counts[id, default: 0] - 1
            counts[id] = left > 0 ? left : nil
        }
    }
}
