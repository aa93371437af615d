public import Foundation
import GRDB
public import LedgerCore

/// What ``Ledger/publishTiles(to:)`` did.
public struct TilePublishResult: Sendable, Codable, Equatable {
    /// The directory written.
    public var directory: String
    /// The tree size the directory held before (0: it was empty).
    public var previousSize: Int
    /// The tree size it holds now (the newest checkpoint's).
    public var size: Int
    /// Hash tiles and entry bundles written (full ones are written once and never again).
    public var filesWritten: Int
    /// Full tiles that were already there and left untouched.
    public var fullTilesKept: Int
}

extension Ledger {
    /// The bytes of hash tile `tile` (its `width` hashes of tree level `8·level`, concatenated).
    /// - Throws: ``LedgerError/badProofRequest(_:)`` when the log has fewer hashes than the tile.
    public func tileBytes(_ tile: TlogTiles.Tile) throws(LedgerError) -> [UInt8] {
        try read { db in try Self.tileBytes(tile, db) }
    }

    /// The entry bundle with `tile`'s index and width: those entries' exact bytes, each after its
    /// two-byte big-endian length (FORMAT.md section 13).
    /// - Throws: ``LedgerError/badProofRequest(_:)`` when the log has fewer entries, or
    ///   ``LedgerError/refused(_:)`` for an entry over 65,535 bytes.
    public func entryBundle(_ tile: TlogTiles.Tile) throws(LedgerError) -> [UInt8] {
        try read { db in try Self.entryBundle(tile, db) }
    }

    static func tileBytes(_ tile: TlogTiles.Tile, _ db: Database) throws -> [UInt8] {
        let first = tile.index * UInt64(TlogTiles.fullWidth)
        guard TlogTiles.hashCount(level: tile.level, size: UInt64(try size(db))) >= first + UInt64(tile.width) else {
            throw LedgerError.badProofRequest("\(tile.path) lies beyond the log")
        }
        if tile.level == 0 {
            let rows = try Data.fetchAll(
                db, sql: "SELECT leaf_hash FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx",
                arguments: [Int64(first), Int64(first) + Int64(tile.width)])
            return rows.flatMap { [UInt8]($0) }
        }
        let source = StorageNodeSource(storage: SQLiteLog(db))
        var out: [UInt8] = []
        out.reserveCapacity(tile.width * RFC6962.hashByteCount)
        for i in 0..<UInt64(tile.width) {
            out.append(contentsOf: try source.hash(level: tile.level * TlogTiles.height, index: first + i))
        }
        return out
    }

    static func entryBundle(_ tile: TlogTiles.Tile, _ db: Database) throws -> [UInt8] {
        let first = Int64(tile.index * UInt64(TlogTiles.fullWidth))
        guard Int64(try size(db)) >= first + Int64(tile.width) else {
            throw LedgerError.badProofRequest("\(tile.entriesPath) lies beyond the log")
        }
        let rows = try Data.fetchAll(
            db, sql: "SELECT bytes FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx",
            arguments: [first, first + Int64(tile.width)])
        do {
            return try TlogTiles.entryBundle(rows.map { [UInt8]($0) })
        } catch {
            if case .entryTooLarge(let position, let bytes) = error {
                throw LedgerError.refused(
                    "entry \(first + Int64(position)) is \(bytes) bytes, over the \(TlogTiles.maxEntryBytes) a tlog-tiles entry bundle can hold"
                )
            }
            throw LedgerError.corrupt("\(error)")
        }
    }

    /// Brings a c2sp.org/tlog-tiles directory up to the newest signed checkpoint: writes the
    /// entry bundles and hash tiles that are new or still partial, then the (cosigned)
    /// checkpoint last, each file atomically (temporary file, then rename).
    ///
    /// Full tiles are written once and never rewritten. When a full tile replaces its partial
    /// versions, the partial files are removed. A directory that holds another log (other
    /// origin, a checkpoint that is not a prefix of this log, or a larger tree) is refused and
    /// left as it is.
    /// - Throws: ``LedgerError/noCheckpoint(_:)`` before the first checkpoint,
    ///   ``LedgerError/refused(_:)`` for a directory of another log, ``LedgerError/storage(_:)``.
    public func publishTiles(to directory: URL) throws(LedgerError) -> TilePublishResult {
        guard let checkpoint = try latestCheckpoint() else {
            throw .noCheckpoint("no signed checkpoint yet: run `coledger checkpoint` first, then publish")
        }
        let previous = try publishedSize(in: directory)
        let note = try cosignedNote(size: checkpoint.size) ?? checkpoint.note
        var result = TilePublishResult(
            directory: directory.path, previousSize: previous, size: checkpoint.size, filesWritten: 0, fullTilesKept: 0)
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            for tile in TlogTiles.tilesToPublish(from: UInt64(previous), to: UInt64(checkpoint.size)) {
                var files = [(tile.path, { () throws -> [UInt8] in try self.tileBytes(tile) })]
                if tile.level == 0 {
                    files.append((tile.entriesPath, { () throws -> [UInt8] in try self.entryBundle(tile) }))
                }
                for (path, make) in files {
                    let url = directory.appendingPathComponent(path)
                    if tile.isFull && fm.fileExists(atPath: url.path) {
                        result.fullTilesKept += 1
                    } else {
                        try Self.writeAtomically(try make(), to: url)
                        result.filesWritten += 1
                    }
                    if tile.isFull {
                        // The partial versions this full tile replaces: `N.p/`.
                        try? fm.removeItem(
                            at: url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".p"))
                    }
                }
            }
            let existing = try? String(contentsOf: directory.appendingPathComponent("checkpoint"), encoding: .utf8)
            if existing != note {
                try Self.writeAtomically(Array(note.utf8), to: directory.appendingPathComponent("checkpoint"))
            }
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .storage("cannot publish tiles to \(directory.path): \(error)")
        }
        return result
    }

    /// The tree size a tiles directory holds for this log (0 when it has no checkpoint yet).
    /// - Throws: ``LedgerError/refused(_:)`` when its checkpoint is not this log's or not a
    ///   prefix of it.
    func publishedSize(in directory: URL) throws(LedgerError) -> Int {
        let url = directory.appendingPathComponent("checkpoint")
        guard FileManager.default.fileExists(atPath: url.path) else { return 0 }
        let published: Checkpoint
        do {
            let note = try SignedNote(parsing: Array(try Data(contentsOf: url)))
            guard !(try note.verify(trusting: [logKey])).isEmpty else {
                throw LedgerError.refused("\(url.path) is not signed by this log's key \(logKey)")
            }
            published = try note.checkpoint()
        } catch let error as LedgerError {
            throw error
        } catch {
            throw .refused("\(url.path) is not a checkpoint of this log: \(error)")
        }
        guard published.origin == origin else {
            throw .refused(
                "\(directory.path) holds the log \(published.origin), not \(origin); publish to another directory")
        }
        let size = try self.size()
        guard published.size <= UInt64(size), try root(size: Int(published.size)) == published.rootHash else {
            throw .refused(
                "\(directory.path) holds a checkpoint at size \(published.size) that this log does not extend; it is another history of \(origin)"
            )
        }
        return Int(published.size)
    }

    static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: .atomic)
    }
}
