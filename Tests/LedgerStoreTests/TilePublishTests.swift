import Foundation
import LedgerCore
import LedgerStore
import Testing

@Suite("publish --tiles: the log as c2sp.org/tlog-tiles files")
struct TilePublishTests {
    static func grow(_ t: TestLedger, to size: Int) throws {
        let n = try t.ledger.size()
        guard size > n else { return }
        _ = try t.ledger.append(drafts: (n..<size).map { TestLedger.note("notes/\($0 % 7)", $0) }, signer: t.admin)
    }

    static func read(_ dir: URL, _ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: dir.appendingPathComponent(path)))
    }

    /// Checks a published directory the way a mirror would: the checkpoint's signature, its root
    /// from the hash tiles, and every entry bundle against the level-0 tiles. Returns the entries.
    static func check(_ dir: URL, logKey: NoteVerifierKey) throws -> [[UInt8]] {
        let note = try SignedNote(parsing: try read(dir, "checkpoint"))
        #expect(try note.verify(trusting: [logKey]) == [logKey])
        let checkpoint = try note.checkpoint()
        let source = TileNodeSource(size: checkpoint.size) { tile in try read(dir, tile.path) }
        #expect(try MerkleTreeReader(source: source).root(size: checkpoint.size) == checkpoint.rootHash)
        var entries: [[UInt8]] = []
        var index: UInt64 = 0
        while let tile = TlogTiles.tile(level: 0, index: index, size: checkpoint.size) {
            let bundle = try TlogTiles.entries(ofBundle: try read(dir, tile.entriesPath), count: tile.width)
            #expect(bundle.map(RFC6962.leafHash) == (try source.hashes(level: 0, index: index)))
            entries += bundle
            index += 1
        }
        #expect(entries.count == Int(checkpoint.size))
        return entries
    }

    @Test("published tiles verify against the signed checkpoint and hold the exact entry bytes")
    func publishAndReadBack() throws {
        let t = try TestLedger()
        defer { t.remove() }
        try Self.grow(t, to: 600)
        let dir = t.directory.appendingPathComponent("tiles")
        #expect(throws: LedgerError.self) { try t.ledger.publishTiles(to: dir) }  // no checkpoint yet
        _ = try t.ledger.signCheckpoint(with: t.logKey)
        try Self.grow(t, to: 650)  // appended after the checkpoint: not published
        let result = try t.ledger.publishTiles(to: dir)
        #expect(result.size == 600 && result.previousSize == 0)
        // Two full level-0 tiles, one partial of 88, their bundles, and level 1 with two hashes.
        #expect(result.filesWritten == 7)
        for path in ["tile/0/000", "tile/0/001", "tile/0/002.p/88", "tile/entries/002.p/88", "tile/1/000.p/2"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path), "\(path)")
        }
        let entries = try Self.check(dir, logKey: t.ledger.logKey)
        let stored = try t.ledger.entries(from: 0, limit: 600).map(\.entry.bytes)
        #expect(entries == stored)
    }

    @Test("publishing again writes only what grew: full tiles are never rewritten, stale partials go")
    func incremental() throws {
        let t = try TestLedger()
        defer { t.remove() }
        try Self.grow(t, to: 300)
        _ = try t.ledger.signCheckpoint(with: t.logKey)
        let dir = t.directory.appendingPathComponent("tiles")
        _ = try t.ledger.publishTiles(to: dir)
        let full = dir.appendingPathComponent("tile/0/000")
        // Mark the full tile: a rewrite would replace this file (new inode, restored content).
        let before = try FileManager.default.attributesOfItem(atPath: full.path)[.systemFileNumber] as? Int
        let again = try t.ledger.publishTiles(to: dir)
        #expect(again.previousSize == 300 && again.filesWritten == 0)

        try Self.grow(t, to: 530)
        _ = try t.ledger.signCheckpoint(with: t.logKey)
        let grown = try t.ledger.publishTiles(to: dir)
        #expect(grown.previousSize == 300 && grown.size == 530)
        // tile 0/001 and its bundle (now full), 0/002.p/18 and its bundle, 1/000.p/2.
        #expect(grown.filesWritten == 5)
        #expect(try FileManager.default.attributesOfItem(atPath: full.path)[.systemFileNumber] as? Int == before)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("tile/0/001.p").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("tile/entries/001.p").path))
        #expect(try Self.check(dir, logKey: t.ledger.logKey).count == 530)
    }

    @Test("a directory holding another log, or another history of this one, is refused and left as it was")
    func refusesOtherHistories() throws {
        let t = try TestLedger()
        defer { t.remove() }
        try Self.grow(t, to: 40)
        _ = try t.ledger.signCheckpoint(with: t.logKey)
        let dir = t.directory.appendingPathComponent("tiles")
        _ = try t.ledger.publishTiles(to: dir)
        let published = try Self.read(dir, "checkpoint")

        // The same origin and keys, a different history (what a rewriting operator would have).
        let forked = try TestLedger()
        defer { forked.remove() }
        _ = try forked.ledger.append(drafts: (0..<50).map { TestLedger.note("other", $0) }, signer: forked.admin)
        _ = try forked.ledger.signCheckpoint(with: forked.logKey)
        let error = #expect(throws: LedgerError.self) { try forked.ledger.publishTiles(to: dir) }
        #expect(error.map { "\($0)" }?.contains("another history") == true)
        let other = try TestLedger(origin: "other.example/log")
        defer { other.remove() }
        _ = try other.ledger.signCheckpoint(with: other.logKey)
        #expect(throws: LedgerError.self) { try other.ledger.publishTiles(to: dir) }
        #expect(try Self.read(dir, "checkpoint") == published)
        #expect(try Self.check(dir, logKey: t.ledger.logKey).count == 40)
    }
}
